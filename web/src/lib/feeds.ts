import rss, {type RSSFeedItem} from '@astrojs/rss'
import {NEWS_FEED_PATH, PUBLICATIONS_FEED_PATH, SITE_FEED_PATH} from '@itss/schemas/paths'
import type {Content, Crumb, NewsArticle, Publication, SiteEvent} from './content.ts'
import {eventLocation, eventPagePath, eventWhen, statusNotice} from './events.ts'
import {articlePath, topicsOf} from './news.ts'
import {kindTitle, publicationPagePath} from './publications.ts'

/*
 * The RSS feeds: one item per news article, publication or event, made the same way in every
 * feed, and the feeds' titles and addresses for the pages that link them.
 */

/**
 * Every feed keeps its newest items only: a feed reader remembers what it has already seen, and
 * a feed of every publication would grow with the site (2.7 MB at 10,000 documents).
 */
export const FEED_LIMIT = 50

/** Each feed's title and address, for `<link rel="alternate">` and the links people follow. */
export const feedLinks = (content: Content) => {
  const name = content.settings.name
  return {
    news: {title: `News from the ${name} (RSS)`, path: NEWS_FEED_PATH},
    publications: {title: `Publications from the ${name} (RSS)`, path: PUBLICATIONS_FEED_PATH},
    site: {title: `News, publications and events from the ${name} (RSS)`, path: SITE_FEED_PATH},
  } satisfies Record<string, Crumb>
}

/** A feed item always has its date, so feeds can be put in order. */
export type DatedItem = RSSFeedItem & {pubDate: Date}

const topicTitles = (content: Content, document: {topicIds: string[] | null}) =>
  topicsOf(content, document).map((topic) => topic.title ?? '')

const day = (date: string | null) => new Date(`${date ?? ''}T00:00:00Z`)

export const newsItem = (content: Content, site: URL, article: NewsArticle): DatedItem => ({
  title: article.title ?? '',
  link: new URL(articlePath(article), site).href,
  pubDate: day(article.date),
  description: article.summary ?? '',
  categories: topicTitles(content, article),
})

export const publicationItem = (content: Content, site: URL, publication: Publication): DatedItem => ({
  title: publication.title ?? '',
  link: new URL(publicationPagePath(publication), site).href,
  pubDate: day(publication.date),
  description: publication.summary ?? '',
  categories: [kindTitle(publication.kind), ...topicTitles(content, publication)],
})

/**
 * An event is dated by when it was announced (first saved), not by when it takes place: readers
 * want to hear of an event when it is new, and a start date months ahead would sit above every
 * later article (feed readers sort by date) and is a future date, which many readers distrust.
 */
export const eventItem = (content: Content, site: URL, event: SiteEvent): DatedItem => {
  const notice = statusNotice(event)
  return {
    title: notice ? `${notice}: ${event.title ?? ''}` : (event.title ?? ''),
    link: new URL(eventPagePath(event), site).href,
    pubDate: new Date(event._createdAt),
    description: [`${eventWhen(event)}. ${eventLocation(event)}.`, event.summary ?? ''].filter(Boolean).join(' '),
    categories: ['Event', ...topicTitles(content, event)],
  }
}

/** Items newest first; on the same date, in the order given. */
const newestFirst = (items: DatedItem[]) => [...items].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime())

/** Everything in one list, newest first. */
export const siteFeedItems = (content: Content, site: URL): DatedItem[] =>
  newestFirst([
    ...content.site.news.map((article) => newsItem(content, site, article)),
    ...content.site.publications.map((publication) => publicationItem(content, site, publication)),
    ...content.site.events.map((event) => eventItem(content, site, event)),
  ])

/** An RSS 2.0 response for a feed whose page is `path`, in British English, with the first FEED_LIMIT items (give them newest first). */
export const feedResponse = (
  site: URL,
  feed: {title: string; description: string; path: string; items: RSSFeedItem[]},
) =>
  rss({
    title: feed.title,
    description: feed.description,
    site: new URL(feed.path, site).href,
    trailingSlash: true,
    customData: '<language>en-gb</language>',
    items: feed.items.slice(0, FEED_LIMIT),
  })
