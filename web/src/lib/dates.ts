/** How much of a milestone's date is known: `2017`, `July 2026` or `1 August 2023`. */
export type DatePrecision = 'year' | 'month' | 'day'

const formats: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: {year: 'numeric', timeZone: 'UTC'},
  month: {month: 'long', year: 'numeric', timeZone: 'UTC'},
  day: {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'},
}

export function formatMilestoneDate(date: string | null, precision: string | null): string {
  if (!date) return ''
  const known = precision === 'year' || precision === 'month' ? precision : 'day'
  return new Intl.DateTimeFormat('en-GB', formats[known]).format(new Date(`${date}T00:00:00Z`))
}
