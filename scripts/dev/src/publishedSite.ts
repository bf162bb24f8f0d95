// The published site as `pnpm start` serves it: built from what a lake has published, and
// built again after every publish, incrementally, each build switched in whole. The search
// index of a rebuild is written once its pages are live, so a publish waits for the pages
// only, and the next rebuild starts over a copy of the live pages (seededBuild.ts). Used by
// `pnpm start` and by the benchmark's publish-to-live measure.
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdir, open, readdir, readFile, rename, rm, symlink} from 'node:fs/promises'
import path from 'node:path'

import {createClient} from '@sanity/client'
import {clientConfigFor} from '@itss/schemas/api'
import {createRebuildScheduler} from '@itss/webhook'
import {astroCommand, builtFiles} from './astro.ts'
import {webDir} from './repo.ts'
import {namesEveryPage, pruneOutput, SEEDED_OUTPUT_ENV, seedOutput} from './seededBuild.ts'

export interface PublishedSiteOptions {
  /** The lake the site is built from; its publishes start rebuilds. */
  lake: {httpUrl: string; projectId: string; token: string}
  /** A folder of the site's own: builds, their cache, and `site`, the one to serve. */
  workDir: string
  /** Added to the build's environment: how it finds the lake, SITE_URL. */
  env: NodeJS.ProcessEnv
  log: (line: string) => void
  /** For a failed rebuild (the last good build stays served) and a lost listener. */
  warn: (line: string) => void
}

export interface PublishedSite {
  /** The folder to serve: always the newest build that succeeded. */
  root: string
  /** Settles when the first build has; rejects, with the build's output, if it failed. */
  firstBuild: Promise<void>
  /** Settles when the builds started so far, their search indexes and the next build's copy of the pages are done. */
  settled(): Promise<void>
  /** Stops listening, stops a running build or search index and drops a waiting one; the last good build stays. */
  close(): Promise<void>
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function publishSite({lake, workDir, env, log, warn}: PublishedSiteOptions): PublishedSite {
  const root = path.join(workDir, 'site')
  const running = new Set<ChildProcess>()
  let closed = false

  /**
   * Runs a build quietly; its output is handed back, for the files it rendered and for errors.
   * The output goes to a file, not a pipe: Astro exits as soon as it is done, and the end of a
   * long log still on its way through a pipe is lost (at 10,000 documents, a quarter of the files
   * it names), where the publisher needs every file it names.
   */
  let runs = 0
  const run = async (command: string, args: string[], cwd: string, buildEnv: NodeJS.ProcessEnv) => {
    const logFile = path.join(workDir, `output-${String(++runs)}.log`)
    const output = await open(logFile, 'w')
    const child = spawn(command, args, {cwd, env: buildEnv, stdio: ['ignore', output.fd, output.fd]})
    running.add(child)
    const failure = await new Promise<string>((resolve) => {
      child.on('error', (error) => resolve(`${error.message}\n`))
      child.on('close', (code) => resolve(code === 0 ? '' : `exited with ${String(code ?? child.signalCode)}\n`))
    })
    running.delete(child)
    await output.close()
    const written = await readFile(logFile, 'utf8')
    await rm(logFile, {force: true})
    return {ok: failure === '', output: written + failure}
  }

  // Each build goes to one folder (Astro counts a new output folder as a change to every page
  // with an image), is renamed when done, and the served symlink is switched to it: a visitor
  // never sees a half-written build, and a failed one leaves the last good one up.
  let buildCount = 0
  // Builds run from the work folder: Astro stages a build in its working directory when the
  // output is outside it and renames it across, which fails between two disks (a tmpfs /tmp).
  // Staged inside, the prerender chunks import the site's packages by name, so the folder
  // links web's node_modules.
  let prepared: Promise<void> | undefined
  const prepare = async () => {
    await mkdir(workDir, {recursive: true})
    await symlink(path.join(webDir, 'node_modules'), path.join(workDir, 'node_modules'), 'dir').catch(
      (error: unknown) => {
        if ((error as {code?: unknown}).code !== 'EEXIST') throw error
      },
    )
  }
  let previousBuild: string | undefined
  let currentBuild: string | undefined

  /** Points `link` at `target` in one step: a request sees the old target or the new one. */
  const relink = async (target: string, link: string) => {
    const next = `${link}.next`
    await rm(next, {force: true})
    await symlink(target, next)
    await rename(next, link)
  }

  // Search indexes live beside the builds (`search-<n>`), and each build's `pagefind` links to
  // one. The first build writes its own; a rebuild goes live with the index being served and
  // leaves its search records for `indexSearch`, which runs after it, one at a time.
  const searchIndexFiles = path.join(webDir, 'src/lib/searchIndexFiles.ts')
  let servedIndex: string | undefined
  let indexing = Promise.resolve()
  const indexSearch = (recordsFile: string, n: number) => {
    indexing = indexing.then(async () => {
      if (closed) return
      const started = performance.now()
      const index = path.join(workDir, `search-${String(n)}`)
      const result = await run(process.execPath, [searchIndexFiles, recordsFile, index], workDir, process.env)
      await rm(recordsFile, {force: true})
      if (!result.ok) {
        // Closing stops the indexer (close() below): that is no failure to report.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- close() sets `closed` during the await; TypeScript's narrowing cannot see that
        if (!closed)
          warn(`site: the search index was not updated; searches find what they did before:\n${result.output.trim()}`)
        return
      }
      if (!currentBuild) return
      await relink(path.relative(currentBuild, index), path.join(currentBuild, 'pagefind'))
      const replaced = servedIndex
      servedIndex = index
      // The builds still on disk link to the new index or the one before; older ones can go.
      for (const name of await readdir(workDir)) {
        const folder = path.join(workDir, name)
        if (/^search-\d+$/.test(name) && folder !== index && folder !== replaced)
          await rm(folder, {recursive: true, force: true})
      }
      log(`site: search index updated in ${seconds(started)}`)
    })
  }

  // The live build's pages, copied into the next build's folder while nothing is building
  // (seededBuild.ts), with the files they are. Undefined when there is no copy to build over:
  // before the first build, and after a failed one, which may have changed the cache.
  let seed: Promise<readonly string[] | undefined> | undefined

  const build = async () => {
    const building = path.join(workDir, 'building')
    await (prepared ??= prepare())
    const lastFiles = await seed
    seed = undefined
    if (!lastFiles) await rm(building, {recursive: true, force: true})
    const n = ++buildCount
    const recordsFile = servedIndex ? path.join(workDir, `search-records-${String(n)}.json`) : undefined
    const astro = astroCommand(['build', '--root', webDir, '--outDir', building])
    const result = await run(astro.command, astro.args, workDir, {
      ...process.env,
      ...astro.env,
      ...env,
      SITE_BUILD_CACHE: path.join(workDir, 'build-cache'),
      ...(recordsFile ? {SITE_SEARCH_RECORDS: recordsFile} : {}),
      ...(lastFiles ? SEEDED_OUTPUT_ENV : {}),
    })
    if (!result.ok) {
      await rm(building, {recursive: true, force: true})
      throw new Error(`The site did not build:\n${result.output.trim()}`)
    }
    const built = builtFiles(result.output)
    if (lastFiles) {
      if (!namesEveryPage(result.output, built)) {
        await rm(building, {recursive: true, force: true})
        throw new Error(
          `The site's build did not name every page it built, so its output cannot be trusted:\n${result.output.trim()}`,
        )
      }
      await pruneOutput(building, lastFiles, built)
    }
    const outDir = path.join(workDir, `build-${String(n)}`)
    await rename(building, outDir)
    // The first build's own index moves out beside the builds, to be linked like any other.
    if (!servedIndex) {
      servedIndex = path.join(workDir, `search-${String(n)}`)
      await rename(path.join(outDir, 'pagefind'), servedIndex)
    }
    await symlink(path.relative(outDir, servedIndex), path.join(outDir, 'pagefind'))
    await relink(outDir, root)
    // Keep the build just replaced a while longer: a response may still be streaming from it.
    if (previousBuild) await rm(previousBuild, {recursive: true, force: true})
    previousBuild = currentBuild
    currentBuild = outDir
    if (recordsFile) indexSearch(recordsFile, n)
    const files = [...built.rendered, ...built.reused]
    seed = seedOutput(outDir, files, building).then(
      () => files,
      (error: unknown) => {
        warn(`site: the next build starts from its cache: ${messageOf(error)}`)
        return undefined
      },
    )
    return built
  }

  // One build at a time: a publish during the first build waits for it.
  let chain = Promise.resolve()
  const serially = (task: () => Promise<void>) => {
    const next = chain.then(task)
    chain = next.catch(() => undefined)
    return next
  }

  const scheduler = createRebuildScheduler({
    // The lake sends a transaction's changes together (a release's documents), so a moment gathers them.
    settleMs: 50,
    rebuild: () =>
      serially(async () => {
        if (closed) return
        const started = performance.now()
        log('site: content was published; rebuilding')
        const {rendered, reused} = await build()
        log(
          `site: rebuilt in ${seconds(started)} (${String(rendered.length)} files rendered, ${String(reused.length)} unchanged)`,
        )
      }),
    onError: (error) => {
      if (!closed) warn(`${messageOf(error)}\nsite: still serving the last good build.`)
    },
  })

  // Published documents only: saving a draft changes nothing a visitor sees.
  const client = createClient(clientConfigFor({apiHost: lake.httpUrl, projectId: lake.projectId, token: lake.token}))
  const subscription = client
    .listen('*[!(_id in path("drafts.**"))]', {}, {includeResult: false, visibility: 'query'})
    .subscribe({
      next: () => {
        scheduler.schedule()
      },
      error: (error: unknown) => {
        warn(`site: stopped listening for publishes: ${messageOf(error)}`)
      },
    })

  return {
    root,
    firstBuild: serially(async () => {
      await build()
    }),
    settled: async () => {
      await chain
      await indexing
      await seed
    },
    close: async () => {
      closed = true
      subscription.unsubscribe()
      for (const child of running) child.kill('SIGTERM')
      await scheduler.close()
      await chain
      await indexing
      await seed
    },
  }
}
