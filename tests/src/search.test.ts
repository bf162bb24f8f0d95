import {readFile} from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import {parse} from 'node-html-parser'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildDemoSite, builtPages, demoDocuments, htmlFile, type Build} from './site.ts'

/*
 * What the search index knows about each page of the demo site: its kind and its topics, as
 * the built pages declare them to Pagefind and as Pagefind's own index, queried with its own
 * script, filters them; and the list the search page shows when there is no JavaScript. The
 * index is built from the content (web/src/lib/searchRecords.ts), so it is checked against
 * the pages as built: the same pages, titles and filters.
 */

type Doc = {_id: string; _type: string; title?: string; slug?: {current: string}; topics?: Array<{_ref: string}>}

const demo = await demoDocuments<Doc>()
const ofType = (type: string) => demo.filter((doc) => doc._type === type)
const topicTitle = (id: string) => demo.find((doc) => doc._id === id)?.title
const slugOf = (doc: Doc) => doc.slug?.current ?? ''

/** The news articles, publications and events, with where each lives and the kind the index gives it. */
const dated = [
  ...ofType('newsArticle').map((doc) => ({doc, path: `/news/${slugOf(doc)}/`, kind: 'News'})),
  ...ofType('publication').map((doc) => ({doc, path: `/publications/${slugOf(doc)}/`, kind: 'Publication'})),
  ...ofType('event').map((doc) => ({doc, path: `/events/${slugOf(doc)}/`, kind: 'Event'})),
]

interface Pagefind {
  options: (options: {basePath: string}) => Promise<void>
  filters: () => Promise<Record<string, Record<string, number>>>
  search: (
    term: string | null,
    options?: {filters?: Record<string, string>},
  ) => Promise<{results: Array<{data: () => Promise<IndexedPage>}>}>
}
interface IndexedPage {
  url: string
  excerpt: string
  meta: {title?: string}
  filters: Record<string, string[]>
}

describe('search over the demo site', () => {
  let build: Build & {remove: () => Promise<void>}
  let server: http.Server
  let pagefind: Pagefind

  beforeAll(async () => {
    build = await buildDemoSite('search')
    // Pagefind's own script fetches its index over HTTP, as in a browser.
    const indexDir = path.join(build.outDir, 'pagefind')
    server = http.createServer((request, response) => {
      const file = path.join(indexDir, new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/pagefind\//, ''))
      readFile(file).then(
        (body) => response.end(body),
        () => response.writeHead(404).end(),
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const {port} = server.address() as {port: number}
    pagefind = (await import(path.join(indexDir, 'pagefind.js'))) as Pagefind
    await pagefind.options({basePath: `http://127.0.0.1:${String(port)}/pagefind/`})
  }, 180_000)
  afterAll(async () => {
    server.close()
    await build.remove()
  })

  const html = async (sitePath: string) => parse(await readFile(htmlFile(build.outDir, sitePath), 'utf8'))
  const filtersOf = async (sitePath: string) => {
    const main = (await html(sitePath)).querySelector('main')
    return {
      kind: main?.getAttribute('data-pagefind-filter'),
      topics: main?.querySelectorAll('[data-pagefind-filter="topic"]').map((span) => span.text.trim()),
    }
  }

  test.each(dated.map((item) => [item.path, item] as const))(
    '%s is filed by its kind and topics',
    async (_path, item) => {
      expect(await filtersOf(item.path)).toEqual({
        kind: `kind:${item.kind}`,
        topics: (item.doc.topics ?? []).map((topic) => topicTitle(topic._ref)),
      })
    },
  )

  test('a topic page is a page filed under its topic; an ordinary page has no topic', async () => {
    const topic = ofType('topic')[0]
    expect(await filtersOf(`/topics/${slugOf(topic ?? {_id: '', _type: ''})}/`)).toEqual({
      kind: 'kind:Page',
      topics: [topic?.title],
    })
    expect(await filtersOf('/about-us/')).toEqual({kind: 'kind:Page', topics: []})
  })

  test('the index offers every kind and every topic in use', async () => {
    const filters = await pagefind.filters()
    expect(Object.keys(filters.kind ?? {}).sort()).toEqual(['Event', 'News', 'Page', 'Publication'])
    const used = new Set(dated.flatMap((item) => (item.doc.topics ?? []).map((topic) => topicTitle(topic._ref))))
    for (const title of used) expect(Object.keys(filters.topic ?? {})).toContain(title)
  })

  test.each(['News', 'Publication', 'Event'])('filtering by %s finds exactly those', async (kind) => {
    const found = await pagefind.search(null, {filters: {kind}})
    const paths = (await Promise.all(found.results.map((result) => result.data()))).map((data) => data.url)
    expect(paths.map((url) => new URL(url, 'http://x').pathname).sort()).toEqual(
      dated
        .filter((item) => item.kind === kind)
        .map((item) => item.path)
        .sort(),
    )
  })

  test('the index holds every page marked for search, as the page is titled and filed', async () => {
    const marked: string[] = []
    for (const file of await builtPages(build.outDir)) {
      const html = await readFile(path.join(build.outDir, file), 'utf8')
      if (html.includes('data-pagefind-body')) marked.push(`/${file.replace(/index\.html$/, '')}`)
    }
    const indexed = (
      await Promise.all(
        ['Page', 'News', 'Publication', 'Event'].map(async (kind) => {
          const found = await pagefind.search(null, {filters: {kind}})
          return Promise.all(found.results.map((result) => result.data()))
        }),
      )
    )
      .flat()
      .map((page) => ({...page, url: new URL(page.url, 'http://x').pathname}))
    expect(indexed.map((page) => page.url).sort()).toEqual(marked.sort())
    for (const page of indexed) {
      const main = (await html(page.url)).querySelector('main')
      const title = main?.querySelector('h1')?.text.replace(/\s+/g, ' ').trim()
      const {kind, topics} = await filtersOf(page.url)
      expect({url: page.url, title: page.meta.title, kind: `kind:${page.filters.kind?.join() ?? ''}`}).toEqual({
        url: page.url,
        title,
        kind,
      })
      expect(page.filters.topic ?? []).toEqual(topics)
      expect(page.excerpt.length).toBeGreaterThan(0)
    }
  })

  test('the search page without JavaScript offers a few lists to browse, the pages A to Z first', async () => {
    const fallback = (await html('/search/')).querySelector('[data-search-fallback]')
    const hrefs = fallback?.querySelectorAll('a').map((a) => a.getAttribute('href')) ?? []
    // The same handful of links however large the site grows: no list of everything.
    expect(hrefs).toEqual(['/search/a-z/', '/news/', '/publications/', '/events/', '/topics/'])
    expect(fallback?.querySelector('[data-search-no-script]')?.text).toMatch(/needs JavaScript/)
  })

  test('the pages A to Z list every page in the sitemap that is not in a list of its own, once, by title', async () => {
    const sitemap = await readFile(path.join(build.outDir, 'sitemap.xml'), 'utf8')
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname)
    expect(urls).toContain('/search/a-z/')
    const contentPages = urls.filter((url) => !/^\/(news|publications|events|topics|search)\//.test(url))
    const index = await html('/search/a-z/')
    const entries = index.querySelectorAll('main .az-entries a')
    expect(entries.map((a) => a.getAttribute('href')).sort()).toEqual(contentPages.sort())
    const titles = entries.map((a) => a.text.trim())
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', {sensitivity: 'base', numeric: true})))
    // The FAQs page says where it sits; each letter with pages links to its heading.
    expect(entries.find((a) => a.text.trim() === 'FAQs')?.parentNode.text).toMatch(/FAQs\s+in About us/)
    const aboutUs = index.querySelector('main .az-letters a[href="/search/a-z/#az-a"]')
    expect(aboutUs?.text).toBe('A')
    expect(index.querySelector('#az-a + .az-entries')?.text).toContain('About us')
    expect(index.querySelector('main .az-letters a[href$="#az-q"]')).toBeNull()
  })
})
