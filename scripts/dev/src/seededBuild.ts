// Building over the last build. An incremental build copies every page it does not render from
// its cache into the new output folder: 15,000 files, most of a one-edit rebuild's time at 10,000
// documents. A publisher has time between publishes, so it copies the live build's pages into the
// next output folder ahead (seedOutput), and Astro leaves in place each page it would have copied
// (SITE_OUTPUT_SEEDED keeps it from emptying the folder first). Afterwards, pruneOutput removes
// the pages the new build no longer has, so the result is the same as a build from scratch.
import {copyFile, mkdir, rm, rmdir} from 'node:fs/promises'
import path from 'node:path'

/** The environment that tells a build its output folder holds the last build's pages. */
export const SEEDED_OUTPUT_ENV = {SITE_OUTPUT_SEEDED: '1'} as const

/** Files Astro names in its log (`/about-us/index.html`) as they are on disk, under `dir`. */
const onDisk = (dir: string, file: string) => path.join(dir, ...decodeURI(file).split('/'))

/**
 * Copies `files` (the last build's pages, feeds and calendars, as builtFiles names them) from
 * `lastDir` into a new `outDir`. Its other files (scripts, styles, images, headers) are the
 * build's to write afresh, so none of them can outlive a change.
 */
export async function seedOutput(lastDir: string, files: readonly string[], outDir: string): Promise<void> {
  await rm(outDir, {recursive: true, force: true})
  const folders = new Map<string, Promise<unknown>>()
  // A few at a time: enough to keep the disk busy without crowding out a build that starts.
  for (let start = 0; start < files.length; start += 64) {
    await Promise.all(
      files.slice(start, start + 64).map(async (file) => {
        const target = onDisk(outDir, file)
        const folder = path.dirname(target)
        if (!folders.has(folder)) folders.set(folder, mkdir(folder, {recursive: true}))
        await folders.get(folder)
        await copyFile(onDisk(lastDir, file), target)
      }),
    )
  }
}

/**
 * Whether a build's log (`output`) names every page it built, as builtFiles read it: pruneOutput
 * removes what the log does not name, so a log cut short must not be pruned by.
 */
export function namesEveryPage(output: string, built: {rendered: readonly string[]; reused: readonly string[]}) {
  const pages = /(\d+) page\(s\) built/.exec(output)?.[1]
  const named = new Set([...built.rendered, ...built.reused].filter((file) => file.endsWith('.html'))).size
  return pages !== undefined && Number(pages) === named
}

/**
 * Removes from `outDir` each of the last build's files that the build over it neither rendered
 * nor kept (a page deleted or moved), and the folders that leaves empty. Returns what it removed.
 */
export async function pruneOutput(
  outDir: string,
  lastFiles: readonly string[],
  built: {rendered: readonly string[]; reused: readonly string[]},
): Promise<string[]> {
  const kept = new Set([...built.rendered, ...built.reused])
  const gone = lastFiles.filter((file) => !kept.has(file))
  for (const file of gone) {
    const target = onDisk(outDir, file)
    await rm(target, {force: true})
    // Up to the output folder, each parent the page alone kept.
    for (let folder = path.dirname(target); folder.startsWith(outDir + path.sep); folder = path.dirname(folder)) {
      const removed = await rmdir(folder).then(
        () => true,
        () => false,
      )
      if (!removed) break
    }
  }
  return gone
}
