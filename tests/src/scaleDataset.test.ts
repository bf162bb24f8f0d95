// The scale benchmark's synthetic dataset, small: it holds what a mature institute site holds,
// every document passes the Studio's validation and the build's content checks, and the
// listings it makes long (publications, news, events, topics) stay within the budgets.
import path from 'node:path'
import {readFile} from 'node:fs/promises'
import {validateDocumentWithWorkspace} from '@sanity/validation'
import {createClient} from '@sanity/client'
import {parse} from 'node-html-parser'
import {createSchema} from 'sanity'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {startLake, type Lake} from '@itss/lake'
import {demoDatasetDir} from '@itss/lake/local'
import {documentTypes, schemaTypes} from '@itss/schemas'
import {clientConfigFor} from '@itss/schemas/api'
import {
  BUDGETS,
  checkGroupBudgets,
  generateDataset,
  groupCosts,
  loadIntoLake,
  measureBuild,
  readDemoDocuments,
  type Doc,
} from '@itss/bench'
import {buildSite, htmlFile, projectEnv, removeDir, tempDir, type Build} from './site.ts'

// The build counts this moment as now, as the generator does, so upcoming and past agree.
const NOW = '2027-02-01T12:00:00.000Z'
const demo = await readDemoDocuments(demoDatasetDir)
const dataset = generateDataset(600, demo, new Date(NOW))
const demoIds = new Set(demo.map((doc) => doc._id))
const generated = dataset.documents.filter((doc) => !demoIds.has(doc._id))
const ofType = (type: string) => generated.filter((doc) => doc._type === type)

describe('the generated mix', () => {
  test('it has the size asked for, and every document type the schema has', () => {
    expect(dataset.documents).toHaveLength(600)
    expect(new Set(dataset.documents.map((doc) => doc._id)).size).toBe(600)
    for (const type of documentTypes) expect(dataset.counts[type.name] ?? 0, type.name).toBeGreaterThan(0)
  })

  test('it is mostly publications, then news, then events, across ten or more topics', () => {
    const [publications, news, events] = ['publication', 'newsArticle', 'event'].map((t) => ofType(t).length)
    expect(publications).toBeGreaterThan(news ?? 0)
    expect(news).toBeGreaterThan(events ?? 0)
    expect((publications ?? 0) + (news ?? 0) + (events ?? 0)).toBeGreaterThan(generated.length * 0.7)
    expect(dataset.counts.topic).toBeGreaterThanOrEqual(10)
  })

  test('publications come in every kind, by team members and outside authors, as a PDF or an address', () => {
    const publications = ofType('publication')
    expect(new Set(publications.map((p) => p.kind)).size).toBe(5)
    const authors = publications.flatMap((p) => (p.authors ?? []) as Array<{_type: string}>)
    expect(authors.some((a) => a._type === 'reference')).toBe(true)
    expect(authors.some((a) => a._type === 'externalAuthor')).toBe(true)
    expect(publications.some((p) => p.file && !p.url)).toBe(true)
    expect(publications.some((p) => p.url && !p.file)).toBe(true)
  })

  test('events are upcoming and past, in every format, some cancelled', () => {
    const events = ofType('event')
    const ended = (e: Doc) => Date.parse(e.end as string) < Date.parse(NOW)
    expect(events.some(ended)).toBe(true)
    expect(events.some((e) => !ended(e))).toBe(true)
    expect(new Set(events.map((e) => e.format))).toEqual(new Set(['inPerson', 'online', 'hybrid']))
    expect(events.some((e) => e.status === 'cancelled')).toBe(true)
  })
})

describe('the generated dataset in a backend', () => {
  let dir = ''
  let lake: Lake | undefined
  let build: Build | undefined

  beforeAll(async () => {
    dir = await tempDir('scale-dataset')
    lake = await startLake({dataDir: path.join(dir, 'lake'), httpPort: 0, httpsPort: false, log: () => {}})
    await loadIntoLake(lake, dataset.documents, demoDatasetDir, () => {})
    build = await buildSite(path.join(dir, 'site'), {...projectEnv(lake), BUILD_NOW: NOW})
  }, 300_000)

  afterAll(async () => {
    await lake?.close()
    await removeDir(dir)
  })

  test('every generated document passes the Studio’s validation', {timeout: 120_000}, async () => {
    if (!lake) throw new Error('no backend')
    const client = createClient(clientConfigFor({apiHost: lake.httpUrl, projectId: lake.projectId, token: lake.token}))
    const schema = createSchema({name: 'test', types: schemaTypes})
    const failures: string[] = []
    // As stored: a PDF's export-format `_sanityAsset` has become a reference to the uploaded file.
    const stored = await client.fetch<Doc[]>('*[_id in $ids]', {ids: generated.map((doc) => doc._id)})
    expect(stored).toHaveLength(generated.length)
    for (const doc of stored) {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- as in schemaValidation.test.ts: validates as the Studio does
      const markers = await validateDocumentWithWorkspace({
        document: {_createdAt: '', _updatedAt: '', _rev: '', ...doc},
        environment: 'studio',
        workspace: {schema, getClient: () => client, i18n: undefined as never},
        getDocumentExists: async ({id}) => (await client.getDocument(id)) !== undefined,
      })
      for (const marker of markers.filter((m) => m.level === 'error'))
        failures.push(`${doc._id} ${JSON.stringify(marker.path)}: ${marker.message}`)
    }
    expect(failures).toEqual([])
  })

  test('the site builds from it: every content check passes', () => {
    expect(build?.code, build?.output.slice(-3000)).toBe(0)
  })

  const html = async (sitePath: string) => parse(await readFile(htmlFile(build?.outDir ?? '', sitePath), 'utf8'))

  test('every page, listings above all, stays within the HTML budget', async () => {
    const groups = groupCosts(await measureBuild(build?.outDir ?? ''))
    const listings = groups.filter((group) => group.listing)
    expect(listings.map((group) => group.name)).toEqual(
      expect.arrayContaining(['publications list', 'publication filters', 'news list', 'events page', 'topic pages']),
    )
    expect(checkGroupBudgets(listings).filter((result) => !result.pass)).toEqual([])
    // Every page, not only the listings: a section listing every FAQ or person is cut into parts.
    expect(groups.filter((group) => group.largest.html > BUDGETS.htmlPage).map((group) => group.largest)).toEqual([])
  })

  test('a long list’s pagination links the first, last and nearby pages, and Older reaches every page', async () => {
    const nav = (root: ReturnType<typeof parse>) => root.querySelector('nav[aria-label="Publications pages"]')
    const first = nav(await html('/publications/'))
    const numbers = (first?.querySelectorAll('a') ?? []).map((a) => a.text.replace(/\D/g, '')).filter(Boolean)
    const total = Math.ceil((dataset.counts.publication ?? 0) / 10)
    expect(numbers).toEqual(['1', '2', '3', String(total)])
    const seen = new Set<string>()
    for (let at: string | undefined = '/publications/'; at;) {
      seen.add(at)
      at = nav(await html(at))
        ?.querySelector('a[rel="next"]')
        ?.getAttribute('href')
    }
    expect(seen.size).toBe(total)
  })

  test('a topic page lists the latest five of each and links onward', async () => {
    // The topic with the most events filed under it, which has more than five of each kind.
    const filedUnder = (id: string) =>
      ofType('event').filter((e) => (e.topics as Array<{_ref: string}>).some((t) => t._ref === id)).length
    const topic = ofType('topic').sort((a, b) => filedUnder(b._id) - filedUnder(a._id))[0]
    const slug = (topic?.slug as {current: string}).current
    const root = await html(`/topics/${slug}/`)
    for (const list of ['.news-list', '.publication-list', '.event-list'])
      expect(root.querySelectorAll(`main ${list} > li`).length, list).toBe(5)
    const hrefs = root.querySelectorAll('main a').map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual(expect.arrayContaining(['/news/', `/publications/topic/${slug}/`, '/events/']))
    expect(root.querySelector('main')?.text).toMatch(/The latest 5 of \d+ publications on this topic\./)
  })

  test('/events/ shows the ten latest past events, and /events/past/ pages through every one, newest first', async () => {
    const past = ofType('event')
      .filter((e) => Date.parse(e.end as string) < Date.parse(NOW))
      .sort((a, b) => Date.parse(b.start as string) - Date.parse(a.start as string))
      .map((e) => `/events/${(e.slug as {current: string}).current}/`)
    const events = await html('/events/')
    const listedPast = (root: ReturnType<typeof parse>, selector: string) =>
      root.querySelectorAll(`${selector} .event-list > li a`).map((a) => a.getAttribute('href'))
    expect(listedPast(events, 'section[aria-labelledby="past"]')).toEqual(past.slice(0, 10))
    expect(events.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain('/events/past/')
    const archive: Array<string | undefined> = []
    for (let at: string | undefined = '/events/past/'; at;) {
      const root = await html(at)
      archive.push(...listedPast(root, 'main'))
      at = root.querySelector('nav[aria-label="Past events pages"] a[rel="next"]')?.getAttribute('href')
    }
    expect(archive).toEqual(past)
  })
})
