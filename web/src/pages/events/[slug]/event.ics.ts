import type {APIRoute, GetStaticPaths} from 'astro'
import {pageKey} from '../../../lib/cacheKeys.ts'
import {loadContent, type SiteEvent} from '../../../lib/content.ts'
import {calendar, calendarResponse} from '../../../lib/events.ts'
import {siteUrl} from '../../../lib/siteUrl.ts'

export const getStaticPaths = (async () => {
  const content = await loadContent()
  return content.site.events.map((event) => ({
    params: {slug: event.slug ?? ''},
    props: {event},
    cacheKey: pageKey(content, event),
  }))
}) satisfies GetStaticPaths

/** One event as an iCalendar file: “Add to calendar”. */
export const GET: APIRoute = async ({site, props}) => {
  const content = await loadContent()
  const {event} = props as {event: SiteEvent}
  return calendarResponse(calendar(content, siteUrl(site), event.title ?? '', [event]))
}
