// Draft preview (`pnpm preview`): the dev server in the drafts perspective shows an editor's
// saved draft on the next reload, while the published site does not show it at all.
import {startDraftPreview, type DraftPreview} from '@itss/dev'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {buildSite, pageText, removeDir, startDemoLake, tempDir} from './site.ts'
import type {Lake} from '@itss/lake'
import {clientFor, freePort} from '@itss/lake/testing'

let lake: (Lake & {dir: string}) | undefined
let preview: DraftPreview | undefined
const dirs: string[] = []

beforeAll(async () => {
  lake = await startDemoLake()
  // What `pnpm preview` runs, on a free port and against this test's backend. Nor vitest's
  // NODE_ENV=test and VITEST*, under which astro dev answers every page with 404.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(SANITY_|VITEST)/.test(key) && key !== 'NODE_ENV'),
  )
  preview = await startDraftPreview({port: await freePort(), env: {...env, LAKE_DATA_DIR: lake.dir}})
}, 120_000)

afterAll(async () => {
  await preview?.close()
  await lake?.close()
  for (const dir of [...dirs, lake?.dir]) if (dir) await removeDir(dir)
})

const contentRequests = () => preview?.output().match(/\[content\] 1 request/g)?.length ?? 0

const devPage = async (sitePath: string) => {
  const response = await fetch(`${preview?.url}${sitePath}`, {headers: {Accept: 'text/html'}})
  const html = await response.text()
  if (!response.ok)
    throw new Error(`GET ${sitePath} answered ${response.status}:\n${html.slice(0, 2000)}\n${preview?.output()}`)
  return html
}

test('the draft-preview dev server shows a saved draft on reload; the published build does not', async () => {
  // Before the edit, the preview shows what is there.
  expect(await devPage('/privacy')).toContain('Privacy and cookies')

  if (!lake) throw new Error('the lake is not running')
  const client = clientFor(lake)
  const page = await client.getDocument('page-privacy')
  if (!page) throw new Error('The demo dataset has no page-privacy')
  const draftTitle = `Privacy, a draft saved at ${Date.now()}`
  // What the Studio does when an editor types: a drafts.<id> copy of the page.
  await client.createOrReplace({...page, _id: 'drafts.page-privacy', title: draftTitle})

  // The same dev server, no restart: the next request reads the draft.
  expect(await devPage('/privacy')).toContain(draftTitle)
  // One content request per page shown, not one per component or per getStaticPaths call.
  expect(contentRequests()).toBe(2)

  const outDir = await tempDir('preview-published')
  dirs.push(outDir)
  const build = await buildSite(outDir, {LAKE_DATA_DIR: lake.dir})
  expect(build.code, build.output).toBe(0)
  const published = await pageText(outDir, '/privacy')
  expect(published).toContain('Privacy and cookies')
  expect(published).not.toContain(draftTitle)
}, 180_000)
