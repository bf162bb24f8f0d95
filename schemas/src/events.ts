/*
 * The fixed lists and rules of events, shared by the Studio's validation and the site's build
 * checks. Kept free of Sanity imports, so the site can use them without bundling the Studio.
 */
import {isInstant} from './times.ts'

export const EVENT_FORMATS = [
  {title: 'In person', value: 'inPerson'},
  {title: 'Online', value: 'online'},
  {title: 'Hybrid (in person and online)', value: 'hybrid'},
] as const
export type EventFormat = (typeof EVENT_FORMATS)[number]['value']

export const EVENT_STATUSES = [
  {title: 'Scheduled', value: 'scheduled'},
  {title: 'Cancelled', value: 'cancelled'},
  {title: 'Postponed', value: 'postponed'},
  {title: 'Moved online', value: 'movedOnline'},
] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]['value']

/** What the site and the Studio call a status: “Cancelled”, “Moved online”. */
export const eventStatusTitle = (status: string | null | undefined) =>
  EVENT_STATUSES.find((s) => s.value === status)?.title ?? 'Scheduled'

/** Whether people attend in a place: in person or hybrid. */
export const isInPerson = (format: string | null | undefined) => format === 'inPerson' || format === 'hybrid'
/** Whether people attend online: online or hybrid. */
export const isOnline = (format: string | null | undefined) => format === 'online' || format === 'hybrid'

export const END_BEFORE_START_MESSAGE = 'An event must end after it starts.'
export const CLOSING_AFTER_START_MESSAGE = 'Registration must close before the event starts.'

/** `true` when an event's end comes after its start (or either is not set yet), else why not. */
export function checkEventEnd(start: string | null | undefined, end: string | null | undefined): true | string {
  if (!start || !end || !isInstant(start) || !isInstant(end)) return true
  return Date.parse(end) > Date.parse(start) ? true : END_BEFORE_START_MESSAGE
}

/** `true` when registration closes before the event starts (or either is not set), else why not. */
export function checkRegistrationCloses(
  start: string | null | undefined,
  closes: string | null | undefined,
): true | string {
  if (!start || !closes || !isInstant(start) || !isInstant(closes)) return true
  return Date.parse(closes) <= Date.parse(start) ? true : CLOSING_AFTER_START_MESSAGE
}

export const EXAMPLE_EVENT_MESSAGE =
  'This is an example event: the site labels it “Example event: replace or delete it”. Replace it with a real event, then untick “Example”.'
