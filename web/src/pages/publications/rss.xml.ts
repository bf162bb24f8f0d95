import type {APIRoute} from 'astro'
import {loadContent} from '../../lib/content.ts'
import {FEED_LIMIT, feedResponse, publicationItem} from '../../lib/feeds.ts'
import {PUBLICATIONS_PATH} from '../../lib/publications.ts'
import {siteUrl} from '../../lib/siteUrl.ts'

/** Publications as an RSS feed, newest first: the latest, each with its address, date, summary and kind. */
export const GET: APIRoute = async ({site}) => {
  const content = await loadContent()
  const base = siteUrl(site)
  return feedResponse(base, {
    title: `Publications from the ${content.settings.name}`,
    description: `Research, reports and policy responses from the ${content.settings.name} (${content.settings.shortName ?? 'ITSS'}), newest first: the latest ${FEED_LIMIT} at most.`,
    path: PUBLICATIONS_PATH,
    items: content.site.publications.map((publication) => publicationItem(content, base, publication)),
  })
}
