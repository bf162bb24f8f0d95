import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {ukTimeRange} from '@itss/schemas/times'
import ICAL from 'ical.js'
import {parse, type HTMLElement} from 'node-html-parser'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildDemoSiteWith, demoDocuments, htmlFile} from './site.ts'

/*
 * Events as visitors, calendar apps and search engines meet them, over the demo dataset plus
 * fixture events either side of a fixed build moment (BUILD_NOW) and either side of the
 * clocks changing, so "upcoming" and "past" and GMT and BST can each be got wrong.
 */

describe('UK time', () => {
  test('a winter event is shown in GMT, a summer one in BST', () => {
    expect(ukTimeRange('2026-03-03T10:00:00Z', '2026-03-03T12:30:00Z')).toBe('Tuesday 3 March 2026, 10:00 to 12:30 GMT')
    expect(ukTimeRange('2026-07-07T09:00:00Z', '2026-07-07T11:30:00Z')).toBe('Tuesday 7 July 2026, 10:00 to 12:30 BST')
  })

  test('an event across the clocks going forward names both zones', () => {
    expect(ukTimeRange('2026-03-29T00:30:00Z', '2026-03-29T03:00:00Z')).toBe(
      'Sunday 29 March 2026, 00:30 GMT to 04:00 BST',
    )
  })

  test('an event over two days names both days', () => {
    expect(ukTimeRange('2026-10-24T15:00:00Z', '2026-10-25T15:00:00Z')).toBe(
      'Saturday 24 October 2026, 16:00 BST to Sunday 25 October 2026, 15:00 GMT',
    )
  })
})

// Weeks after the real date of writing, so a build that ignored BUILD_NOW would put the January webinar in the wrong list.
const BUILD_NOW = '2027-02-01T12:00:00.000Z'

type EventDoc = Record<string, unknown> & {
  _id: string
  _type: string
  title: string
  slug: {current: string}
  start: string
  end: string
}

const block = (words: string) => ({
  _type: 'block',
  _key: 'b1',
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: 's1', text: words, marks: []}],
})

const base = {
  _type: 'event',
  format: 'inPerson',
  venue: 'A test venue',
  address: '1 Test Street\nCoventry',
  status: 'scheduled',
  summary: 'A fixture event.',
  body: [block('Fixture details.')],
}

const fixtures: EventDoc[] = [
  {
    ...base,
    _id: 'event-test-summer-past',
    title: 'Summer past event',
    slug: {current: 'summer-past-event'},
    start: '2026-06-10T09:00:00.000Z',
    end: '2026-06-10T11:00:00.000Z',
    topics: [{_type: 'reference', _ref: 'topic-talent', _key: 't1'}],
  },
  {
    ...base,
    _id: 'event-test-autumn-past',
    title: 'Autumn past event',
    slug: {current: 'autumn-past-event'},
    start: '2026-11-20T14:00:00.000Z',
    end: '2026-11-20T16:00:00.000Z',
  },
  {
    ...base,
    _id: 'event-test-cancelled',
    title: 'Cancelled winter webinar',
    slug: {current: 'cancelled-winter-webinar'},
    start: '2027-01-20T14:00:00.000Z',
    end: '2027-01-20T15:30:00.000Z',
    format: 'online',
    venue: undefined,
    address: undefined,
    joining: 'The link is emailed to everyone who registers.',
    registrationUrl: 'https://example.org/register',
    registrationCloses: '2027-01-19T17:00:00.000Z',
    status: 'cancelled',
  },
  {
    ...base,
    _id: 'event-test-summer-upcoming',
    title: 'Summer upcoming event',
    slug: {current: 'summer-upcoming-event'},
    start: '2027-06-15T08:30:00.000Z',
    end: '2027-06-15T15:00:00.000Z',
    format: 'hybrid',
    joining: 'Join through the link sent on registration.',
    topics: [{_type: 'reference', _ref: 'topic-talent', _key: 't1'}],
  },
]

const sitePath = (slug: string) => `/events/${slug}/`

describe('events built as of a fixed moment', () => {
  let build: Awaited<ReturnType<typeof buildDemoSiteWith>> | undefined
  let all: EventDoc[] = []

  beforeAll(async () => {
    all = [...(await demoDocuments<EventDoc>()).filter((doc) => doc._type === 'event'), ...fixtures]
    build = await buildDemoSiteWith('site-events', fixtures, {BUILD_NOW})
    if (build.code !== 0) throw new Error(`The build failed:\n${build.output}`)
  }, 180_000)

  afterAll(() => build?.remove())

  const outDir = () => build?.outDir ?? ''
  const html = async (p: string) => parse(await readFile(htmlFile(outDir(), p), 'utf8'))
  const upcoming = () =>
    all
      .filter((e) => Date.parse(e.end) >= Date.parse(BUILD_NOW))
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
  const past = () =>
    all
      .filter((e) => Date.parse(e.end) < Date.parse(BUILD_NOW))
      .sort((a, b) => Date.parse(b.start) - Date.parse(a.start))
  const listed = (root: HTMLElement, section: string) =>
    root
      .querySelectorAll(`section[aria-labelledby="${section}"] .event-list > li`)
      .map((li) => li.querySelector('a')?.getAttribute('href'))
  const calendarEvents = async (file: string) => {
    const parsed = ICAL.parse(await readFile(path.join(outDir(), file), 'utf8')) as unknown[]
    const component = new ICAL.Component(parsed)
    return component.getAllSubcomponents('vevent')
  }

  test('the fixtures fall on both sides of the build moment', () => {
    expect(upcoming().length).toBeGreaterThanOrEqual(2)
    expect(past().map((e) => e._id)).toContain('event-test-cancelled')
  })

  test('/events/ lists upcoming events soonest first, then past events newest first', async () => {
    const root = await html('/events/')
    expect(listed(root, 'upcoming')).toEqual(upcoming().map((e) => sitePath(e.slug.current)))
    expect(listed(root, 'past')).toEqual(past().map((e) => sitePath(e.slug.current)))
  })

  test('/events/ links the upcoming events calendar', async () => {
    const hrefs = (await html('/events/')).querySelectorAll('main a').map((a) => a.getAttribute('href'))
    expect(hrefs).toContain('/events/upcoming.ics')
  })

  test('the home page shows the next events, up to three, soonest first', async () => {
    const root = await html('/')
    expect(listed(root, 'upcoming-events')).toEqual(
      upcoming()
        .slice(0, 3)
        .map((e) => sitePath(e.slug.current)),
    )
  })

  test('times are shown in UK time, in GMT in winter and BST in summer, with ISO instants', async () => {
    const winter = await html(sitePath('cancelled-winter-webinar'))
    expect(winter.querySelector('main time')?.text).toBe('Wednesday 20 January 2027, 14:00 to 15:30 GMT')
    expect(winter.querySelector('main time')?.getAttribute('datetime')).toBe('2027-01-20T14:00:00.000Z')
    const summer = await html(sitePath('summer-upcoming-event'))
    expect(summer.querySelector('main time')?.text).toBe('Tuesday 15 June 2027, 09:30 to 16:00 BST')
  })

  test('a cancelled event says so before its title, and links its registration and calendar file', async () => {
    const root = await html(sitePath('cancelled-winter-webinar'))
    const intro = root.querySelector('main .page-intro')?.text.replace(/\s+/g, ' ') ?? ''
    expect(intro.indexOf('This event is cancelled.')).toBeGreaterThan(-1)
    expect(intro.indexOf('This event is cancelled.')).toBeLessThan(intro.indexOf('Cancelled winter webinar'))
    const hrefs = root.querySelectorAll('main a').map((a) => a.getAttribute('href'))
    expect(hrefs).toContain('https://example.org/register')
    expect(hrefs).toContain('/events/cancelled-winter-webinar/event.ics')
    expect(root.querySelector('main')?.text).toContain('The link is emailed to everyone who registers.')
  })

  test.each(fixtures.map((e) => [e.slug.current, e] as const))(
    '%s: its calendar file parses, with its times, title and status',
    async (slug, fixture) => {
      const [vevent, ...more] = await calendarEvents(`events/${slug}/event.ics`)
      expect(more).toEqual([])
      if (!vevent) throw new Error('no VEVENT')
      const event = new ICAL.Event(vevent)
      expect(event.startDate.toJSDate().toISOString()).toBe(fixture.start)
      expect(event.endDate.toJSDate().toISOString()).toBe(fixture.end)
      expect(event.summary).toContain(fixture.title)
      expect(vevent.getFirstPropertyValue('status')).toBe(fixture.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED')
      expect(vevent.getFirstPropertyValue('url')).toBe(`http://localhost:4321${sitePath(slug)}`)
    },
  )

  test('upcoming.ics lists exactly the upcoming events', async () => {
    const uids = (await calendarEvents('events/upcoming.ics')).map((v) => String(v.getFirstPropertyValue('uid')))
    expect(uids.sort()).toEqual(
      upcoming()
        .map((e) => `${e._id}@localhost`)
        .sort(),
    )
  })

  test.each(fixtures.map((e) => [e.slug.current, e] as const))(
    '%s: its Event data has its times, status and attendance mode',
    async (slug, fixture) => {
      const data = (await html(sitePath(slug)))
        .querySelectorAll('script[type="application/ld+json"]')
        .map((script) => JSON.parse(script.text) as Record<string, unknown>)
      const event = data.find((thing) => thing['@type'] === 'Event')
      expect(event).toMatchObject({
        name: fixture.title,
        startDate: fixture.start,
        endDate: fixture.end,
        eventStatus:
          fixture.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
        eventAttendanceMode: {
          inPerson: 'https://schema.org/OfflineEventAttendanceMode',
          online: 'https://schema.org/OnlineEventAttendanceMode',
          hybrid: 'https://schema.org/MixedEventAttendanceMode',
        }[fixture.format as string],
        organizer: {name: 'UK Institute for Technical Skills and Strategy'},
      })
    },
  )

  test('a topic page lists its events', async () => {
    const hrefs = (await html('/topics/talent/')).querySelectorAll('main a').map((a) => a.getAttribute('href'))
    expect(hrefs).toContain(sitePath('summer-past-event'))
    expect(hrefs).toContain(sitePath('summer-upcoming-event'))
  })

  test('the sitemap lists every event page with a last-modified date that is not in the future', async () => {
    const sitemap = await readFile(path.join(outDir(), 'sitemap.xml'), 'utf8')
    for (const e of all) {
      const match = new RegExp(`/events/${e.slug.current}/</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap)
      expect(match?.[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect((match?.[1] ?? '') <= BUILD_NOW.slice(0, 10)).toBe(true)
    }
  })

  test('the demo example event is marked as an example', async () => {
    const text = (await html('/events/example-event/')).querySelector('main')?.text ?? ''
    expect(text).toContain('Example event: replace or delete it')
  })
})
