/*
 * Calendar dates (`2023-08-01`) as the Studio and the site show them. Kept free of Sanity
 * imports, so the site can use the same wording without bundling the Studio.
 */

/** A calendar date as Sanity's `date` type stores it. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** True for a real calendar date written `YYYY-MM-DD` (not `2023-02-30`). */
export function isCalendarDate(value: string | null | undefined): boolean {
  if (!value || !DATE_PATTERN.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'})

// A site's pages show the same few thousand dates again and again (lists, cards, feeds).
const formattedDays = new Map<string, string>()

/** `2023-08-01` as `1 August 2023`; anything that is not a calendar date as given. */
export function formatDay(value: string): string {
  let formatted = formattedDays.get(value)
  if (formatted === undefined) {
    formatted = isCalendarDate(value) ? dayFormat.format(new Date(`${value}T00:00:00Z`)) : value
    formattedDays.set(value, formatted)
  }
  return formatted
}

/** Today's date in the UK, as Sanity's `date` type stores it. */
export function todayInUk(now = new Date()): string {
  // The en-CA locale writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/London'}).format(now)
}
