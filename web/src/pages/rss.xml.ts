import type {APIRoute} from 'astro'
import {loadContent} from '../lib/content.ts'
import {feedResponse, FEED_LIMIT, siteFeedItems} from '../lib/feeds.ts'
import {siteUrl} from '../lib/siteUrl.ts'

/** Everything new on the site in one RSS feed: news, publications and events, newest first. */
export const GET: APIRoute = async ({site}) => {
  const content = await loadContent()
  const base = siteUrl(site)
  return feedResponse(base, {
    title: `News, publications and events from the ${content.settings.name}`,
    description: `News, publications and events from the ${content.settings.name} (${content.settings.shortName ?? 'ITSS'}), newest first: the latest ${FEED_LIMIT} at most.`,
    path: '/',
    items: siteFeedItems(content, base),
  })
}
