import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseRssFeed} from 'feedsmith'
import {parse, type HTMLElement} from 'node-html-parser'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildDemoSite, buildDemoSiteWith, demoDocuments, htmlFile, pageText, type Build} from './site.ts'

/*
 * News and topics as a visitor, a feed reader and a search engine meet them: the demo site's
 * articles, feed, structured data and topic pages, and the news list's pages over a dataset
 * with more articles than one page holds.
 */

// Types, not interfaces, so documents pass as the client's plain records.
type Article = {
  _id: string
  _type: 'newsArticle'
  title: string
  slug: {_type: 'slug'; current: string}
  date: string
  summary: string
  body?: unknown[]
  topics?: Array<{_ref: string; _type?: string; _key?: string}>
  related?: Array<{_ref: string}>
}
type Topic = {
  _id: string
  _type: 'topic'
  title: string
  slug: {current: string}
}

const demo = await demoDocuments()
const demoNews = demo.filter((doc): doc is Article => doc._type === 'newsArticle')
const demoTopics = demo.filter((doc): doc is Topic => doc._type === 'topic')
const newestFirst = (articles: Article[]) =>
  [...articles].sort((a, b) => b.date.localeCompare(a.date) || a._id.localeCompare(b._id))

const html = async (outDir: string, sitePath: string) => parse(await readFile(htmlFile(outDir, sitePath), 'utf8'))

/** The articles a list on the page links to, in order, with the date each shows. */
const listed = (root: HTMLElement) =>
  root.querySelectorAll('main .news-list > li').map((item) => ({
    href: item.querySelector('a')?.getAttribute('href'),
    date: item.querySelector('time')?.getAttribute('datetime'),
  }))

const sitePath = (article: Article) => `/news/${article.slug.current}/`

describe('the demo site', () => {
  let build: Build & {remove: () => Promise<void>}

  beforeAll(async () => {
    build = await buildDemoSite('news-demo')
  }, 180_000)
  afterAll(() => build.remove())

  test('the demo dataset has news on more than one day, filed under topics', () => {
    expect(new Set(demoNews.map((article) => article.date)).size).toBeGreaterThan(1)
    expect(demoTopics.length).toBeGreaterThan(1)
  })

  test('/news/ lists every article, newest first, with its date', async () => {
    const items = listed(await html(build.outDir, '/news/'))
    expect(items).toEqual(newestFirst(demoNews).map((article) => ({href: sitePath(article), date: article.date})))
  })

  test('/news/ links its RSS feed for feed readers and for people', async () => {
    const root = await html(build.outDir, '/news/')
    expect(root.querySelector('head link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe(
      '/news/rss.xml',
    )
    const visible = root.querySelectorAll('main a').find((a) => a.text.trim() === 'Subscribe to news (RSS)')
    expect(visible?.getAttribute('href')).toBe('/news/rss.xml')
  })

  test('the home page shows the latest news, newest first', async () => {
    const items = listed(await html(build.outDir, '/'))
    expect(items).toEqual(
      newestFirst(demoNews)
        .slice(0, 3)
        .map((article) => ({href: sitePath(article), date: article.date})),
    )
  })

  test('the RSS feed parses and lists every article with its link and date', async () => {
    const feed = parseRssFeed(await readFile(path.join(build.outDir, 'news/rss.xml'), 'utf8'))
    const items = (feed.items ?? []).map((item) => ({
      title: item.title,
      link: item.link,
      date: item.pubDate ? new Date(item.pubDate).toISOString().slice(0, 10) : undefined,
    }))
    expect(items).toEqual(
      newestFirst(demoNews).map((article) => ({
        title: article.title,
        link: `http://localhost:4321${sitePath(article)}`,
        date: article.date,
      })),
    )
  })

  test.each(demoNews.map((article) => [article.slug.current, article] as const))(
    '%s: the page has its date, summary, NewsArticle data and article meta',
    async (_slug, article) => {
      const root = await html(build.outDir, sitePath(article))
      expect(root.querySelector('main h1')?.text.trim()).toBe(article.title)
      expect(root.querySelector('main time')?.getAttribute('datetime')).toBe(article.date)
      expect(root.querySelector('main')?.text).toContain(article.summary)
      expect(root.querySelectorAll('.breadcrumbs li').map((li) => li.text.trim())).toEqual([
        'Home',
        'News',
        article.title,
      ])

      const data = root
        .querySelectorAll('script[type="application/ld+json"]')
        .map((script) => JSON.parse(script.text) as Record<string, unknown>)
      const news = data.find((thing) => thing['@type'] === 'NewsArticle')
      expect(news).toMatchObject({
        '@context': 'https://schema.org',
        headline: article.title,
        datePublished: article.date,
        description: article.summary,
        publisher: {name: 'UK Institute for Technical Skills and Strategy'},
      })

      const meta = (property: string) => root.querySelector(`meta[property="${property}"]`)?.getAttribute('content')
      expect(meta('og:type')).toBe('article')
      expect(meta('article:published_time')).toBe(article.date)
    },
  )

  test.each(demoNews.map((article) => [article.slug.current, article] as const))(
    '%s links its topics and related content',
    async (_slug, article) => {
      const root = await html(build.outDir, sitePath(article))
      const hrefs = root.querySelectorAll('main a').map((a) => a.getAttribute('href'))
      for (const {_ref} of article.topics ?? []) {
        const topic = demoTopics.find((t) => t._id === _ref)
        expect(hrefs).toContain(`/topics/${topic?.slug.current ?? '?'}/`)
      }
      const related = article.related ?? []
      expect(related.length).toBeGreaterThan(0)
      for (const {_ref} of related) {
        const other = demoNews.find((a) => a._id === _ref)
        if (other) expect(hrefs).toContain(sitePath(other))
      }
    },
  )

  test.each(demoTopics.map((topic) => [topic.slug.current, topic] as const))(
    '/topics/%s/ lists the articles filed under it, newest first',
    async (slug, topic) => {
      const filed = demoNews.filter((article) => article.topics?.some((ref) => ref._ref === topic._id))
      const items = listed(await html(build.outDir, `/topics/${slug}/`))
      expect(items).toEqual(newestFirst(filed).map((article) => ({href: sitePath(article), date: article.date})))
    },
  )

  test('/topics/ links every topic', async () => {
    const hrefs = (await html(build.outDir, '/topics/')).querySelectorAll('main a').map((a) => a.getAttribute('href'))
    for (const topic of demoTopics) expect(hrefs).toContain(`/topics/${topic.slug.current}/`)
    expect(await pageText(build.outDir, '/topics/')).toContain('Topics')
  })

  test('the sitemap lists the news, its list and topic pages, each with a last-modified date', async () => {
    const sitemap = await readFile(path.join(build.outDir, 'sitemap.xml'), 'utf8')
    const entries = new Map(
      [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)].map((m) => [
        new URL(m[1] ?? '').pathname,
        m[2],
      ]),
    )
    const newest = newestFirst(demoNews)[0]?.date
    expect(entries.get('/news/')).toBe(newest)
    for (const article of demoNews) expect(entries.get(sitePath(article))).toBe(article.date)
    expect(entries.get('/topics/')).toBe(newest)
    for (const topic of demoTopics) expect(entries.get(`/topics/${topic.slug.current}/`)).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('a news list longer than a page', () => {
  const EXTRA = 25
  const topic = {
    _id: 'topic-pagination',
    _type: 'topic',
    title: 'Pagination',
    slug: {_type: 'slug', current: 'pagination'},
    description: 'Every fifth test article.',
  }
  const extra = Array.from({length: EXTRA}, (_, i): Article => {
    const day = String(i + 1).padStart(2, '0')
    return {
      _id: `news-test-${day}`,
      _type: 'newsArticle',
      title: `Test article ${day}`,
      slug: {_type: 'slug', current: `test-article-${day}`},
      date: `2024-01-${day}`,
      summary: `Test article number ${day}.`,
      body: [
        {
          _type: 'block',
          _key: 'b1',
          style: 'normal',
          markDefs: [],
          children: [{_type: 'span', _key: 's1', text: `Body of test article ${day}.`, marks: []}],
        },
      ],
      ...(i % 5 === 0 ? {topics: [{_type: 'reference', _ref: topic._id, _key: 't1'}]} : {}),
    }
  })
  const all = newestFirst([...demoNews, ...extra])
  const pageCount = Math.ceil(all.length / 10)
  const listPath = (page: number) => (page === 1 ? '/news/' : `/news/page/${String(page)}/`)

  let build: Awaited<ReturnType<typeof buildDemoSiteWith>> | undefined

  beforeAll(async () => {
    build = await buildDemoSiteWith('site-news-pages', [topic, ...extra])
    if (build.code !== 0) throw new Error(`The build failed:\n${build.output}`)
  }, 180_000)

  afterAll(() => build?.remove())

  const outDir = () => build?.outDir ?? ''

  test('the pages hold ten articles each, newest first, every article once', async () => {
    expect(pageCount).toBe(3)
    const pages = await Promise.all(
      Array.from({length: pageCount}, async (_, i) => listed(await html(outDir(), listPath(i + 1)))),
    )
    expect(pages.map((items) => items.length)).toEqual([10, 10, all.length - 20])
    expect(pages.flat().map((item) => item.href)).toEqual(all.map(sitePath))
  })

  test('there is no page past the last, and no /news/page/1/', async () => {
    await expect(readFile(htmlFile(outDir(), listPath(pageCount + 1)), 'utf8')).rejects.toThrow()
    await expect(readFile(htmlFile(outDir(), '/news/page/1/'), 'utf8')).rejects.toThrow()
  })

  test.each([1, 2, 3])(
    'page %i links every page, marks itself current, and links the pages beside it',
    async (page) => {
      const nav = (await html(outDir(), listPath(page))).querySelector('main nav[aria-label="News pages"]')
      expect(nav).not.toBeNull()
      const links = nav?.querySelectorAll('a') ?? []
      const numbered = links.filter((a) => /^Page \d+$/.test(a.text.replace(/\s+/g, ' ').trim()))
      expect(numbered.map((a) => a.getAttribute('href'))).toEqual([1, 2, 3].map(listPath))
      expect(links.filter((a) => a.getAttribute('aria-current') === 'page').map((a) => a.getAttribute('href'))).toEqual(
        [listPath(page)],
      )
      const rel = (name: string) => links.find((a) => a.getAttribute('rel') === name)?.getAttribute('href')
      expect(rel('prev')).toBe(page > 1 ? listPath(page - 1) : undefined)
      expect(rel('next')).toBe(page < pageCount ? listPath(page + 1) : undefined)
    },
  )

  test('the topic page lists only its articles, newest first', async () => {
    const filed = extra.filter((article) => article.topics?.length)
    expect(listed(await html(outDir(), '/topics/pagination/')).map((item) => item.href)).toEqual(
      newestFirst(filed).map(sitePath),
    )
  })

  test('the RSS feed lists every article', async () => {
    const feed = parseRssFeed(await readFile(path.join(outDir(), 'news/rss.xml'), 'utf8'))
    expect((feed.items ?? []).map((item) => item.link && new URL(item.link).pathname)).toEqual(all.map(sitePath))
  })

  test('the sitemap lists every page of the list', async () => {
    const sitemap = await readFile(path.join(outDir(), 'sitemap.xml'), 'utf8')
    for (let page = 1; page <= pageCount; page++) expect(sitemap).toContain(`${listPath(page)}</loc>`)
  })
})
