// The draft preview (`pnpm preview`, Astro's dev server) answers at the addresses the built
// site is served at, the ones the Studio's Preview action opens (`/about-us/`), and sends an
// address without its trailing slash there with one redirect, as a static host does.
import {startDraftPreview, type DraftPreview} from '@itss/dev'
import type {Lake} from '@itss/lake'
import {freePort} from '@itss/lake/testing'
import {clientConfigFor} from '@itss/schemas/api'
import {resolvePagePaths, servedPath} from '@itss/schemas/paths'
import {createClient, type SanityDocument} from '@sanity/client'
import {parse} from 'node-html-parser'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {removeDir, startDemoLake} from './site.ts'

describe('page addresses (resolvePagePaths, servedPath)', () => {
  test('pages resolve to their served form: a trailing slash, the home page at /', () => {
    const {paths, problems} = resolvePagePaths(
      [
        {_id: 'home', slug: 'home', parentId: null},
        {_id: 'about', slug: 'about-us', parentId: 'home'},
        {_id: 'faqs', slug: 'faqs', parentId: 'about'},
        {_id: 'privacy', slug: 'privacy', parentId: null},
      ],
      'home',
    )
    expect(problems).toEqual([])
    expect(Object.fromEntries(paths)).toEqual({
      home: '/',
      about: '/about-us/',
      faqs: '/about-us/faqs/',
      privacy: '/privacy/',
    })
  })

  test.each([
    ['/about-us', '/about-us/'],
    ['/about-us/', '/about-us/'],
    ['/about-us/faqs#funding', '/about-us/faqs/#funding'],
    ['/search?q=skills', '/search/?q=skills'],
    ['/', '/'],
    ['/sitemap.xml', '/sitemap.xml'],
    ['/files/annual-report.pdf', '/files/annual-report.pdf'],
    ['#main', '#main'],
    ['https://example.org/about', 'https://example.org/about'],
    ['//example.org/about', '//example.org/about'],
    ['mailto:contact@itss.example', 'mailto:contact@itss.example'],
  ])('a link to %j points at %j', (href, served) => {
    expect(servedPath(href)).toBe(served)
  })
})

describe('the draft preview', () => {
  let lake: (Lake & {dir: string}) | undefined
  let preview: DraftPreview | undefined

  beforeAll(async () => {
    lake = await startDemoLake()
    // As `pnpm preview` runs, without vitest's NODE_ENV=test and VITEST*, under which astro dev
    // answers every page with 404.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(SANITY_|VITEST)/.test(key) && key !== 'NODE_ENV'),
    )
    preview = await startDraftPreview({port: await freePort(), env: {...env, LAKE_DATA_DIR: lake.dir}})
  }, 120_000)

  afterAll(async () => {
    await preview?.close()
    await lake?.close()
    if (lake) await removeDir(lake.dir)
  })

  const get = async (address: string) => {
    const response = await fetch(`${preview?.url}${address}`, {redirect: 'manual', headers: {Accept: 'text/html'}})
    return {status: response.status, location: response.headers.get('location'), body: await response.text()}
  }

  test('serves every sitemap address as it is, naming it as canonical', async () => {
    const sitemap = (await get('/sitemap.xml')).body
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? ''))
    expect(urls.map((url) => url.pathname)).toEqual(expect.arrayContaining(['/', '/about-us/', '/about-us/faqs/']))
    const problems: string[] = []
    for (const url of [...urls, new URL('/search/', urls[0])]) {
      const answer = await get(url.pathname)
      const canonical = parse(answer.body).querySelector('link[rel="canonical"]')?.getAttribute('href')
      if (answer.status !== 200 || canonical !== url.href)
        problems.push(`${url.pathname}: ${answer.status} ${answer.location ?? ''}, canonical ${canonical ?? 'none'}`)
    }
    expect(problems).toEqual([])
  }, 60_000)

  test('sends an address without its trailing slash to the page with one redirect', async () => {
    expect(await get('/about-us/faqs?from=an-old-link')).toMatchObject({
      status: 301,
      location: '/about-us/faqs/?from=an-old-link',
    })
    // Files and Astro's own paths are left alone.
    expect((await get('/robots.txt')).status).toBe(200)
    expect((await get('/favicon.svg')).status).toBe(200)
  })

  test("shows an editor's unfinished draft as published, and names its problem, instead of failing every page", async () => {
    if (!lake) throw new Error('no lake')
    const client = createClient(clientConfigFor({apiHost: lake.httpUrl, projectId: lake.projectId, token: lake.token}))
    // A new article with a title and no address yet, as the Studio saves it while it is written,
    // and the FAQs page's draft retitled; only the article fails the checks.
    const faqsPage = await client.fetch<SanityDocument<{title: string}>>(
      '*[_type == "page" && slug.current == "faqs"][0]',
    )
    await client
      .transaction()
      .create({_id: 'drafts.unfinished-article', _type: 'newsArticle', title: 'An article still being written'})
      .createOrReplace({...faqsPage, _id: `drafts.${faqsPage._id}`, title: 'Questions, answered'})
      .commit()
    try {
      const news = await get('/news/')
      expect(news.status).toBe(200)
      const problems = parse(news.body).querySelector('.draft-banner--problems')?.text ?? ''
      expect(problems).toContain('unfinished-article slug')
      expect(news.body).not.toContain('An article still being written')
      // The other drafts still show.
      const faqs = await get('/about-us/faqs/')
      expect(parse(faqs.body).querySelector('h1')?.text).toBe('Questions, answered')
    } finally {
      await client.transaction().delete('drafts.unfinished-article').delete(`drafts.${faqsPage._id}`).commit()
    }
    const faqs = await get('/about-us/faqs/')
    expect(parse(faqs.body).querySelector('h1')?.text).toBe(faqsPage.title)
    expect(parse(faqs.body).querySelector('.draft-banner--problems')).toBeNull()
  }, 60_000)

  test('answers an unknown address with the 404 page', async () => {
    const answer = await get('/no-such-page/')
    expect(answer.status).toBe(404)
    expect(parse(answer.body).querySelector('h1')?.text).toBe('Page not found')
  })
})
