import {readFileSync} from 'node:fs'

import {evaluate, parse} from 'groq-js'
import {expect, test} from 'vitest'
import {locationsQuery, mainDocuments, pageFilter, siteLocations, type LocationsData} from './presentation.ts'

/*
 * Where the Presentation tool says a document appears, and which document it opens for a page
 * of the site, worked out over the demo dataset by groq-js as the lake runs the queries.
 */

const dataset = readFileSync(new URL('../../dataset/data.ndjson', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as object)

async function run<T>(query: string, params: Record<string, unknown>, documents = dataset): Promise<T> {
  return (await (await evaluate(parse(query, {params}), {dataset: documents, params})).get()) as T
}

async function locations(id: string, documents = dataset) {
  // The Studio passes the type of the document it asks about.
  const type = (await run<string | null>('*[_id == $id][0]._type', {id}, documents)) ?? 'unknown'
  return siteLocations(id, await run<LocationsData>(locationsQuery(type), {id, type}, documents)).locations
}
const hrefs = async (id: string, documents = dataset) => (await locations(id, documents))?.map(({href}) => href)

test('a team member appears on every page whose team section lists their group', async () => {
  expect(await hrefs('team-andrew-noyes')).toEqual(['/about-us/meet-the-team/', '/what-we-do/research-and-policy/'])
  expect(await hrefs('team-kelly-vere')).toEqual(['/about-us/meet-the-team/'])
})

test('an FAQ is on the FAQ page; a page and a publication at their own addresses', async () => {
  const faq = await run<string>('*[_type == "faq"][0]._id', {})
  expect(await hrefs(faq)).toEqual(['/about-us/faqs/'])
  expect(await hrefs('page-meet-the-team')).toEqual(['/about-us/meet-the-team/'])
  const publication = await hrefs('publication-talent-commission-report')
  expect(publication?.[0]).toMatch(/^\/publications\/[a-z0-9-]+\/$/)
  expect(publication).toContain('/publications/')
})

test('a document further down a long list is located on the part of the page that shows it', async () => {
  // 45 questions before the demo's own (20 a part), and 12 people in the Research and Policy
  // Group before its lead (15 a part; Meet the team lists four other people before that group).
  const longer = [
    ...dataset,
    ...Array.from({length: 45}, (_, i) => ({
      _id: `faq-extra-${String(i)}`,
      _type: 'faq',
      question: `Extra question ${String(i).padStart(2, '0')}?`,
      order: -1,
    })),
    ...Array.from({length: 12}, (_, i) => ({
      _id: `team-extra-${String(i)}`,
      _type: 'teamMember',
      name: `Extra member ${String(i).padStart(2, '0')}`,
      group: 'researchPolicyGroup',
      order: 0,
    })),
  ]
  expect(await hrefs('faq-extra-5', longer)).toEqual(['/about-us/faqs/'])
  expect(await locations('faq-extra-25', longer)).toEqual([{title: 'FAQs, page 2', href: '/about-us/faqs/page/2/'}])
  expect(await hrefs('faq-extra-44', longer)).toEqual(['/about-us/faqs/page/3/'])
  expect(await hrefs('team-andrew-noyes', longer)).toEqual([
    '/about-us/meet-the-team/page/2/',
    '/what-we-do/research-and-policy/',
  ])
})

test('a singleton is on every page', async () => {
  const pages = await run<string[]>('*[_type == "page"]._id', {})
  const locations = await hrefs('siteSettings')
  expect(locations).toEqual(expect.arrayContaining(['/', '/about-us/', '/about-us/faqs/', '/news/', '/search/']))
  expect(locations?.length).toBeGreaterThanOrEqual(pages.length)
})

test('a redirect is on no page', async () => {
  const redirect = await run<string | null>('*[_type == "redirect"][0]._id', {})
  if (redirect) expect(await hrefs(redirect)).toBeUndefined()
})

test('each page of the site opens its own document', async () => {
  const opened = async (path: string) => {
    const {filter, params} = pageFilter(path)
    return run<string[]>(`*[${filter}]._id`, params)
  }
  expect(await opened('/')).toEqual(['page-home'])
  expect(await opened('/about-us/')).toEqual(['page-about-us'])
  expect(await opened('/about-us/meet-the-team/')).toEqual(['page-meet-the-team'])
  // The later parts of a page's long lists are that page.
  expect(await opened('/about-us/faqs/page/2/')).toEqual(['page-faqs'])
  expect(await opened('/page/3/')).toEqual(['page-home'])
  // Under the wrong parent, or at the top level, a child page is not found.
  expect(await opened('/meet-the-team/')).toEqual([])
  expect(await opened('/research-and-policy/meet-the-team/')).toEqual([])
  expect(mainDocuments.map(({route}) => route)).toEqual(
    expect.arrayContaining(['/news/:slug/', '/publications/:slug/', '/events/:slug/', '/topics/:slug/']),
  )
})
