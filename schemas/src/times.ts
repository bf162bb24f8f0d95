/*
 * Moments in time (events' starts and ends, stored as instants such as
 * `2027-03-02T10:00:00.000Z`) as the Studio and the site show them: in UK time
 * (Europe/London), saying GMT or BST. Kept free of Sanity imports, so the site can use the
 * same wording without bundling the Studio.
 */

export const UK_TIME_ZONE = 'Europe/London'

/** True for a string that is a moment in time (an ISO 8601 date and time with its offset). */
export function isInstant(value: string | null | undefined): boolean {
  return (
    !!value &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  )
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: UK_TIME_ZONE,
})
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: UK_TIME_ZONE,
  timeZoneName: 'short',
})

/** `Tuesday 2 March 2027`: the day a moment falls on in the UK. */
export function ukDay(instant: string | Date): string {
  // en-GB writes "Tuesday, 2 March 2027" in some ICU versions and "Tuesday 2 March 2027" in others.
  return dayFormat.format(new Date(instant)).replace(',', '')
}

/** `10:00` and `GMT` (or `BST`): the UK clock time of a moment and which time the UK keeps then. */
export function ukClock(instant: string | Date): {time: string; zone: string} {
  const parts = timeFormat.formatToParts(new Date(instant))
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  const zone = part('timeZoneName')
  // Europe/London is GMT in winter and GMT+1 (British Summer Time) in summer.
  return {time: `${part('hour')}:${part('minute')}`, zone: zone === 'GMT+1' ? 'BST' : zone}
}

/** `Tuesday 2 March 2027, 10:00 GMT`. */
export function ukDateTime(instant: string | Date): string {
  const {time, zone} = ukClock(instant)
  return `${ukDay(instant)}, ${time} ${zone}`
}

/**
 * When an event runs, in UK time: `Tuesday 2 March 2027, 10:00 to 12:30 GMT` on one day in
 * one time zone; both days (or both zones) in full otherwise.
 */
export function ukTimeRange(start: string | Date, end: string | Date): string {
  const from = ukClock(start)
  const to = ukClock(end)
  if (ukDay(start) === ukDay(end)) {
    return from.zone === to.zone
      ? `${ukDay(start)}, ${from.time} to ${to.time} ${to.zone}`
      : `${ukDay(start)}, ${from.time} ${from.zone} to ${to.time} ${to.zone}`
  }
  return `${ukDateTime(start)} to ${ukDateTime(end)}`
}

/** The UK calendar date (`2027-03-02`) a moment falls on, as Sanity's `date` type stores dates. */
export function ukDate(instant: string | Date): string {
  return calendarDateFormat.format(new Date(instant))
}

// Made once: a format costs far more to make than to use, and every event's pages and feeds ask.
const calendarDateFormat = new Intl.DateTimeFormat('en-CA', {timeZone: UK_TIME_ZONE})
