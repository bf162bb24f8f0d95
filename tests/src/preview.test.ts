// Draft preview (`pnpm preview`): the dev server in the drafts perspective shows an editor's
// saved draft on the next reload, while the published site does not show it at all.
import {spawn, type ChildProcess} from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import {quietEnv, repoRoot} from '@itss/scripts/repo.ts'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {buildSite, pageText, removeDir, startDemoLake, tempDir} from './site.ts'
import type {Lake} from '@itss/scripts/lake'
import {clientFor} from '@itss/scripts/lake/testing.ts'

const webDir = path.join(repoRoot, 'web')

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

let lake: Lake & {dir: string}
let dev: ChildProcess | undefined
let devOutput = ''
let devUrl: string
const dirs: string[] = []

beforeAll(async () => {
  lake = await startDemoLake()
  const port = await freePort()
  devUrl = `http://127.0.0.1:${port}`
  // What `pnpm preview` runs, on a free port and against this test's backend.
  // Nor vitest's NODE_ENV=test and VITEST*, under which astro dev answers every page with 404.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(SANITY_|VITEST)/.test(key) && key !== 'NODE_ENV'),
  )
  dev = spawn(
    process.execPath,
    [path.join(webDir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {cwd: webDir, env: {...env, ...quietEnv, SANITY_PERSPECTIVE: 'drafts', LAKE_DATA_DIR: lake.dir}},
  )
  dev.stdout?.on('data', (chunk: Buffer) => (devOutput += chunk.toString()))
  dev.stderr?.on('data', (chunk: Buffer) => (devOutput += chunk.toString()))
  for (let waited = 0; ; waited += 250) {
    if (dev.exitCode !== null || waited > 60_000) throw new Error(`astro dev did not start:\n${devOutput}`)
    if (
      await fetch(`${devUrl}/robots.txt`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}, 120_000)

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev?.once('exit', resolve))
    dev.kill('SIGTERM')
    await exited
  }
  await lake?.close()
  for (const dir of [...dirs, lake?.dir]) if (dir) await removeDir(dir)
})

const contentRequests = () => devOutput.match(/\[content\] 1 request/g)?.length ?? 0

const devPage = async (sitePath: string) => {
  const response = await fetch(`${devUrl}${sitePath}`, {headers: {Accept: 'text/html'}})
  const html = await response.text()
  if (!response.ok)
    throw new Error(`GET ${sitePath} answered ${response.status}:\n${html.slice(0, 2000)}\n${devOutput}`)
  return html
}

test('the draft-preview dev server shows a saved draft on reload; the published build does not', async () => {
  // Before the edit, the preview shows what is there.
  expect(await devPage('/privacy')).toContain('Privacy and cookies')

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
