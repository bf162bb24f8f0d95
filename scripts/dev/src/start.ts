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
import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {DEFAULT_PREVIEW_PORT, draftPreviewOrigin, startDraftPreview, type DraftPreview} from './draftPreview.ts'
import {DEFAULT_HTTP_PORT, DEFAULT_HTTPS_PORT, findRunningLake, type Lake} from '@itss/lake'
import {ensureLocalLake, lakeDataDir} from '@itss/lake/local'
import {checkPorts, portFromEnv, portTakenMessage, suggestPort} from './ports.ts'
import {stopDescendants} from './processTree.ts'
import {publishSite, type PublishedSite} from './publishedSite.ts'
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
/** Aborted on stop: ends the Studio build and the draft preview, started or not. */
const startup = new AbortController()
let stopping = false

// What has been started, set as each part comes up, so a stop at any point closes exactly that.
let lake: Lake | undefined
let workDir: string | undefined
let published: PublishedSite | undefined
/** Settles once the Studio build and the draft preview have finished starting (or failed to). */
let startingParts: Promise<unknown> = Promise.resolve()
const served: {
  site?: {url: string; close: () => void}
  studio?: StudioServer | undefined
  preview?: DraftPreview
} = {}

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
  startup.abort()
  await quietly('rebuilds', () => published?.close())
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
  published = publishSite({
    lake: backend,
    workDir: root,
    // The build finds the lake serving LAKE_DATA_DIR (this one) and reads published content.
    env: {SITE_URL: process.env.SITE_URL ?? `http://localhost:${String(SITE_PORT)}`},
    log: (line) => {
      console.log(line)
    },
    warn: (line) => {
      console.error(line)
    },
  })
  const site = published

  console.log('Building the site and the Studio, and starting the draft preview (about a minute the first time)…')
  const httpsPort = lakeHttpsPort(backend)
  const started = performance.now()
  const parts = [
    site.firstBuild.then(
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
            previewUrl: draftPreviewOrigin(PREVIEW_PORT),
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

  served.site = await serveSite(site.root, SITE_PORT)
  const siteServer = served.site
  served.studio = studioBuilt ? await serveStudioFiles(studioBuilt, STUDIO_PORT) : undefined
  const studio = served.studio

  const browserLake = backend.httpsUrl?.replace('127.0.0.1', `${backend.projectId}.localhost`)
  console.log(
    [
      '',
      'ITSS is running:',
      `  site:             ${siteServer.url}`,
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
