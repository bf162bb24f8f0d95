import {eventStatusTitle, isInPerson, isOnline} from '@itss/schemas/events'
import {
  EVENTS_PATH,
  eventCalendarPath,
  eventPath,
  PAST_EVENTS_PATH,
  pastEventsListPath,
  UPCOMING_EVENTS_CALENDAR_PATH,
  UPCOMING_EVENTS_PATH,
  upcomingEventsListPath,
} from '@itss/schemas/paths'
import {ukDate, ukTimeRange} from '@itss/schemas/times'
import {toPlainText} from '@portabletext/toolkit'
import ical, {ICalEventStatus, type ICalCalendar} from 'ical-generator'
import type {Content, SiteEvent, Topic} from './content.ts'
import {pageKey} from './cacheKeys.ts'
import {inPages} from './paging.ts'

/*
 * Events as the site shows them: addresses, upcoming and past (split by the build's "now"),
 * times in UK time, calendar files and schema.org data. checkContent has already refused
 * events without an address, a start, or an end after the start.
 */

export {
  EVENTS_PATH,
  PAST_EVENTS_PATH,
  pastEventsListPath,
  UPCOMING_EVENTS_CALENDAR_PATH,
  UPCOMING_EVENTS_PATH,
  upcomingEventsListPath,
}

/**
 * The moment the build counts as now, fixed once per build so every page agrees on which
 * events are upcoming. Tests set BUILD_NOW (an ISO instant) to build as of another moment;
 * the build says so in its log, so a stray setting cannot go unnoticed.
 */
export const BUILD_NOW: Date = (() => {
  const given = process.env.BUILD_NOW
  if (!given) return new Date()
  const now = new Date(given)
  if (Number.isNaN(now.getTime())) throw new Error(`BUILD_NOW is set but is not a date and time: “${given}”`)
  console.log(`[events] BUILD_NOW is set: building as of ${now.toISOString()}`)
  return now
})()

export const eventPagePath = (event: SiteEvent) => eventPath(event.slug ?? '')
export const eventIcsPath = (event: SiteEvent) => eventCalendarPath(event.slug ?? '')

const startOf = (event: SiteEvent) => Date.parse(event.start ?? '')
const endOf = (event: SiteEvent) => Date.parse(event.end ?? '')

/** Events that have not ended by `now`, soonest first; an event under way counts as upcoming. */
export function upcomingEvents(content: Content, now: Date = BUILD_NOW): SiteEvent[] {
  return content.site.events
    .filter((event) => endOf(event) >= now.getTime())
    .sort((a, b) => startOf(a) - startOf(b) || a._id.localeCompare(b._id))
}

/** Events that ended before `now`, newest first. */
export function pastEvents(content: Content, now: Date = BUILD_NOW): SiteEvent[] {
  return content.site.events
    .filter((event) => endOf(event) < now.getTime())
    .sort((a, b) => startOf(b) - startOf(a) || a._id.localeCompare(b._id))
}

/** How many past events /events/ shows, and each page of /events/past/ lists. */
export const PAST_EVENTS_PER_PAGE = 10

/** Past events cut into pages, newest first; always at least one page. */
export function pastEventPages(content: Content, now: Date = BUILD_NOW): SiteEvent[][] {
  return inPages(pastEvents(content, now), PAST_EVENTS_PER_PAGE)
}

/** How many upcoming events /events/ shows, and each page of /events/upcoming/ lists. */
export const UPCOMING_EVENTS_PER_PAGE = 20

/** The pages of /events/upcoming/, soonest first: none while /events/ shows every upcoming event. */
export function upcomingListPages(content: Content, now: Date = BUILD_NOW): SiteEvent[][] {
  const pages = inPages(upcomingEvents(content, now), UPCOMING_EVENTS_PER_PAGE)
  return pages.length > 1 ? pages : []
}

/** The routes of /events/past/ or /events/upcoming/: the list's first page at its own address, then page/2/ and on. */
export const eventListRoutes = (content: Content, pages: SiteEvent[][]) =>
  pages.map((events, i) => ({
    params: {page: i === 0 ? undefined : `page/${String(i + 1)}`},
    props: {page: i + 1, total: pages.length, events},
    cacheKey: pageKey(content, [i, pages.length, events]),
  }))

/** Events filed under a topic: upcoming ones soonest first, then past ones newest first. */
export const eventsOn = (content: Content, topic: Topic, now: Date = BUILD_NOW): SiteEvent[] =>
  [...upcomingEvents(content, now), ...pastEvents(content, now)].filter((event) => event.topicIds?.includes(topic._id))

/** `Tuesday 2 March 2027, 10:00 to 12:30 GMT`. */
export const eventWhen = (event: SiteEvent) => ukTimeRange(event.start ?? '', event.end ?? '')

/** “Cancelled”, “Postponed”, “Moved online”, or undefined for a scheduled event. */
export const statusNotice = (event: SiteEvent) =>
  event.status && event.status !== 'scheduled' ? eventStatusTitle(event.status) : undefined

export const FORMAT_LABELS: Record<string, string> = {
  inPerson: 'In person',
  online: 'Online',
  hybrid: 'In person and online',
}
export const formatLabel = (event: SiteEvent) => FORMAT_LABELS[event.format ?? ''] ?? 'In person'

/** Where the event is, in one line: the venue and address, or “Online”. */
export function eventLocation(event: SiteEvent): string {
  const place = [event.venue, ...(event.address ?? '').split('\n')].map((part) => part?.trim()).filter(Boolean)
  if (isInPerson(event.format) && place.length > 0)
    return `${place.join(', ')}${event.format === 'hybrid' ? ' (and online)' : ''}`
  return 'Online'
}

/**
 * For the sitemap: when a page about these events last changed (YYYY-MM-DD, UK date). An event's
 * page changes when it is built and again when the event ends (it moves to the past), so this is
 * the end of an event that is over, or the build's date for one still to come; never in the future.
 */
export function lastChangedEvents(events: SiteEvent[], now: Date = BUILD_NOW): string | undefined {
  const dates = events.map((event) => ukDate(new Date(Math.min(endOf(event), now.getTime()))))
  return dates.sort().at(-1)
}

const STATUS_ICAL: Record<string, ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  movedOnline: ICalEventStatus.CONFIRMED,
  postponed: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
}

/** An iCalendar file (RFC 5545) with these events, times as UTC instants. */
export function calendar(content: Content, site: URL, name: string, events: SiteEvent[]): ICalCalendar {
  const cal = ical({
    name,
    prodId: {company: content.settings.shortName ?? 'ITSS', product: 'website', language: 'EN'},
    url: new URL(EVENTS_PATH, site).href,
  })
  for (const event of events) {
    const notice = statusNotice(event)
    const details = [
      ...(notice ? [`${notice}.`] : []),
      event.summary ?? '',
      ...(isOnline(event.format) && event.joining ? [`How to join: ${event.joining}`] : []),
      ...(event.registrationUrl ? [`Register: ${event.registrationUrl}`] : []),
    ]
    cal.createEvent({
      id: `${event._id}@${site.hostname}`,
      start: new Date(event.start ?? ''),
      end: new Date(event.end ?? ''),
      // Without a METHOD, DTSTAMP is when the event was last revised (RFC 5545, 3.8.7.2): the
      // same in every build until the event changes, so its file is rebuilt only then.
      stamp: new Date(event._updatedAt),
      summary: notice ? `${notice}: ${event.title ?? ''}` : (event.title ?? ''),
      description: details.filter(Boolean).join('\n\n'),
      location: eventLocation(event),
      url: new URL(eventPagePath(event), site).href,
      status: STATUS_ICAL[event.status ?? 'scheduled'] ?? ICalEventStatus.CONFIRMED,
    })
  }
  return cal
}

export const calendarResponse = (cal: ICalCalendar) =>
  new Response(cal.toString(), {headers: {'Content-Type': 'text/calendar; charset=utf-8'}})

const SCHEMA_STATUS: Record<string, string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  movedOnline: 'https://schema.org/EventMovedOnline',
}
const SCHEMA_MODE: Record<string, string> = {
  inPerson: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
}

/** schema.org Event: when, where (a Place, a VirtualLocation or both), its status, and who organises it. */
export function eventData(content: Content, site: URL, event: SiteEvent): Record<string, unknown> {
  const url = new URL(eventPagePath(event), site).href
  const place = {
    '@type': 'Place',
    name: event.venue ?? undefined,
    address: {
      '@type': 'PostalAddress',
      streetAddress: (event.address ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(', '),
      addressCountry: 'GB',
    },
  }
  const virtual = {'@type': 'VirtualLocation', url: event.registrationUrl ?? url}
  const location = event.format === 'hybrid' ? [place, virtual] : isInPerson(event.format) ? place : virtual
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    description: event.summary ?? toPlainText(event.body ?? []),
    startDate: event.start,
    endDate: event.end,
    eventStatus: SCHEMA_STATUS[event.status ?? 'scheduled'] ?? SCHEMA_STATUS.scheduled,
    eventAttendanceMode: SCHEMA_MODE[event.format ?? 'inPerson'] ?? SCHEMA_MODE.inPerson,
    location,
    url,
    inLanguage: 'en-GB',
    organizer: {
      '@type': 'ResearchOrganization',
      '@id': `${new URL('/', site).href}#organisation`,
      name: content.settings.name,
      url: new URL('/', site).href,
    },
    ...(event.registrationUrl
      ? {
          offers: {
            '@type': 'Offer',
            url: event.registrationUrl,
            ...(event.registrationCloses ? {validThrough: event.registrationCloses} : {}),
          },
        }
      : {}),
  }
}
