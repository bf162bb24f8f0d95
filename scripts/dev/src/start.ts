// README command 1: the whole product on localhost. The local content backend (started, or
// reused if one serves the data dir), the Sanity Studio built against it, the site built
// from it and served, and the draft preview the Studio's Preview action opens; then every
// publish rebuilds the site at once, or right after the rebuild already running. Ctrl-C or SIGTERM stops everything.
//
// Ports: PORT (site, 4321), STUDIO_PORT (3333), PREVIEW_PORT (4322), LAKE_PORT (3400),
// LAKE_HTTPS_PORT (3443). All are checked before anything starts; a taken one is reported
// with the variable that moves it. If anything fails once parts are up, everything started
// so far is stopped, child processes and theirs included, and the exit status is 1.
// LAKE_DATA_DIR moves the working data.
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtemp, rename, rm, symlink} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {createClient} from '@sanity/client'

import {DEFAULT_PREVIEW_PORT, startDraftPreview, type DraftPreview} from './draftPreview.ts'
import {DEFAULT_HTTP_PORT, DEFAULT_HTTPS_PORT, findRunningLake, type Lake} from '@itss/lake'
import {ensureLocalLake, lakeDataDir} from '@itss/lake/local'
import {clientConfigFor} from '@itss/schemas/api'
import {createRebuildScheduler, type RebuildScheduler} from '@itss/webhook'
import {astroCommand, builtFiles} from './astro.ts'
import {checkPorts, portFromEnv, portTakenMessage, suggestPort} from './ports.ts'
import {stopDescendants} from './processTree.ts'
import {serveSite} from './serveSite.ts'
import {buildStudio, lakeHttpsPort, serveStudioFiles, studioLoginUrl, type StudioServer} from './serveStudio.ts'

const ports = {
  site: portFromEnv('PORT', 4321, 'the site'),
  studio: portFromEnv('STUDIO_PORT', 3333, 'the Studio'),
  preview: portFromEnv('PREVIEW_PORT', DEFAULT_PREVIEW_PORT, 'the draft preview'),
  lake: portFromEnv('LAKE_PORT', DEFAULT_HTTP_PORT, 'the content backend'),
  lakeHttps: portFromEnv('LAKE_HTTPS_PORT', DEFAULT_HTTPS_PORT, "the content backend's HTTPS"),
}
const SITE_PORT = ports.site.port
const STUDIO_PORT = ports.studio.port
const PREVIEW_PORT = ports.preview.port

// Every port, before anything starts or builds. A lake already serving this data dir is
// reused as it is (ensureLocalLake), so then its ports are taken by it and need no check.
// (The same data dir ensureLocalLake picks.)
const dataDir = process.env.LAKE_DATA_DIR ? path.resolve(process.env.LAKE_DATA_DIR) : lakeDataDir
const reusedLake = await findRunningLake(dataDir)
const portProblems = await checkPorts(reusedLake ? [ports.site, ports.studio, ports.preview] : Object.values(ports))
if (portProblems.length > 0) {
  for (const problem of portProblems) console.error(problem)
  process.exit(1)
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`
const running = new Set<ChildProcess>()
/** Aborted on stop: ends the Studio build and the draft preview, started or not. */
const startup = new AbortController()
let stopping = false

// What has been started, set as each part comes up, so a stop at any point closes exactly that.
let lake: Lake | undefined
let workDir: string | undefined
let scheduler: RebuildScheduler | undefined
let subscription: {unsubscribe: () => void} | undefined
/** Settles once the Studio build and the draft preview have finished starting (or failed to). */
let startingParts: Promise<unknown> = Promise.resolve()
const served: {
  site?: {url: string; close: () => void}
  studio?: StudioServer | undefined
  preview?: DraftPreview
} = {}

/** Runs a child quietly; its output is handed back for when it fails. */
function runQuietly(command: string, args: string[], options: {cwd: string; env: NodeJS.ProcessEnv}) {
  const child = spawn(command, args, {...options, stdio: ['ignore', 'pipe', 'pipe']})
  running.add(child)
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise<{ok: boolean; output: string}>((resolve) => {
    child.on('error', (error) => {
      output += `${error.message}\n`
    })
    child.on('close', (code) => {
      running.delete(child)
      resolve({ok: code === 0, output})
    })
  })
}

// Builds go to a folder of their own and the server follows a symlink to the newest, so a
// visitor never sees a half-written build and a failed one leaves the last good one up.
// Rebuilds are incremental: each renders only the pages whose content changed and copies the
// rest from the build cache, which lives as long as this session. Each build is written to the
// same folder, then moved: Astro counts a new outDir as a change of code on every page.
let buildCount = 0
let previousBuild: string | undefined
let currentBuild: string | undefined

async function buildSite(root: string): Promise<{rendered: number; reused: number}> {
  const building = path.join(root, 'building')
  const astro = astroCommand(['build', '--outDir', building])
  const result = await runQuietly(astro.command, astro.args, {
    cwd: astro.cwd,
    // The build finds the lake serving LAKE_DATA_DIR (this one) and reads published content.
    env: {
      ...process.env,
      ...astro.env,
      SITE_URL: process.env.SITE_URL ?? `http://localhost:${String(SITE_PORT)}`,
      SITE_BUILD_CACHE: path.join(root, 'build-cache'),
    },
  })
  if (!result.ok) {
    await rm(building, {recursive: true, force: true})
    throw new Error(`The site did not build:\n${result.output.trim()}`)
  }
  const outDir = path.join(root, `build-${String(++buildCount)}`)
  await rename(building, outDir)
  const siteRoot = path.join(root, 'site')
  const next = `${siteRoot}.next`
  await rm(next, {force: true})
  await symlink(outDir, next)
  await rename(next, siteRoot)
  // Keep the build just replaced a while longer: a response may still be streaming from it.
  if (previousBuild) await rm(previousBuild, {recursive: true, force: true})
  previousBuild = currentBuild
  currentBuild = outDir
  const {rendered, reused} = builtFiles(result.output)
  return {rendered: rendered.length, reused: reused.length}
}

// One build at a time: a publish during the first build waits for it.
let buildChain = Promise.resolve()
const serially = (task: () => Promise<void>) => {
  const run = buildChain.then(task)
  buildChain = run.catch(() => undefined)
  return run
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Why a part failed, in a line a developer can act on: a taken port names the variable. */
async function explain(error: unknown): Promise<string> {
  const {code, port} = (error ?? {}) as {code?: unknown; port?: unknown}
  const use = Object.values(ports).find((candidate) => candidate.port === port)
  if (use && (code === 'EADDRINUSE' || code === 'EACCES')) {
    const taken = new Set(Object.values(ports).map((other) => other.port))
    return portTakenMessage(use, code, await suggestPort(use.port, taken), 'pnpm start')
  }
  return messageOf(error)
}

/** Logs an error, and an action, without letting either throw. */
async function quietly(what: string, action: (() => unknown) | undefined): Promise<void> {
  try {
    await action?.()
  } catch (error) {
    console.error(`While stopping ${what}: ${messageOf(error)}`)
  }
}

async function stop(code = 0): Promise<never> {
  // A second signal or failure while stopping: the first stop finishes the job.
  if (stopping) return new Promise<never>(() => undefined)
  stopping = true
  // Whatever hangs below, no process is left and this one exits.
  setTimeout(() => {
    void stopDescendants(0).finally(() => process.exit(code))
  }, 20_000)
  subscription?.unsubscribe()
  for (const child of running) child.kill('SIGTERM')
  startup.abort()
  await quietly('rebuilds', () => scheduler?.close())
  await buildChain
  // The abort has told the Studio build and a starting draft preview to stop; wait until they have.
  await startingParts
  // Before the backend it reads from.
  await quietly('the draft preview', () => served.preview?.close())
  await quietly('the site server', () => served.site?.close())
  await quietly('the Studio server', () => served.studio?.close())
  await quietly('the content backend', () => lake?.close())
  const dir = workDir
  if (dir) await quietly('the build folder', () => rm(dir, {recursive: true, force: true}))
  // Anything a child started in turn and left behind.
  await quietly('child processes', () => stopDescendants())
  process.exit(code)
}

/** A part failed: say why, stop everything started so far, exit 1. */
let failed = false
async function fail(error: unknown): Promise<never> {
  // Only the first failure is news; what fails after it is most likely its consequence.
  if (!stopping && !failed) {
    failed = true
    console.error(await explain(error))
  }
  return stop(1)
}

process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
// Errors no caller can catch (a server's 'error' event, say) stop everything too.
process.on('uncaughtException', (error) => void fail(error))
process.on('unhandledRejection', (error) => void fail(error))

async function main(): Promise<void> {
  lake = await ensureLocalLake({
    httpPort: ports.lake.port,
    httpsPort: ports.lakeHttps.port,
    log: (line) => {
      console.log(line)
    },
  })
  const backend = lake
  const root = await mkdtemp(path.join(os.tmpdir(), 'itss-start-'))
  workDir = root
  const siteRoot = path.join(root, 'site')

  scheduler = createRebuildScheduler({
    rebuild: () =>
      serially(async () => {
        if (stopping) return
        const started = performance.now()
        console.log('site: content was published; rebuilding')
        const {rendered, reused} = await buildSite(root)
        console.log(
          `site: rebuilt in ${seconds(started)} (${String(rendered)} files rendered, ${String(reused)} unchanged)`,
        )
      }),
    onError: (error) => {
      if (stopping) return
      console.error(`${messageOf(error)}\nsite: still serving the last good build.`)
    },
  })
  const rebuilds = scheduler

  // Published documents only: saving a draft changes nothing a visitor sees.
  const client = createClient(
    clientConfigFor({apiHost: backend.httpUrl, projectId: backend.projectId, token: backend.token}),
  )
  subscription = client
    .listen('*[!(_id in path("drafts.**"))]', {}, {includeResult: false, visibility: 'query'})
    .subscribe({
      next: () => {
        rebuilds.schedule()
      },
      error: (error: unknown) => {
        console.error('site: stopped listening for publishes:', error)
      },
    })

  console.log('Building the site and the Studio, and starting the draft preview (about a minute the first time)…')
  const httpsPort = lakeHttpsPort(backend)
  const started = performance.now()
  const parts = [
    serially(async () => {
      await buildSite(root)
    }).then(
      () => true,
      (error: unknown) => {
        // Nothing to serve: stop the other parts now rather than after they finish.
        if (!stopping) console.error(`${messageOf(error)}\nThe site did not build; the messages above say why.`)
        void stop(1)
        return false
      },
    ),
    httpsPort === null
      ? Promise.resolve(false as const)
      : (async () => {
          const outDir = path.join(root, 'studio')
          const lines: string[] = []
          const ok = await buildStudio({
            outDir,
            httpsPort,
            previewUrl: `http://localhost:${String(PREVIEW_PORT)}`,
            log: (line) => lines.push(line),
            signal: startup.signal,
          })
          if (!ok && !stopping) console.error(`sanity build failed:\n${lines.join('\n')}`)
          return ok ? outDir : false
        })(),
    startDraftPreview({
      port: PREVIEW_PORT,
      env: {...process.env, LAKE_DATA_DIR: backend.dataDir},
      signal: startup.signal,
    }).then(
      (preview) => (served.preview = preview),
      (error: unknown) => {
        if (!stopping) console.error(messageOf(error))
        return undefined
      },
    ),
  ] as const
  startingParts = Promise.allSettled(parts)
  const [, studioBuilt, preview] = await Promise.all(parts)
  // A stop began meanwhile (a signal, a failed site build): it exits the process.
  if (stopping) await new Promise(() => undefined)
  console.log(`Built in ${seconds(started)}.`)

  served.site = await serveSite(siteRoot, SITE_PORT)
  const site = served.site
  served.studio = studioBuilt ? await serveStudioFiles(studioBuilt, STUDIO_PORT) : undefined
  const studio = served.studio

  const browserLake = backend.httpsUrl?.replace('127.0.0.1', `${backend.projectId}.localhost`)
  console.log(
    [
      '',
      'ITSS is running:',
      `  site:             ${site.url}`,
      `  Studio:           ${studio?.url ?? (httpsPort === null ? 'not built: the running content backend serves no HTTPS' : 'not built (see above)')}`,
      `  draft preview:    ${preview ? `${preview.url}/ (unpublished changes; the Studio's Preview action opens it)` : 'not running (see above)'}`,
      `  content backend:  ${backend.httpUrl}${browserLake ? ` (browsers: ${browserLake})` : ''}`,
      '',
      studio
        ? `Log in to the Studio once per browser by opening:\n  ${studioLoginUrl(studio.url, backend)}`
        : `Editor token: ${backend.token}`,
      'Publishing in the Studio rebuilds the site at once. Ctrl-C stops everything.',
      '',
    ].join('\n'),
  )
}

await main().catch(fail)
