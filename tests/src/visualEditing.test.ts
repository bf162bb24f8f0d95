// Click-to-edit lives in the draft preview only. Listening beyond loopback, the preview shows
// drafts, `data-sanity` attributes and the visual-editing script only to a browser that came
// through the Presentation tool's handshake; the production build has none of it on any page.
import {measureBuild} from '@itss/bench'
import {chromiumLaunchOptions, startDraftPreview, type DraftPreview} from '@itss/dev'
import type {Lake} from '@itss/lake'
import {clientFor, freePort} from '@itss/lake/testing'
import {createPreviewSecret} from '@sanity/preview-url-secret/create-secret'
import {chromium} from '@playwright/test'
import {readFile} from 'node:fs/promises'
import {createServer} from 'node:http'
import path from 'node:path'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {buildSite, builtFiles, builtPages, removeDir, startDemoLake, tempDir} from './site.ts'

let lake: (Lake & {dir: string}) | undefined
let preview: DraftPreview | undefined
const dirs: string[] = []

/** Zero-width characters, which Sanity's stega encoding hides in text. */
const STEGA = /[\u200B-\u200D\u2060\uFEFF]/
const VISUAL_EDITING_SCRIPT = /<script[^>]*src="[^"]*visualEditing/
const PAGE = '/about-us/meet-the-team/'

beforeAll(async () => {
  lake = await startDemoLake()
  // As in preview.test.ts: nor vitest's NODE_ENV=test and VITEST*, under which astro dev answers 404.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(SANITY_|VITEST)/.test(key) && key !== 'NODE_ENV'),
  )
  preview = await startDraftPreview({port: await freePort(), host: '0.0.0.0', env: {...env, LAKE_DATA_DIR: lake.dir}})
}, 120_000)

afterAll(async () => {
  await preview?.close()
  await lake?.close()
  for (const dir of [...dirs, lake?.dir]) if (dir) await removeDir(dir)
})

const get = (sitePath: string, cookie?: string) =>
  fetch(`${preview?.url}${sitePath}`, {
    headers: {Accept: 'text/html', ...(cookie ? {Cookie: cookie} : {})},
    redirect: 'manual',
  })

test('beyond loopback, the draft preview shows drafts and click-to-edit only after the handshake', async () => {
  if (!lake) throw new Error('the lake is not running')
  const client = clientFor(lake)
  const page = await client.getDocument('page-meet-the-team')
  if (!page) throw new Error('The demo dataset has no page-meet-the-team')
  const draftTitle = `The team, a draft of ${Date.now()}`
  await client.createOrReplace({...page, _id: 'drafts.page-meet-the-team', title: draftTitle})
  // Not pages only: a calendar file is rendered from content too.
  const event = await client.getDocument('event-example')
  if (!event) throw new Error('The demo dataset has no event-example')
  const draftEvent = `An event drafted at ${Date.now()}`
  await client.createOrReplace({...event, _id: 'drafts.event-example', title: draftEvent})
  const CALENDAR = '/events/upcoming.ics'

  const refused = await (await get(PAGE)).text()
  expect(refused).toContain('Meet the team')
  expect(refused).not.toContain(draftTitle)
  expect(refused).not.toContain('data-sanity')
  expect(refused).not.toMatch(VISUAL_EDITING_SCRIPT)
  expect(await (await get(CALENDAR)).text()).not.toContain(draftEvent)

  // A made-up secret is refused.
  expect((await get('/preview-mode/enable/?sanity-preview-secret=made-up')).status).toBe(401)

  // The Studio's side of the handshake, as the Presentation tool does it.
  const {secret} = await createPreviewSecret(client, 'test', 'http://localhost:3333/presentation', 'pLakeEditor')
  const enabled = await get(
    `/preview-mode/enable/?sanity-preview-secret=${secret}&sanity-preview-pathname=${encodeURIComponent(PAGE)}`,
  )
  expect(enabled.status).toBe(307)
  expect(enabled.headers.get('location')).toBe(PAGE)
  const cookie = enabled.headers.get('set-cookie')?.split(';')[0] ?? ''

  const shown = await (await get(PAGE, cookie)).text()
  expect(shown).toContain(draftTitle)
  expect(await (await get(CALENDAR, cookie)).text()).toContain(draftEvent)
  expect(shown).toMatch(VISUAL_EDITING_SCRIPT)
  // The team member's role names its document and field.
  const member = await client.fetch<{_id: string; role: string}>(`*[_id == "team-andrew-noyes"][0]{_id, role}`)
  expect(shown).toMatch(
    new RegExp(`data-sanity="id=${member._id};type=teamMember;path=role[^"]*"[^>]*>\\s*${member.role}`),
  )
  // So do the items of the site's lists: each one's title and summary open its own document.
  for (const [list, id, type] of [
    ['/news/', 'news-institute-opens', 'newsArticle'],
    ['/publications/', 'publication-talent-commission-report', 'publication'],
    ['/events/', 'event-example', 'event'],
  ] as const) {
    const html = await (await get(list, cookie)).text()
    for (const field of ['title', 'summary'])
      expect(html, `${list} ${field}`).toMatch(
        new RegExp(`data-sanity="id=(drafts\\.)?${id};type=${type};path=${field}`),
      )
  }
}, 60_000)

test("framed from another site, as the Presentation tool frames it, the handshake's session holds", async () => {
  if (!lake || !preview) throw new Error('the lake or the preview is not running')
  const client = clientFor(lake)
  const page = await client.getDocument('page-meet-the-team')
  if (!page) throw new Error('The demo dataset has no page-meet-the-team')
  const draftTitle = `The team, drafted at ${Date.now()}`
  await client.createOrReplace({...page, _id: 'drafts.page-meet-the-team', title: draftTitle})
  const {secret} = await createPreviewSecret(client, 'test', 'http://localhost:3333/presentation', 'pLakeEditor')

  // The Studio stands in as a page on localhost; the preview is framed from 127.0.0.1, another site.
  const framed = new URL(`/preview-mode/enable/?sanity-preview-secret=${secret}`, preview.url)
  framed.hostname = '127.0.0.1'
  framed.searchParams.set('sanity-preview-pathname', PAGE)
  const studio = createServer((_, res) =>
    res.end(`<!doctype html><title>Studio</title><iframe src="${framed.href}" title="Preview"></iframe>`),
  )
  await new Promise<void>((resolve) => studio.listen(0, '127.0.0.1', resolve))
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const tab = await browser.newPage()
    const address = studio.address()
    if (address === null || typeof address === 'string') throw new Error('the stand-in Studio has no port')
    await tab.goto(`http://localhost:${String(address.port)}/`)
    const frame = tab.frameLocator('iframe')
    // After the handshake's redirect, and on a page followed from it: drafts and click-to-edit.
    await frame.locator('h1', {hasText: draftTitle}).waitFor({timeout: 30_000})
    await frame.locator('a[href="/"]').first().click()
    await frame.locator('h1', {hasNotText: draftTitle}).waitFor({timeout: 30_000})
    expect(await frame.locator('.draft-banner').textContent()).toContain('Draft preview.')
    expect(await frame.locator('script[src*="visualEditing"]').count()).toBe(1)
  } finally {
    await browser.close()
    studio.close()
  }
}, 60_000)

test('the production build has no data-sanity attributes, stega characters or visual-editing script on any page', async () => {
  if (!lake) throw new Error('the lake is not running')
  const outDir = await tempDir('production-clean')
  dirs.push(outDir)
  const build = await buildSite(outDir, {LAKE_DATA_DIR: lake.dir})
  expect(build.code, build.output).toBe(0)

  const pages = await builtPages(outDir)
  expect(pages).toEqual(expect.arrayContaining(['about-us/meet-the-team/index.html', 'about-us/faqs/index.html']))
  const found: string[] = []
  // Every page, script and stylesheet the build ships (Pagefind's index is binary).
  for (const file of (await builtFiles(outDir)).filter((name) => /\.(html|js|css)$/.test(name))) {
    const text = await readFile(path.join(outDir, file), 'utf8')
    if (text.includes('data-sanity')) found.push(`${file}: data-sanity`)
    if (STEGA.test(text)) found.push(`${file}: zero-width characters`)
    if (/visual-?editing/i.test(text)) found.push(`${file}: visual editing`)
  }
  expect(found).toEqual([])
  const withJs = (await measureBuild(outDir)).filter((page) => page.path !== '/search' && page.js + page.lazyJs > 0)
  expect(withJs.map((page) => page.path)).toEqual([])
}, 300_000)
