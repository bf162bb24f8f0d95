import type {APIRoute} from 'astro'
import {loadContent} from '../../lib/content.ts'
import {FEED_LIMIT, feedResponse, newsItem} from '../../lib/feeds.ts'
import {NEWS_PATH} from '../../lib/news.ts'
import {siteUrl} from '../../lib/siteUrl.ts'

/** The news as an RSS feed, newest first: the latest articles with their addresses, dates and summaries. */
export const GET: APIRoute = async ({site}) => {
  const content = await loadContent()
  const base = siteUrl(site)
  return feedResponse(base, {
    title: `News from the ${content.settings.name}`,
    description: `News from the ${content.settings.name} (${content.settings.shortName ?? 'ITSS'}), newest first: the latest ${FEED_LIMIT} at most.`,
    path: NEWS_PATH,
    items: content.site.news.map((article) => newsItem(content, base, article)),
  })
}
