// README command 1 as a user runs it: `pnpm start` brings up the backend, the Studio and the
// site, and a publish shows on the served site without anyone running a build.
import {spawn, type ChildProcess} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {clientFor, freePort} from '@itss/lake/testing'
import {findRunningLake} from '@itss/lake'
import {repoRoot} from '@itss/dev'
import {afterAll, expect, test} from 'vitest'
import {removeDir, tempDir} from './site.ts'

async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined> | T | undefined) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const value = await check()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

let child: ChildProcess | undefined
let dataDir: string | undefined
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  if (dataDir) await removeDir(dataDir)
})

test('pnpm start serves the site, the Studio, the draft preview and the backend, and rebuilds the site after a publish', async () => {
  dataDir = await tempDir('start-lake')
  const ports = {
    PORT: await freePort(),
    STUDIO_PORT: await freePort(),
    PREVIEW_PORT: await freePort(),
    LAKE_PORT: await freePort(),
    LAKE_HTTPS_PORT: await freePort(),
  }
  // As in a developer's shell on a fresh clone: no SANITY_* variables, nor vitest's NODE_ENV=test
  // and VITEST*, under which astro dev (the draft preview) answers every page with 404.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(SANITY_|VITEST)/.test(key) && key !== 'NODE_ENV'),
  )
  const started = spawn(process.execPath, [path.join(repoRoot, 'scripts/dev/src/start.ts')], {
    cwd: repoRoot,
    env: {
      ...env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      LAKE_DATA_DIR: dataDir,
      REBUILD_DELAY_MS: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = started
  let output = ''
  started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => started.on('exit', resolve))

  const urls = await until('the printed URLs', 150_000, () => {
    if (started.exitCode !== null) throw new Error(`start exited with ${started.exitCode}:\n${output}`)
    const site = /site:\s+(\S+)/.exec(output)?.[1]
    const studio = /Studio:\s+(http\S+)/.exec(output)?.[1]
    const backend = /content backend:\s+(\S+)/.exec(output)?.[1]
    const token = /#token=(\S+)/.exec(output)?.[1]
    const preview = /draft preview:\s+(http\S+)/.exec(output)?.[1]
    return site && studio && backend && token && preview ? {site, studio, backend, token, preview} : undefined
  }).catch((error: unknown) => {
    throw new Error(`${String(error)}; pnpm start said:\n${output}`)
  })
  expect(new URL(urls.site).port).toBe(String(ports.PORT))
  expect(new URL(urls.studio).port).toBe(String(ports.STUDIO_PORT))
  expect(new URL(urls.backend).port).toBe(String(ports.LAKE_PORT))
  expect(new URL(urls.preview).port).toBe(String(ports.PREVIEW_PORT))
  expect(urls.token).toBe((await readFile(path.join(dataDir, 'token'), 'utf8')).trim())

  // All three answer.
  const privacyUrl = new URL('privacy', urls.site).href
  expect(await (await fetch(privacyUrl)).text()).toContain('Privacy and cookies')
  const studioPage = await fetch(new URL('structure/page', urls.studio))
  expect(studioPage.status).toBe(200)
  expect(await studioPage.text()).toMatch(/<script[^>]+src="\/static\/sanity-[^"]+\.js"/)
  expect(await (await fetch(`${urls.backend}/v1/ping`)).text()).toBe('PONG')

  // An editor's publish, the way the Studio does it: a draft, then the publish action.
  const client = clientFor({httpUrl: urls.backend, projectId: 'itss', token: urls.token})
  const title = `Privacy, published at ${Date.now()}`
  const page = await client.getDocument('page-privacy')
  if (!page) throw new Error('The demo dataset has no page-privacy')
  await client.createOrReplace({...page, _id: 'drafts.page-privacy', title})
  // The draft shows in the preview at once, and on the site only once published.
  expect(await (await fetch(new URL('privacy', urls.preview))).text()).toContain(title)
  expect(await (await fetch(privacyUrl)).text()).not.toContain(title)
  await client.action({
    actionType: 'sanity.action.document.publish',
    draftId: 'drafts.page-privacy',
    publishedId: 'page-privacy',
  })

  const html = await until('the published title on the served page', 90_000, async () => {
    const text = await (await fetch(privacyUrl)).text()
    return text.includes(title) ? text : undefined
  }).catch((error: unknown) => {
    throw new Error(`${String(error)}; pnpm start said:\n${output}`)
  })
  expect(html).toContain(`<h1`)
  expect(output).toMatch(/rebuilt in \d+(\.\d)? s/)

  // The timings, for whoever reads the test log.
  console.log(
    output
      .split('\n')
      .filter((line) => /built in/i.test(line))
      .join('\n'),
  )
  started.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(await findRunningLake(dataDir)).toBeNull()
  await expect(fetch(privacyUrl)).rejects.toThrow()
}, 300_000)
