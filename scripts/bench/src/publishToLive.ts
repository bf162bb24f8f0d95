// Publish to live at scale: the site served as `pnpm start` serves it (publishSite: a build,
// then an incremental rebuild after each publish), and the time from the lake's acknowledgement
// of a one-document edit to the served page showing it.
import path from 'node:path'
import {createClient} from '@sanity/client'
import {publishSite, serveSite} from '@itss/dev'
import {projectEnv, type Lake} from '@itss/lake'
import {clientConfigFor} from '@itss/schemas/api'
import type {Doc} from './dataset.ts'
import {publicationToEdit} from './incremental.ts'

/** How many edits are timed; the report shows each and the median. */
const EDITS = 3
/** The longest an edit may take to show before the measure gives up. */
const GIVE_UP_MS = 300_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Publishes `EDITS` edits of one publication's summary, one after another, and times each to live. */
export async function measurePublishToLive(
  lake: Lake,
  documents: readonly Doc[],
  dir: string,
  log: (line: string) => void,
): Promise<number[]> {
  const edited = publicationToEdit(documents)
  const slug = (edited?.slug as {current?: unknown} | undefined)?.current
  if (!edited || typeof slug !== 'string') throw new Error('The dataset has no publication with a summary and slug')
  const client = createClient(clientConfigFor({apiHost: lake.httpUrl, projectId: lake.projectId, token: lake.token}))

  const site = publishSite({lake, workDir: path.join(dir, 'published'), env: projectEnv(lake), log, warn: log})
  try {
    log('publish to live: building the site to serve…')
    await site.firstBuild
    const server = await serveSite(site.root, 0)
    try {
      const page = new URL(`publications/${slug}/`, server.url)
      const times: number[] = []
      for (let i = 1; i <= EDITS; i++) {
        // Each edit is published to a site at rest, its last search index written.
        await site.settled()
        // The page escapes what it shows, so look for a part that needs no escaping.
        const mark = `edit ${String(i)} at ${String(Date.now())}`
        await client
          .patch(edited._id)
          .set({summary: `${String(edited.summary)} (${mark})`})
          .commit()
        const acknowledged = performance.now()
        for (;;) {
          const html = await fetch(page).then((response) => response.text())
          if (html.includes(mark)) break
          if (performance.now() - acknowledged > GIVE_UP_MS)
            throw new Error(`${page.href} never showed edit ${String(i)}`)
          await sleep(25)
        }
        const ms = performance.now() - acknowledged
        times.push(ms)
        log(`publish to live: edit ${String(i)} live in ${(ms / 1000).toFixed(1)} s`)
      }
      return times
    } finally {
      server.close()
    }
  } finally {
    await site.close()
  }
}
