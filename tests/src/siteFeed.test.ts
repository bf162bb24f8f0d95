import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseRssFeed} from 'feedsmith'
import {parse} from 'node-html-parser'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildDemoSiteWith, demoDocuments, htmlFile} from './site.ts'

/*
 * The feed for everything (/rss.xml) as a feed reader meets it: news, publications and events
 * in one list, newest first, no longer than its cap; and the pages that point readers to it.
 * Built over the demo dataset plus more older articles than the feed holds, and an event that
 * is announced now but takes place years ahead.
 */

type Doc = {_id: string; _type: string; _createdAt?: string; slug?: {current: string}}
type Dated = Doc & {date: string}
type Event = Doc & {start: string; _createdAt: string}

const demo = await demoDocuments<Doc>()
const ofType = <T extends Doc>(type: string) => demo.filter((doc): doc is T => doc._type === type)

const CAP = 50
const OLD_ARTICLES = 52
const oldArticles = Array.from({length: OLD_ARTICLES}, (_, i): Dated & Record<string, unknown> => {
  const date = new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10)
  return {
    _id: `news-feed-${date}`,
    _type: 'newsArticle',
    title: `Older article of ${date}`,
    slug: {current: `older-article-${date}`},
    date,
    summary: `An article from ${date}.`,
  }
})
// Announced on 1 June 2025, held in 2030: the feed dates it by the announcement.
const farEvent: Event & Record<string, unknown> = {
  _id: 'event-far-ahead',
  _type: 'event',
  _createdAt: '2025-06-01T09:00:00Z',
  title: 'An event years ahead',
  slug: {current: 'event-years-ahead'},
  start: '2030-05-01T09:00:00Z',
  end: '2030-05-01T11:00:00Z',
  format: 'online',
  summary: 'Far in the future.',
}

const SECTIONS: Record<string, string> = {newsArticle: '/news/', publication: '/publications/', event: '/events/'}
const sitePath = (doc: Doc) => `${SECTIONS[doc._type] ?? ''}${doc.slug?.current ?? ''}/`
/** When the feed says each item appeared: its date, or, for an event, when it was created. */
const feedDate = (doc: Doc) =>
  'date' in doc ? `${String(doc.date)}T00:00:00.000Z` : new Date(doc._createdAt ?? '').toISOString()

// Newest first; on the same date news, then publications, then events (the order the feed gathers them).
const everything = [
  ...ofType<Dated>('newsArticle'),
  ...oldArticles,
  ...ofType<Dated>('publication'),
  ...ofType<Event>('event'),
  farEvent,
]
const expected = everything
  .map((doc, i) => ({doc, i}))
  .sort((a, b) => feedDate(b.doc).localeCompare(feedDate(a.doc)) || a.i - b.i)
  .map(({doc}) => doc)

describe('the feed for everything', () => {
  let build: Awaited<ReturnType<typeof buildDemoSiteWith>> | undefined

  beforeAll(async () => {
    build = await buildDemoSiteWith('site-feed', [...oldArticles, farEvent])
    if (build.code !== 0) throw new Error(`The build failed:\n${build.output}`)
  }, 180_000)

  afterAll(() => build?.remove())

  const outDir = () => build?.outDir ?? ''
  const feed = async () => parseRssFeed(await readFile(path.join(outDir(), 'rss.xml'), 'utf8'))

  test('lists news, publications and events together, newest first, at most fifty', async () => {
    expect(everything.length).toBeGreaterThan(CAP)
    const items = (await feed()).items ?? []
    expect(items.map((item) => item.link && new URL(item.link).pathname)).toEqual(expected.slice(0, CAP).map(sitePath))
    expect(items.map((item) => new Date(item.pubDate ?? '').toISOString())).toEqual(
      expected.slice(0, CAP).map(feedDate),
    )
  })

  test('the news feed keeps the newest fifty articles too, newest first', async () => {
    const news = expected.filter((doc) => doc._type === 'newsArticle')
    expect(news.length).toBeGreaterThan(CAP)
    const items = parseRssFeed(await readFile(path.join(outDir(), 'news', 'rss.xml'), 'utf8')).items ?? []
    expect(items.map((item) => item.link && new URL(item.link).pathname)).toEqual(news.slice(0, CAP).map(sitePath))
  })

  test('every demo news article, publication and event is in it, each saying what it is', async () => {
    const items = (await feed()).items ?? []
    const categoriesOf = (doc: Doc) =>
      items.find((item) => item.link?.endsWith(sitePath(doc)))?.categories?.map((category) => category.name)
    for (const article of ofType('newsArticle')) expect(categoriesOf(article), article._id).toBeDefined()
    for (const publication of ofType('publication')) expect(categoriesOf(publication)).toContain('Other')
    for (const event of ofType('event')) expect(categoriesOf(event)).toContain('Event')
  })

  test('an event says when and where it is', async () => {
    const item = ((await feed()).items ?? []).find((candidate) =>
      candidate.link?.endsWith('/events/event-years-ahead/'),
    )
    expect(item?.title).toBe('An event years ahead')
    expect(item?.description).toContain('Wednesday 1 May 2030')
    expect(item?.description).toContain('Online')
    expect(item?.description).toContain('Far in the future.')
  })

  test.each(['/', '/news/', '/publications/', '/events/'])('%s links the feed for feed readers', async (page) => {
    const root = parse(await readFile(htmlFile(outDir(), page), 'utf8'))
    const feeds = root
      .querySelectorAll('head link[rel="alternate"][type="application/rss+xml"]')
      .map((link) => link.getAttribute('href'))
    expect(feeds).toContain('/rss.xml')
  })

  test.each(['/news/', '/publications/', '/events/'])('%s links the feed for people too', async (page) => {
    const root = parse(await readFile(htmlFile(outDir(), page), 'utf8'))
    const link = root
      .querySelectorAll('main a')
      .find((a) => a.text.trim() === 'Subscribe to news, publications and events (RSS)')
    expect(link?.getAttribute('href')).toBe('/rss.xml')
  })
})
