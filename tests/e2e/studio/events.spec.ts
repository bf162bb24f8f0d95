import {readFile} from 'node:fs/promises'
import path from 'node:path'

import ICAL from 'ical.js'
import {parse, type HTMLElement} from 'node-html-parser'

import {htmlFile} from '../../src/site.ts'
import {contentPane, expect, expectSaved, lakeClient, publish, test, withPublishedSite} from './fixtures.ts'

const DAY = 24 * 60 * 60 * 1000
const text = (element: HTMLElement | null | undefined) => element?.text.replace(/\s+/g, ' ').trim()

test('an editor cancels an event, and the site shows it cancelled, to search engines and calendars too', async ({
  page,
}) => {
  test.setTimeout(180_000)
  // The demo dataset's example event, as the lake holds it.
  const event = await lakeClient().getDocument<{title: string; slug: {current: string}; start: string}>('event-example')
  if (!event) throw new Error('The demo dataset has no event-example')
  const sitePath = `/events/${event.slug.current}/`
  // The Studio files events by the real clock; the build is told it is a week before the event.
  const studioList = Date.parse(event.start) >= Date.now() ? 'Upcoming' : 'Past'
  const buildNow = new Date(Date.parse(event.start) - 7 * DAY).toISOString()

  await page.goto('/structure')
  await contentPane(page).getByRole('link', {name: 'Events', exact: true}).click()
  await page.getByRole('link', {name: studioList, exact: true}).click()
  const listed = page.getByTestId('document-list-pane').getByRole('link', {name: event.title})
  await expect(listed).not.toContainText(/cancelled/i)
  await listed.click()

  const status = page.getByTestId('field-status')
  await expect(status.getByRole('radio', {name: 'Scheduled'})).toBeChecked()
  await status.getByRole('radio', {name: 'Cancelled'}).check()
  await expectSaved(page)
  await publish(page)
  // The list tells editors at a glance.
  await expect(listed).toContainText('Cancelled')

  await withPublishedSite(
    async (outDir) => {
      const root = parse(await readFile(htmlFile(outDir, sitePath), 'utf8'))
      expect(text(root.querySelector('main .event-notice'))).toBe('This event is cancelled.')
      expect(text(root.querySelector('title'))).toMatch(/^Cancelled: /)
      const data = root
        .querySelectorAll('script[type="application/ld+json"]')
        .map((script) => JSON.parse(script.text) as Record<string, unknown>)
      expect(data.find((thing) => thing['@type'] === 'Event')).toMatchObject({
        name: event.title,
        eventStatus: 'https://schema.org/EventCancelled',
      })

      // Still among the upcoming events, marked cancelled.
      const upcoming = parse(await readFile(htmlFile(outDir, '/events/'), 'utf8'))
        .querySelectorAll('section[aria-labelledby="upcoming"] .event-list > li')
        .find((item) => item.querySelector('a')?.getAttribute('href') === sitePath)
      expect(text(upcoming?.querySelector('.event-status'))).toBe('Cancelled:')

      // A calendar that imported the event learns it is off.
      const calendar = new ICAL.Component(
        ICAL.parse(await readFile(path.join(outDir, sitePath, 'event.ics'), 'utf8')) as unknown[],
      )
      const vevents = calendar.getAllSubcomponents('vevent')
      expect(vevents).toHaveLength(1)
      expect(vevents[0]?.getFirstPropertyValue('status')).toBe('CANCELLED')
      expect(String(vevents[0]?.getFirstPropertyValue('summary'))).toBe(`Cancelled: ${event.title}`)
    },
    {BUILD_NOW: buildNow},
  )
})
