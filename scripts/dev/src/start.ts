// README command 1: the whole product on localhost. The local content backend (started, or
// reused if one serves the data dir), the Sanity Studio built against it, the site built
// from it and served, and the draft preview the Studio's Preview action opens; then every
// publish rebuilds the site a few seconds later. Ctrl-C or SIGTERM stops everything.
//
// Ports: PORT (site, 4321), STUDIO_PORT (3333), PREVIEW_PORT (4322), LAKE_PORT (3400),
// LAKE_HTTPS_PORT (3443).
// LAKE_DATA_DIR moves the working data; REBUILD_DELAY_MS sets the quiet time before a rebuild.
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtemp, rename, rm, symlink} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {createClient} from '@sanity/client'

import {DEFAULT_PREVIEW_PORT, startDraftPreview, type DraftPreview} from './draftPreview.ts'
import {DEFAULT_HTTP_PORT, DEFAULT_HTTPS_PORT} from '@itss/lake'
import {ensureLocalLake} from '@itss/lake/local'
import {clientConfigFor} from '@itss/schemas/api'
import {createRebuildScheduler} from '@itss/webhook'
import {astroCli, quietEnv, webDir} from './repo.ts'
import {serveSite} from './serveSite.ts'
import {buildStudio, lakeHttpsPort, serveStudioFiles, studioLoginUrl, type StudioServer} from './serveStudio.ts'

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const SITE_PORT = port('PORT', 4321)
const STUDIO_PORT = port('STUDIO_PORT', 3333)
const PREVIEW_PORT = port('PREVIEW_PORT', DEFAULT_PREVIEW_PORT)
const REBUILD_DELAY_MS = port('REBUILD_DELAY_MS', 3000)

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`
const running = new Set<ChildProcess>()
/** Aborted on stop: ends the Studio build and the draft preview, started or not. */
const startup = new AbortController()
let stopping = false

/** Runs a child quietly; its output is handed back for when it fails. */
function runQuietly(command: string, args: string[], options: {cwd: string; env: NodeJS.ProcessEnv}) {
  const child = spawn(command, args, {...options, stdio: ['ignore', 'pipe', 'pipe']})
  running.add(child)
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise<{ok: boolean; output: string}>((resolve) =>
    child.on('close', (code) => {
      running.delete(child)
      resolve({ok: code === 0, output})
    }),
  )
}

const lake = await ensureLocalLake({
  httpPort: port('LAKE_PORT', DEFAULT_HTTP_PORT),
  httpsPort: port('LAKE_HTTPS_PORT', DEFAULT_HTTPS_PORT),
  log: (line) => console.log(line),
})
// Builds go to a folder of their own and the server follows a symlink to the newest, so a
// visitor never sees a half-written build and a failed one leaves the last good one up.
const workDir = await mkdtemp(path.join(os.tmpdir(), 'itss-start-'))
const siteRoot = path.join(workDir, 'site')
let buildCount = 0
let previousBuild: string | undefined
let currentBuild: string | undefined

async function buildSite(): Promise<void> {
  const outDir = path.join(workDir, `build-${++buildCount}`)
  const result = await runQuietly(process.execPath, [astroCli, 'build', '--outDir', outDir], {
    cwd: webDir,
    // The build finds the lake serving LAKE_DATA_DIR (this one) and reads published content.
    env: {...process.env, ...quietEnv, SITE_URL: process.env.SITE_URL ?? `http://localhost:${SITE_PORT}`},
  })
  if (!result.ok) {
    await rm(outDir, {recursive: true, force: true})
    throw new Error(`The site did not build:\n${result.output.trim()}`)
  }
  const next = `${siteRoot}.next`
  await rm(next, {force: true})
  await symlink(outDir, next)
  await rename(next, siteRoot)
  // Keep the build just replaced a while longer: a response may still be streaming from it.
  if (previousBuild) await rm(previousBuild, {recursive: true, force: true})
  previousBuild = currentBuild
  currentBuild = outDir
}

// One build at a time: a publish during the first build waits for it.
let buildChain = Promise.resolve()
const serially = (task: () => Promise<void>) => {
  const run = buildChain.then(task)
  buildChain = run.catch(() => undefined)
  return run
}

const scheduler = createRebuildScheduler({
  delayMs: REBUILD_DELAY_MS,
  rebuild: () =>
    serially(async () => {
      if (stopping) return
      const started = performance.now()
      console.log('site: content was published; rebuilding')
      await buildSite()
      console.log(`site: rebuilt in ${seconds(started)}`)
    }),
  onError: (error) => {
    if (stopping) return
    console.error(`${error instanceof Error ? error.message : String(error)}\nsite: still serving the last good build.`)
  },
})

// Published documents only: saving a draft changes nothing a visitor sees.
const client = createClient(clientConfigFor({apiHost: lake.httpUrl, projectId: lake.projectId, token: lake.token}))
const subscription = client
  .listen('*[!(_id in path("drafts.**"))]', {}, {includeResult: false, visibility: 'query'})
  .subscribe({
    next: () => scheduler.schedule(),
    error: (error: unknown) => console.error('site: stopped listening for publishes:', error),
  })

// Set once they serve, so a stop at any point closes what is up.
const served: {site?: {url: string; close: () => void}; studio?: StudioServer; preview?: DraftPreview} = {}

async function stop(code = 0): Promise<never> {
  if (!stopping) {
    stopping = true
    subscription.unsubscribe()
    for (const child of running) child.kill('SIGTERM')
    startup.abort()
    await scheduler.close()
    await buildChain
    // Before the backend it reads from.
    await served.preview?.close()
    served.site?.close()
    served.studio?.close()
    await lake.close()
    await rm(workDir, {recursive: true, force: true})
    process.exit(code)
  }
  // A second signal while stopping: wait for the first to finish.
  return new Promise<never>(() => undefined)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

console.log('Building the site and the Studio, and starting the draft preview (about a minute the first time)…')
const httpsPort = lakeHttpsPort(lake)
const started = performance.now()
const [siteBuilt, studioBuilt, preview] = await Promise.all([
  serially(buildSite).then(
    () => true,
    (error: unknown) => {
      if (!stopping) console.error(error instanceof Error ? error.message : String(error))
      return false
    },
  ),
  httpsPort === null
    ? Promise.resolve(false as const)
    : (async () => {
        const outDir = path.join(workDir, 'studio')
        const lines: string[] = []
        const ok = await buildStudio({
          outDir,
          httpsPort,
          previewUrl: `http://localhost:${PREVIEW_PORT}`,
          log: (line) => lines.push(line),
          signal: startup.signal,
        })
        if (!ok && !stopping) console.error(`sanity build failed:\n${lines.join('\n')}`)
        return ok ? outDir : false
      })(),
  startDraftPreview({
    port: PREVIEW_PORT,
    env: {...process.env, LAKE_DATA_DIR: lake.dataDir},
    signal: startup.signal,
  }).then(
    (preview) => (served.preview = preview),
    (error: unknown) => {
      if (!stopping) console.error(error instanceof Error ? error.message : String(error))
      return undefined
    },
  ),
])
if (stopping) await new Promise(() => undefined)
if (!siteBuilt) {
  console.error('The site did not build; the messages above say why.')
  await stop(1)
}
console.log(`Built in ${seconds(started)}.`)

const site = await serveSite(siteRoot, SITE_PORT)
served.site = site
const studio = studioBuilt ? await serveStudioFiles(studioBuilt, STUDIO_PORT) : undefined
served.studio = studio

const browserLake = lake.httpsUrl?.replace('127.0.0.1', `${lake.projectId}.localhost`)
console.log(
  [
    '',
    'ITSS is running:',
    `  site:             ${site.url}`,
    `  Studio:           ${studio?.url ?? (httpsPort === null ? 'not built: the running content backend serves no HTTPS' : 'not built (see above)')}`,
    `  draft preview:    ${preview ? `${preview.url}/ (unpublished changes; the Studio's Preview action opens it)` : 'not running (see above)'}`,
    `  content backend:  ${lake.httpUrl}${browserLake ? ` (browsers: ${browserLake})` : ''}`,
    '',
    studio
      ? `Log in to the Studio once per browser by opening:\n  ${studioLoginUrl(studio.url, lake)}`
      : `Editor token: ${lake.token}`,
    `Publishing in the Studio rebuilds the site ${REBUILD_DELAY_MS / 1000} s after the last change. Ctrl-C stops everything.`,
    '',
  ].join('\n'),
)
