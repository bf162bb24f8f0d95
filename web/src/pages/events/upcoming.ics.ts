import type {APIRoute} from 'astro'
import {loadContent} from '../../lib/content.ts'
import {calendar, calendarResponse, upcomingEvents} from '../../lib/events.ts'
import {siteUrl} from '../../lib/siteUrl.ts'

/** Every upcoming event in one iCalendar file, for a calendar app to import or subscribe to. */
export const GET: APIRoute = async ({site}) => {
  const content = await loadContent()
  const base = siteUrl(site)
  return calendarResponse(calendar(content, base, `${content.settings.name}: upcoming events`, upcomingEvents(content)))
}
