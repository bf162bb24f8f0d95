import {formatDay} from '@itss/schemas/dates'
import {NEWS_PATH, newsArticlePath, newsListPath, TOPICS_PATH, topicPath} from '@itss/schemas/paths'
import type {Content, Crumb, NewsArticle, Page, Topic} from './content.ts'
import {inPages} from './paging.ts'

/*
 * News and topics as the site shows them: addresses, the news list's pages, what an article
 * points at, and when things last changed. checkContent has already refused articles without
 * an address or a date, and references to anything that is not published.
 */

export const NEWS_PER_PAGE = 10

/** How many of each a topic page lists; the rest are a link away, so the page stays light however much is filed. */
export const TOPIC_LATEST = 5

export const articlePath = (article: NewsArticle) => newsArticlePath(article.slug ?? '')
export const topicPagePath = (topic: Topic) => topicPath(topic.slug ?? '')
export {NEWS_PATH, newsListPath, TOPICS_PATH}

/** `1 August 2023`, for an article's date. */
export const articleDate = (article: NewsArticle) => formatDay(article.date ?? '')

/** The news list cut into pages, newest first (the query's order); always at least one page. */
export function newsPages(content: Content): NewsArticle[][] {
  return inPages(content.site.news, NEWS_PER_PAGE)
}

/** The topics a news article, publication or event is filed under, in the editor's order. */
export const topicsOf = (content: Content, document: {topicIds: string[] | null}): Topic[] =>
  (document.topicIds ?? []).flatMap((id) => content.topicsById.get(id) ?? [])

/** Articles filed under a topic, newest first. */
export const articlesOn = (content: Content, topic: Topic): NewsArticle[] =>
  content.site.news.filter((article) => article.topicIds?.includes(topic._id))

/** What an article's related content links to: other articles and pages, in the editor's order. */
export function relatedOf(content: Content, article: NewsArticle): Crumb[] {
  return (article.relatedIds ?? []).flatMap((id) => {
    const other = content.newsById.get(id)
    if (other) return [{title: other.title ?? '', path: articlePath(other)}]
    const page: Page | undefined = content.pagesById.get(id)
    const path = page && content.paths.get(page._id)
    return page && path ? [{title: page.title ?? '', path}] : []
  })
}

/** When an article was updated after its date, as its editors say: a date, or undefined. */
export function updatedAfter(article: NewsArticle): string | undefined {
  return article.updated && article.date && article.updated > article.date ? article.updated : undefined
}

/** When a page about these articles last changed, for the sitemap: the newest date or update among them. */
export function lastChanged(articles: NewsArticle[]): string | undefined {
  const dates = articles.flatMap((article) => [article.date ?? '', article.updated ?? ''])
  // Dates written YYYY-MM-DD sort as text.
  return dates.filter(Boolean).sort().at(-1)
}

/** The trail above the news list's pages and articles. */
export function newsTrail(content: Content): Crumb[] {
  const home = content.pagesById.get(content.settings.homePageId ?? '')
  return home ? [{title: home.title ?? '', path: '/'}] : []
}
