// README command 1 as a user runs it: `pnpm start` brings up the backend, the Studio and the
// site, and a publish shows on the served site without anyone running a build. And when it
// cannot: a taken port is reported before anything starts, and a part failing later stops
// every other part, leaving no process behind.
import {spawn, type ChildProcess} from 'node:child_process'
import {readdir, readFile} from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import {clientFor, freePort, testLake} from '@itss/lake/testing'
import {findRunningLake} from '@itss/lake'
import {repoRoot} from '@itss/dev'
import {afterAll, afterEach, expect, test} from 'vitest'
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

/** Undone after each test, whatever happened: servers holding ports, lakes, folders. */
const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Five free ports for one run of `pnpm start`. */
async function freePorts() {
  return {
    PORT: await freePort(),
    STUDIO_PORT: await freePort(),
    PREVIEW_PORT: await freePort(),
    LAKE_PORT: await freePort(),
    LAKE_HTTPS_PORT: await freePort(),
  }
}

/** `pnpm start` as in a developer's shell, on the given ports and data dir. */
function runStart(ports: Record<string, number>, lakeDataDir: string) {
  // As on a fresh clone: no SANITY_* variables, nor vitest's NODE_ENV=test and VITEST*, under
  // which astro dev (the draft preview) answers every page with 404.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(SANITY_|VITEST)/.test(key) && key !== 'NODE_ENV'),
  )
  const started = spawn(process.execPath, [path.join(repoRoot, 'scripts/dev/src/start.ts')], {
    cwd: repoRoot,
    env: {
      ...env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      LAKE_DATA_DIR: lakeDataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => started.on('exit', resolve))
  cleanups.push(async () => {
    if (started.exitCode === null && started.signalCode === null) started.kill('SIGKILL')
    await exited
  })
  return {child: started, output: () => output, exited}
}

/** Something else on `port`, as another program would hold it. */
async function holdPort(port: number) {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  cleanups.push(() => new Promise((resolve) => server.close(resolve)))
}

/** Whether this process could listen on `port` now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => {
      resolve(false)
    })
    server.listen(port, '127.0.0.1', () => {
      server.close(() => {
        resolve(true)
      })
    })
  })
}

interface Seen {
  /** When it started (so a reused pid is not mistaken for it) and what it runs. */
  start: string
  command: string
}

/** Every process below `pid`. */
async function processesBelow(pid: number): Promise<Map<number, Seen>> {
  const stats = new Map<number, {ppid: number; start: string}>()
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '')
    // "pid (command) state ppid …": fields from the state on, the start time being the 22nd.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (stat && fields[0] !== 'Z') stats.set(Number(name), {ppid: Number(fields[1]), start: fields[19] ?? ''})
  }
  const below = new Map<number, Seen>()
  for (let frontier = [pid]; frontier.length > 0;) {
    const next = [...stats].filter(([, {ppid}]) => frontier.includes(ppid))
    for (const [found, {start}] of next) {
      const command = await readFile(`/proc/${String(found)}/cmdline`, 'utf8').catch(() => '')
      below.set(found, {start, command: command.replaceAll('\0', ' ').trim()})
    }
    frontier = next.map(([found]) => found)
  }
  return below
}

/** Whether the process that had `pid` and `start` still runs. */
async function stillRuns(pid: number, start: string): Promise<boolean> {
  const stat = await readFile(`/proc/${String(pid)}/stat`, 'utf8').catch(() => '')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return stat !== '' && fields[0] !== 'Z' && fields[19] === start
}

test('with a port taken, pnpm start says which and how to choose another, and exits before building', async () => {
  const dir = await tempDir('start-busy')
  cleanups.push(() => removeDir(dir))
  const ports = await freePorts()
  await holdPort(ports.STUDIO_PORT)
  // A lake already serving this data dir holds LAKE_PORT: start would reuse it, so that is fine.
  const lake = await testLake(dir, {httpPort: ports.LAKE_PORT})
  cleanups.push(() => lake.close())

  const began = performance.now()
  const run = runStart(ports, dir)
  expect(await run.exited).toBe(1)
  expect(performance.now() - began).toBeLessThan(15_000)
  // Only what is in the way is said, the Studio's port among it. (Other tests running beside
  // this one may take one of the ports it picked as free, so that may be said too.)
  const lines = run.output().trim().split('\n')
  for (const line of lines) expect(line).toMatch(/^Port \d+ \(.+\) is in use\./)
  expect(lines).toContainEqual(
    expect.stringMatching(
      new RegExp(
        `^Port ${String(ports.STUDIO_PORT)} \\(the Studio\\) is in use\\. Stop what is using it, or choose another: STUDIO_PORT=\\d+ pnpm start$`,
      ),
    ),
  )
  expect(run.output()).not.toMatch(/Building|lake:/)

  // Without a lake for the data dir, a taken LAKE_PORT is one more port in use.
  await lake.close()
  await holdPort(ports.LAKE_PORT)
  const again = runStart(ports, dir)
  expect(await again.exited).toBe(1)
  expect(again.output()).toContain(`Port ${String(ports.STUDIO_PORT)} (the Studio) is in use.`)
  expect(again.output()).toContain(`Port ${String(ports.LAKE_PORT)} (the content backend) is in use.`)
  expect(again.output()).toMatch(/choose another: LAKE_PORT=\d+ pnpm start/)
  expect(again.output()).not.toMatch(/Building/)
  expect(await findRunningLake(dir)).toBeNull()
}, 60_000)

test('when a part fails after others have started, pnpm start stops them all and leaves no process behind', async () => {
  const dir = await tempDir('start-fail')
  cleanups.push(() => removeDir(dir))
  const ports = await freePorts()
  const run = runStart(ports, dir)
  // The ports were free when checked; something takes the Studio's while everything builds.
  await until('the build to begin', 60_000, () => {
    if (run.child.exitCode !== null) throw new Error(`start exited early:\n${run.output()}`)
    return run.output().includes('Building') ? true : undefined
  })
  await holdPort(ports.STUDIO_PORT)

  // Every process start runs, as they come and go, by pid and start time. A command line read
  // between fork and exec is the parent's, and one read as the process exits is empty: the last
  // one read that is not empty is kept.
  const seen = new Map<string, Seen & {pid: number}>()
  const pid = run.child.pid ?? 0
  const watching = new AbortController()
  const watch = (async () => {
    while (!watching.signal.aborted) {
      for (const [found, info] of await processesBelow(pid)) {
        const key = `${String(found)}/${info.start}`
        seen.set(key, {...info, pid: found, command: info.command || (seen.get(key)?.command ?? '')})
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  const code = await run.exited
  watching.abort()
  await watch

  expect(code, run.output()).toBe(1)
  expect(run.output()).toContain(`Port ${String(ports.STUDIO_PORT)} (the Studio) is in use.`)
  expect(run.output()).not.toContain('ITSS is running')
  // The failure came once the others were up: the draft preview's dev server among them.
  const commands = [...seen.values()].map(({command}) => command)
  expect(
    commands.some((command) => command.includes('astro.mjs dev')),
    `${commands.join('\n')}\n${run.output()}`,
  ).toBe(true)
  // Every one has gone. A few seconds' grace: the Sanity CLI leaves a detached telemetry worker
  // behind after each build, of its own accord, which exits by itself within a second.
  const survivors = async () => {
    const left: string[] = []
    for (const {pid: found, start, command} of seen.values())
      if (await stillRuns(found, start)) left.push(`${String(found)} ${command}`)
    return left
  }
  await until('the last processes to exit', 5000, async () =>
    (await survivors()).length === 0 ? true : undefined,
  ).catch(() => undefined)
  expect(await survivors()).toEqual([])
  expect(await portIsFree(ports.PREVIEW_PORT)).toBe(true)
  expect(await portIsFree(ports.PORT)).toBe(true)
  expect(await findRunningLake(dir)).toBeNull()
}, 300_000)

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

  // A release the backend's scheduler publishes, with nobody in the Studio, is rebuilt too; before
  // then the draft preview shows it when asked for the release.
  const releaseId = `rStart${Date.now()}`
  const scheduledTitle = `Privacy, released at ${Date.now()}`
  await client.releases.create({releaseId, metadata: {title: 'Privacy update', releaseType: 'scheduled'}})
  const {_id, ...content} = page
  await client.createVersion({releaseId, publishedId: _id, document: {...content, title: scheduledTitle}})
  expect(await (await fetch(new URL(`privacy?release=${releaseId}`, urls.preview))).text()).toContain(scheduledTitle)
  expect(await (await fetch(new URL('privacy?release=', urls.preview))).text()).not.toContain(scheduledTitle)
  await client.releases.schedule({releaseId, publishAt: new Date(Date.now() + 3000).toISOString()})
  await until('the scheduled release on the served page', 90_000, async () =>
    (await (await fetch(privacyUrl)).text()).includes(scheduledTitle) ? true : undefined,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}; pnpm start said:\n${output}`)
  })

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
