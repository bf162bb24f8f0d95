import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parse, type HTMLElement} from 'node-html-parser'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {author, faqs, longLists, upcomingEvents} from './longListFixtures.ts'
import {buildDemoSiteWith, htmlFile, type Build} from './site.ts'

/*
 * Sections that list every FAQ, person or milestone, once there are more than a page holds
 * (the demo content plus longLists): each list is cut into parts of its page, every item on
 * exactly one part, and links to a person find the part that shows them.
 */

let build: (Build & {remove: () => Promise<void>}) | undefined

beforeAll(async () => {
  build = await buildDemoSiteWith('site-long-lists', longLists)
  if (build.code !== 0) throw new Error(`The build failed:\n${build.output}`)
}, 180_000)

afterAll(() => build?.remove())

const html = async (sitePath: string) => parse(await readFile(htmlFile(build?.outDir ?? '', sitePath), 'utf8'))
const exists = (sitePath: string) =>
  readFile(htmlFile(build?.outDir ?? '', sitePath)).then(
    () => true,
    () => false,
  )
const jsonLd = (root: HTMLElement) =>
  root
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.text) as Record<string, unknown>)

describe('a list longer than a page holds', () => {
  const faqParts = ['/about-us/faqs/', '/about-us/faqs/page/2/', '/about-us/faqs/page/3/']

  test('the FAQ page shows twenty questions a part, every question on exactly one part', async () => {
    const parts = await Promise.all(faqParts.map(html))
    const questions = parts.map((root) => root.querySelectorAll('main .faq__question').map((q) => q.text.trim()))
    expect(questions.map((list) => list.length)).toEqual([20, 20, 11])
    const all = questions.flat()
    expect(new Set(all).size).toBe(51)
    for (const faq of faqs) expect(all).toContain(faq.question)
    expect(await exists('/about-us/faqs/page/4/')).toBe(false)
  })

  test('each part links the others, names its place in its title, and describes only its questions', async () => {
    const second = await html(faqParts[1] ?? '')
    const nav = second.querySelector('main nav.pagination')
    expect(nav?.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/about-us/faqs/')
    expect(nav?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/about-us/faqs/page/3/')
    expect(nav?.querySelector('a[aria-current="page"]')?.text).toContain('2')
    expect(second.querySelector('title')?.text).toMatch(/page 2 of 3/)
    const crumbs = second.querySelectorAll('nav[aria-label="Breadcrumb"] a').map((a) => a.getAttribute('href'))
    expect(crumbs).toContain('/about-us/faqs/')
    const described = jsonLd(second).find((thing) => thing['@type'] === 'FAQPage')?.mainEntity as
      Array<{name: string}> | undefined
    const shown = second.querySelectorAll('main .faq__question').map((q) => q.text.trim())
    expect(described?.map((question) => question.name)).toEqual(shown)
  })

  test('a later part of a page shows the rest of its list and none of its other sections', async () => {
    const first = await html('/about-us/')
    const second = await html('/about-us/page/2/')
    expect(first.querySelectorAll('main .timeline__item')).toHaveLength(30)
    const rest = second.querySelectorAll('main .timeline__item')
    expect(rest).toHaveLength(7)
    // Numbered on from the first part.
    expect(second.querySelector('main ol.timeline')?.getAttribute('start')).toBe('31')
    expect(second.querySelectorAll('main h2')).toHaveLength(1)
    expect(first.querySelectorAll('main h2').length).toBeGreaterThan(3)
  })

  test('a person’s publication links them at the part of Meet the team that shows them', async () => {
    const paper = await html('/publications/test-paper-00/')
    const href = paper.querySelector('main .publication-authors a')?.getAttribute('href') ?? ''
    expect(href).toBe(`/about-us/meet-the-team/page/2/#${author}`)
    const person = (await html('/about-us/meet-the-team/page/2/')).querySelector(`#${author}`)
    expect(person?.text).toContain('Test Person 25')
    expect((await html('/about-us/meet-the-team/')).querySelector(`#${author}`)).toBeNull()
  })

  test('a person lists their three newest publications and links the list of all six', async () => {
    const person = (await html('/about-us/meet-the-team/page/2/')).querySelector(`#${author}`)
    const links = person?.querySelectorAll('.person__publications a') ?? []
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/publications/test-paper-05/',
      '/publications/test-paper-04/',
      '/publications/test-paper-03/',
      '/publications/author/test-person-25/',
    ])
    expect(links.at(-1)?.text.replace(/\s+/g, ' ').trim()).toBe('All 6 publications by Test Person 25')
    const list = await html('/publications/author/test-person-25/')
    expect(list.querySelector('h1')?.text).toContain('Publications by Test Person 25')
    expect(list.querySelectorAll('main .publication-list > li')).toHaveLength(6)
  })

  test('/events/ shows the next twenty events, and /events/upcoming/ pages through all of them, soonest first', async () => {
    const listed = (root: HTMLElement, selector: string) =>
      root.querySelectorAll(`${selector} .event-list > li a`).map((a) => a.getAttribute('href'))
    const events = await html('/events/')
    const soonest = listed(events, 'section[aria-labelledby="upcoming"]')
    expect(soonest).toHaveLength(20)
    const all = events.querySelector('section[aria-labelledby="upcoming"] a[href="/events/upcoming/"]')
    expect(all?.text).toMatch(/^All \d+ upcoming events$/)
    const archive: Array<string | undefined> = []
    for (let at: string | undefined = '/events/upcoming/'; at;) {
      const root = await html(at)
      archive.push(...listed(root, 'main'))
      at = root.querySelector('nav[aria-label="Upcoming events pages"] a[rel="next"]')?.getAttribute('href')
    }
    expect(archive.slice(0, 20)).toEqual(soonest)
    expect(new Set(archive).size).toBe(archive.length)
    for (const event of upcomingEvents) expect(archive).toContain(`/events/${event.slug.current}/`)
  })

  test('the sitemap lists every part', async () => {
    const sitemap = await readFile(path.join(build?.outDir ?? '', 'sitemap.xml'), 'utf8')
    for (const part of [
      ...faqParts,
      '/about-us/page/2/',
      '/about-us/meet-the-team/page/2/',
      '/events/upcoming/page/2/',
    ])
      expect(sitemap).toContain(`${part}</loc>`)
  })
})
