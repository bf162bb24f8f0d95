// Running Astro builds for the benchmark: in a scratch folder (on a RAM disk when there is
// one), timed, with the peak memory of the build process.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, readdir, readFile, rm, symlink} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {stripVTControlCharacters} from 'node:util'
import {astroCommand, webDir} from '@itss/dev'

/**
 * A scratch folder for builds, datasets and lake data: under /dev/shm when it exists, so disk
 * speed (and other builds' disk traffic) counts for less. It holds a `node_modules` link to
 * web's packages: Astro writes its prerender chunks beside an output folder that is inside
 * the working directory, and those chunks import the site's packages by name. It also keeps
 * each build's chunks apart from other builds running at the same time.
 */
export async function makeWorkDir(label: string): Promise<string> {
  const parent = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir()
  const dir = await mkdtemp(path.join(parent, `itss-bench-${label}-`))
  await symlink(path.join(webDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  return dir
}

export const removeDir = (dir: string) => rm(dir, {recursive: true, force: true})

export interface BuildRun {
  code: number
  wallMs: number
  /** Peak resident memory in bytes, or null when it could not be measured. */
  peakRss: number | null
  /** The last lines the build printed, for error messages. */
  tail: string[]
  /** Routes Astro reported rendering, and when the first and last were done (ms after start). */
  rendered: number
  firstRouteMs: number | null
  lastRouteMs: number | null
}

export interface BuildOptions {
  /** The Astro project: web/ or a copy of the plain benchmark project. */
  root: string
  /** Inside `cwd`, which must come from makeWorkDir. */
  outDir: string
  cwd: string
  env?: Record<string, string>
  /** Told of progress every `progressMs` while the build runs. */
  progress?: (rendered: number, elapsedMs: number) => void
  progressMs?: number
  /** Told of every line the build prints. */
  onLine?: (line: string) => void
}

// GNU time reports the peak RSS of the build (the largest process in its tree, Pagefind's
// indexer included) as the kernel counted it; without it, /proc is polled.
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0

/** `astro build` with a clean environment: no SANITY_* variables unless `env` sets them. */
export async function runAstroBuild(options: BuildOptions): Promise<BuildRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SANITY_')))
  const astro = astroCommand(['build', '--root', options.root, '--outDir', options.outDir])
  const env = {...base, ...astro.env, ...options.env}
  const timeFile = path.join(options.cwd, `time-${path.basename(options.outDir)}.txt`)
  const [command, args] = gnuTime
    ? ['/usr/bin/time', ['-v', '-o', timeFile, astro.command, ...astro.args]]
    : [astro.command, astro.args]

  const started = performance.now()
  const child = spawn(command, args, {cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
  const tail: string[] = []
  let rendered = 0
  let firstRouteMs: number | null = null
  let lastRouteMs: number | null = null
  let partial = ''
  const onData = (chunk: string) => {
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    for (const coloured of lines) {
      const line = stripVTControlCharacters(coloured)
      // Astro logs `├─ /path` (or `└─`) for each page it renders; rendering several at a
      // time, it may name more than one on a line.
      const routes = line.match(/[├└]─ \//g)?.length ?? 0
      if (routes > 0) {
        rendered += routes
        lastRouteMs = performance.now() - started
        firstRouteMs ??= lastRouteMs
      }
      options.onLine?.(line)
      tail.push(line)
      if (tail.length > 60) tail.shift()
    }
  }
  // Decoded as text by the streams, so a character split across chunks stays whole.
  child.stdout.setEncoding('utf8').on('data', onData)
  child.stderr.setEncoding('utf8').on('data', onData)

  let polledPeak = 0
  const poll = gnuTime
    ? undefined
    : setInterval(() => {
        readFile(`/proc/${child.pid}/status`, 'utf8')
          .then((status) => {
            const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
            polledPeak = Math.max(polledPeak, kb * 1024)
          })
          .catch(() => undefined)
      }, 100)
  const ticker = options.progress
    ? setInterval(() => options.progress?.(rendered, performance.now() - started), options.progressMs ?? 15_000)
    : undefined

  const code = await new Promise<number>((resolve) => {
    child.on('close', (status) => resolve(status ?? 1))
    child.on('error', () => resolve(1))
  })
  const wallMs = performance.now() - started
  clearInterval(poll)
  clearInterval(ticker)
  if (partial) tail.push(partial)

  let peakRss: number | null = polledPeak || null
  if (gnuTime) {
    const report = await readFile(timeFile, 'utf8').catch(() => '')
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1]
    peakRss = kb ? Number(kb) * 1024 : null
  }
  return {code, wallMs, peakRss, tail, rendered, firstRouteMs, lastRouteMs}
}

/** How peak memory was measured, for the report. */
export const memorySource = gnuTime
  ? 'peak RSS from /usr/bin/time -v (largest process of the build)'
  : 'peak RSS from /proc VmHWM of the build process'

/** Every HTML file in a build, relative to it. */
export async function htmlFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
    .sort()
}
