// The site's incremental build at scale: a build that fills the cache, then rebuilds after an
// edit of one document, after an edit of a document every page shows (the navigation), and
// with no change, each with the files it rendered and the files it copied from the cache.
import {rename} from 'node:fs/promises'
import path from 'node:path'
import {createClient} from '@sanity/client'
import {builtFiles, webDir} from '@itss/dev'
import {projectEnv, type Lake} from '@itss/lake'
import {clientConfigFor} from '@itss/schemas/api'
import {removeDir, runAstroBuild} from './build.ts'
import type {Doc} from './dataset.ts'

export interface IncrementalRun {
  /** What changed since the build before. */
  what: string
  wallMs: number
  /** Start-up, bundling and the content query; the routes; images, the search index and _headers. */
  phasesMs: [before: number, render: number, after: number]
  rendered: number
  reused: number
}

/**
 * Builds the site four times through `lake` with one cache, into one outDir (Astro counts a
 * new outDir as a change of code on every page), each output moved aside and removed between
 * builds, never during one.
 */
export async function measureIncremental(
  lake: Lake,
  documents: readonly Doc[],
  dir: string,
  cwd: string,
  log: (line: string) => void,
): Promise<IncrementalRun[]> {
  const client = createClient(clientConfigFor({apiHost: lake.httpUrl, projectId: lake.projectId, token: lake.token}))
  const env = {...projectEnv(lake), SITE_BUILD_CACHE: path.join(dir, 'build-cache')}
  const outDir = path.join(dir, 'out-incremental')
  const edited = publicationToEdit(documents)
  const navigation = documents.find((doc) => doc._id === 'navigation')
  if (!edited || !navigation)
    throw new Error('The dataset has no publication with a summary, or no navigation, to edit')

  const steps: Array<{what: string; edit: () => Promise<unknown>}> = [
    {what: 'cold, filling the cache', edit: () => Promise.resolve()},
    {
      what: 'after one document edit',
      edit: () =>
        client
          .patch(edited._id)
          .set({summary: `${String(edited.summary)} (edited)`})
          .commit(),
    },
    {
      what: 'after a navigation edit',
      edit: () => client.createOrReplace(relabelled(navigation)),
    },
    {what: 'with no change', edit: () => Promise.resolve()},
  ]
  const runs: IncrementalRun[] = []
  for (const step of steps) {
    await step.edit()
    log(`incremental: building ${step.what}…`)
    let reused = 0
    const build = await runAstroBuild({
      root: webDir,
      outDir,
      cwd,
      env,
      onLine: (line) => (reused += builtFiles(line).reused.length),
    })
    if (build.code !== 0) throw new Error(`The incremental build ${step.what} failed:\n${build.tail.join('\n')}`)
    const first = build.firstRouteMs ?? build.wallMs
    const last = build.lastRouteMs ?? build.wallMs
    const run: IncrementalRun = {
      what: step.what,
      wallMs: build.wallMs,
      phasesMs: [first, last - first, build.wallMs - last],
      rendered: build.rendered - reused,
      reused,
    }
    runs.push(run)
    log(`incremental ${step.what}: ${String(run.rendered)} rendered, ${String(reused)} reused`)
    const done = `${outDir}-done`
    await rename(outDir, done)
    await removeDir(done)
  }
  return runs
}

/** The publication the benchmark's one-document edits change the summary of: the first that has one. */
export const publicationToEdit = (documents: readonly Doc[]): Doc | undefined =>
  documents.find((doc) => doc._type === 'publication' && typeof doc.summary === 'string')

/** The navigation with its first item's label changed: a document every page shows. */
function relabelled(navigation: Doc): Doc {
  const main = navigation.main as Array<{link: Record<string, unknown>}>
  return {
    ...navigation,
    main: main.map((item, i) => (i === 0 ? {...item, link: {...item.link, label: 'About the Institute'}} : item)),
  }
}
