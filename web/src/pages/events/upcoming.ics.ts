import type {APIRoute} from 'astro'
import {loadContent} from '../../lib/content.ts'
import {calendar, calendarResponse, upcomingEvents} from '../../lib/events.ts'

/** Every upcoming event in one iCalendar file, for a calendar app to import or subscribe to. */
export const GET: APIRoute = async ({site}) => {
  const content = await loadContent()
  const base = site ?? new URL('http://localhost:4321')
  return calendarResponse(calendar(content, base, `${content.settings.name}: upcoming events`, upcomingEvents(content)))
}
