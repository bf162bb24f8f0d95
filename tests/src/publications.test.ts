import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {parseRssFeed} from 'feedsmith'
import {parse, type HTMLElement} from 'node-html-parser'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildDemoSite, buildDemoSiteWith, demoDocuments, htmlFile, type Build} from './site.ts'

/*
 * Publications as a reader, a feed reader and a search engine meet them: the demo report's
 * page, download, citation, feed and structured data; then a dataset of more publications than
 * a page holds, for the list's pages, its filters and authors who are team members.
 */

type Publication = {
  _id: string
  _type: 'publication'
  title: string
  slug: {_type: 'slug'; current: string}
  kind: string
  date: string
  summary: string
  url?: string
  doi?: string
  authors?: unknown[]
  topics?: Array<{_type: 'reference'; _ref: string; _key: string}>
}

const demo = await demoDocuments()
const demoPublications = demo.filter((doc): doc is Publication => doc._type === 'publication')
const newestFirst = (publications: Publication[]) =>
  [...publications].sort((a, b) => b.date.localeCompare(a.date) || a._id.localeCompare(b._id))
const sitePath = (publication: Publication) => `/publications/${publication.slug.current}/`

const html = async (outDir: string, sitePathname: string) =>
  parse(await readFile(htmlFile(outDir, sitePathname), 'utf8'))

/** The publications a list on the page links to, in order. */
const listed = (root: HTMLElement) =>
  root.querySelectorAll('main .publication-list > li').map((item) => item.querySelector('a')?.getAttribute('href'))

const jsonLd = (root: HTMLElement) =>
  root
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.text) as Record<string, unknown>)

describe('the demo site', () => {
  let build: Build & {remove: () => Promise<void>}
  const report = demoPublications.find((doc) => doc._id === 'publication-talent-commission-report')

  beforeAll(async () => {
    build = await buildDemoSite('publications-demo')
  }, 180_000)
  afterAll(() => build.remove())

  test('the demo dataset has the TALENT Commission report', () => {
    expect(report).toMatchObject({date: '2022-02-01', kind: 'other'})
  })

  test('its page offers the PDF, described with its real size and pages, marked as an example', async () => {
    const root = await html(build.outDir, '/publications/talent-commission-report/')
    const link = root.querySelector('main a.publication-download')
    const href = link?.getAttribute('href') ?? ''
    expect(href).toBe('/publications/files/talent-commission-report.pdf')
    const file = path.join(build.outDir, href)
    const bytes = await readFile(file)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const kb = Math.round((await stat(file)).size / 1024)
    expect(root.querySelector('main .publication-download__meta')?.text.trim()).toBe(`(PDF, ${String(kb)} KB, 1 page)`)
    expect(root.querySelector('main')?.text).toContain('Example file: replace with the report')
  })

  test('its page gives a suggested citation', async () => {
    const root = await html(build.outDir, '/publications/talent-commission-report/')
    expect(root.querySelector('main .publication-citation')?.text.replace(/\s+/g, ' ').trim()).toBe(
      'TALENT Commission (2022). The TALENT Commission report. UK Institute for Technical Skills and Strategy.',
    )
  })

  test('its page describes it as a Report for search engines, and as an article when shared', async () => {
    const root = await html(build.outDir, '/publications/talent-commission-report/')
    expect(jsonLd(root).find((thing) => thing['@type'] === 'Report')).toMatchObject({
      '@context': 'https://schema.org',
      name: report?.title,
      datePublished: '2022-02-01',
      author: [{'@type': 'Person', name: 'TALENT Commission'}],
      publisher: {name: 'UK Institute for Technical Skills and Strategy'},
    })
    const meta = (property: string) => root.querySelector(`meta[property="${property}"]`)?.getAttribute('content')
    expect(meta('og:type')).toBe('article')
    expect(meta('article:published_time')).toBe('2022-02-01')
  })

  test('/publications/ lists every publication newest first and links its RSS feed', async () => {
    const root = await html(build.outDir, '/publications/')
    expect(listed(root)).toEqual(newestFirst(demoPublications).map(sitePath))
    expect(root.querySelector('head link[rel="alternate"][href="/publications/rss.xml"]')).not.toBeNull()
    const feed = parseRssFeed(await readFile(path.join(build.outDir, 'publications/rss.xml'), 'utf8'))
    expect((feed.items ?? []).map((item) => ({title: item.title, link: item.link}))).toEqual(
      newestFirst(demoPublications).map((doc) => ({title: doc.title, link: `http://localhost:4321${sitePath(doc)}`})),
    )
  })

  test('the Research and Policy page and the topic pages list the report', async () => {
    expect(listed(await html(build.outDir, '/what-we-do/research-and-policy/'))).toContain(
      '/publications/talent-commission-report/',
    )
    expect(listed(await html(build.outDir, '/topics/talent/'))).toContain('/publications/talent-commission-report/')
  })

  test('the sitemap lists the publications with their dates', async () => {
    const sitemap = await readFile(path.join(build.outDir, 'sitemap.xml'), 'utf8')
    expect(sitemap).toContain('/publications/talent-commission-report/</loc><lastmod>2022-02-01</lastmod>')
    expect(sitemap).toContain('/publications/kind/other/</loc>')
  })
})

describe('more publications than a page holds', () => {
  const EXTRA = 25
  const kinds = ['research-paper', 'insight-report', 'policy-response', 'evaluation', 'other']
  const extra = Array.from({length: EXTRA}, (_, i): Publication => {
    const n = String(i + 1).padStart(2, '0')
    return {
      _id: `publication-test-${n}`,
      _type: 'publication',
      title: `Test publication ${n}`,
      slug: {_type: 'slug', current: `test-publication-${n}`},
      kind: kinds[i % kinds.length] ?? 'other',
      // Two years, so the year filter has something to tell apart.
      date: `${i < 12 ? '2023' : '2024'}-03-${n}`,
      summary: `Test publication number ${n}.`,
      url: `https://example.org/publications/${n}`,
      ...(i === 0
        ? {
            doi: '10.1234/itss.test.01',
            authors: [
              {_type: 'reference', _ref: 'team-andrew-noyes', _key: 'a1'},
              {_type: 'externalAuthor', _key: 'a2', name: 'A. Colleague', affiliation: 'A university'},
            ],
          }
        : {}),
      ...(i % 3 === 0 ? {topics: [{_type: 'reference', _ref: 'topic-technical-careers', _key: 't1'}]} : {}),
    }
  })
  const all = newestFirst([...demoPublications, ...extra])
  const listPath = (page: number, base = '/publications/') => (page === 1 ? base : `${base}page/${String(page)}/`)

  let build: Awaited<ReturnType<typeof buildDemoSiteWith>> | undefined

  beforeAll(async () => {
    build = await buildDemoSiteWith('site-publication-pages', extra)
    if (build.code !== 0) throw new Error(`The build failed:\n${build.output}`)
  }, 180_000)

  afterAll(() => build?.remove())

  const outDir = () => build?.outDir ?? ''

  test('the list pages hold ten each, newest first, every publication once', async () => {
    const pages = await Promise.all([1, 2, 3].map(async (page) => listed(await html(outDir(), listPath(page)))))
    expect(pages.map((items) => items.length)).toEqual([10, 10, all.length - 20])
    expect(pages.flat()).toEqual(all.map(sitePath))
    await expect(readFile(htmlFile(outDir(), listPath(4)), 'utf8')).rejects.toThrow()
    const nav = (await html(outDir(), listPath(2))).querySelector('main nav[aria-label="Publications pages"]')
    expect(nav?.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/publications/')
    expect(nav?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/publications/page/3/')
  })

  const filters: Array<[string, (doc: Publication) => boolean]> = [
    ...kinds.map((kind): [string, (doc: Publication) => boolean] => [
      `/publications/kind/${kind}/`,
      (doc) => doc.kind === kind,
    ]),
    [
      '/publications/topic/technical-careers/',
      (doc) => Boolean(doc.topics?.some((t) => t._ref === 'topic-technical-careers')),
    ],
    ['/publications/year/2023/', (doc) => doc.date.startsWith('2023')],
    ['/publications/year/2024/', (doc) => doc.date.startsWith('2024')],
    ['/publications/year/2022/', (doc) => doc.date.startsWith('2022')],
  ]

  test.each(filters)('%s lists exactly the matching publications, across its pages', async (base, matches) => {
    const expected = all.filter(matches).map(sitePath)
    const pageCount = Math.ceil(expected.length / 10)
    const pages = await Promise.all(
      Array.from({length: pageCount}, async (_, i) => listed(await html(outDir(), listPath(i + 1, base)))),
    )
    expect(pages.flat()).toEqual(expected)
  })

  test('the listing links every filter with a plain link, and no script is needed', async () => {
    const root = await html(outDir(), '/publications/')
    const nav = root.querySelector('main nav[aria-label="Filter publications"]')
    const hrefs = nav?.querySelectorAll('a').map((a) => a.getAttribute('href')) ?? []
    for (const [base] of filters) expect(hrefs).toContain(base)
    expect(root.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0)
  })

  test('a publication links its team member author to Meet the team, and gives its DOI', async () => {
    const root = await html(outDir(), '/publications/test-publication-01/')
    const author = root.querySelectorAll('main .publication-authors a').find((a) => a.text.includes('Andrew Noyes'))
    const href = author?.getAttribute('href') ?? ''
    expect(href).toMatch(/^\/[^#]+\/#team-andrew-noyes$/)
    const [page = '', anchor = ''] = href.split('#')
    const team = await html(outDir(), page)
    const person = team.querySelector(`#${anchor}`)
    expect(person?.text).toContain('Andrew Noyes')
    expect(person?.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain(
      '/publications/test-publication-01/',
    )

    const citation = root.querySelector('main .publication-citation')
    expect(citation?.text.replace(/\s+/g, ' ')).toContain('A. Colleague (2023). Test publication 01.')
    expect(citation?.querySelector('a')?.getAttribute('href')).toBe('https://doi.org/10.1234/itss.test.01')
    const data = jsonLd(root).find((thing) => thing['@type'] === 'ScholarlyArticle')
    expect(data).toMatchObject({
      datePublished: '2023-03-01',
      identifier: {propertyID: 'DOI', value: '10.1234/itss.test.01'},
      publisher: {name: 'UK Institute for Technical Skills and Strategy'},
    })
    expect((data?.author as unknown[] | undefined)?.length).toBe(2)
  })
})
