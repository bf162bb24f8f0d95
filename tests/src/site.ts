// Builds of the real site for integration tests: the Astro CLI, the real backend, temp folders.
import {spawn} from 'node:child_process'
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {projectEnv, startLake, type Lake, type LakeOptions} from '@itss/lake'
import {astroCommand, webDir} from '@itss/dev'
import {demoDatasetDir} from '@itss/lake/local'
import {clientFor} from '@itss/lake/testing'
import {parse} from 'node-html-parser'
import lockfile from 'proper-lockfile'

export const tempDir = (prefix: string) => mkdtemp(path.join(os.tmpdir(), `itss-${prefix}-`))
export const removeDir = (dir: string) => rm(dir, {recursive: true, force: true})

export interface Build {
  code: number
  output: string
  outDir: string
}

/**
 * Runs `astro build` into outDir with the given environment on top of a clean one: no
 * SANITY_* variables unless the test sets them, as on a fresh clone.
 *
 * Builds take turns, across test processes too: Astro prerenders a build whose outDir lies
 * outside web/ in web/.astro/.prerender, which two builds at once would share.
 */
export async function buildSite(outDir: string, env: Record<string, string>): Promise<Build> {
  const release = await lockfile.lock(webDir, {
    lockfilePath: path.join(os.tmpdir(), 'itss-astro-build.lock'),
    retries: {retries: 1000, minTimeout: 100, maxTimeout: 1000},
  })
  try {
    return await runBuild(outDir, env)
  } finally {
    await release()
  }
}

function runBuild(outDir: string, env: Record<string, string>): Promise<Build> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SANITY_')))
  return new Promise((resolve) => {
    const astro = astroCommand(['build', '--outDir', outDir])
    const child = spawn(astro.command, astro.args, {cwd: astro.cwd, env: {...base, ...astro.env, ...env}})
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('close', (code) => resolve({code: code ?? 1, output, outDir}))
  })
}

/**
 * The demo site as a fresh clone builds it (the embedded backend, over its own copy of the
 * demo dataset), into a temp folder that `remove` deletes; throws with the log if it fails.
 */
export async function buildDemoSite(prefix: string): Promise<Build & {remove: () => Promise<void>}> {
  const lakeDir = await tempDir(`${prefix}-lake`)
  const build = await buildSite(await tempDir(prefix), {LAKE_DATA_DIR: lakeDir})
  const remove = async () => {
    await removeDir(lakeDir)
    await removeDir(build.outDir)
  }
  if (build.code !== 0) {
    await remove()
    throw new Error(`The demo site did not build:\n${build.output}`)
  }
  return Object.assign(build, {remove})
}

/** A backend on free ports over a fresh copy of the demo dataset. */
export async function startDemoLake(options: Partial<LakeOptions> = {}): Promise<Lake & {dir: string}> {
  const dir = await tempDir('lake')
  const lake = await startLake({
    dataDir: dir,
    seedDir: demoDatasetDir,
    httpPort: 0,
    httpsPort: false,
    log: () => {},
    ...options,
  })
  return Object.assign(lake, {dir})
}

/** The demo dataset's documents, as `dataset/data.ndjson` holds them. */
export async function demoDocuments<T extends {_id: string; _type: string}>(): Promise<T[]> {
  const text = await readFile(path.join(demoDatasetDir, 'data.ndjson'), 'utf8')
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T)
}

/**
 * The demo content plus `docs`, built from a backend of its own (with `env` on top of the
 * project's), into a temp folder that `remove` deletes. The build's exit code is the caller's
 * to judge: hostile fixtures are meant to fail.
 */
export async function buildDemoSiteWith(
  prefix: string,
  docs: readonly {_id: string; _type: string}[],
  env: Record<string, string> = {},
): Promise<Build & {remove: () => Promise<void>}> {
  const lake = await startDemoLake()
  try {
    const transaction = clientFor(lake).transaction()
    for (const doc of docs) transaction.createOrReplace(doc)
    await transaction.commit()
    const build = await buildSite(await tempDir(prefix), {...projectEnv(lake), ...env})
    return Object.assign(build, {remove: () => removeDir(build.outDir)})
  } finally {
    await lake.close()
    await removeDir(lake.dir)
  }
}

/** The environment a real Sanity project is configured with, pointed at a backend. */
export {projectEnv}

/**
 * The built file for a site path (`build.format: 'directory'`): `/about-us/` (or `/about-us`)
 * is `about-us/index.html`, and the 404 page, which Astro writes as a file, is `404.html`.
 */
export function htmlFile(outDir: string, sitePath: string): string {
  const folder = sitePath.replace(/^\/+|\/+$/g, '')
  if (folder === '404') return path.join(outDir, '404.html')
  return path.join(outDir, folder, 'index.html')
}

/** What a visitor reads on a built page: its text, entities decoded, whitespace collapsed. */
export async function pageText(outDir: string, sitePath: string): Promise<string> {
  const root = parse(await readFile(htmlFile(outDir, sitePath), 'utf8'))
  return (root.querySelector('body')?.text ?? '').replace(/\s+/g, ' ').trim()
}

/** The site's pages in a build (not Pagefind's files), relative to it, sorted. */
export async function builtPages(outDir: string): Promise<string[]> {
  return (await builtFiles(outDir)).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
}

/** Every file in a build, relative to it, sorted. */
export async function builtFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
    .sort()
}
