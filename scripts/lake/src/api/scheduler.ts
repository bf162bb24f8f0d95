// Publishes scheduled releases at their time. One timer per dataset waits for the earliest
// `publishAt` and is set again whenever a release document changes. Releases that fell due
// while the lake was down are published as soon as it starts, and the log says so. Publishing
// happens in the write queue, which checks the release is still scheduled, so a release is
// never published twice.
import type {Dataset} from '../storage/dataset.ts'
import type {Doc} from '../storage/transactions.ts'
import {isSystemId} from './ids.ts'
import {failScheduledRelease, isDue, publishScheduledRelease, publishTime, RELEASE_TYPE} from './releases.ts'

export interface SchedulerOptions {
  /** Who the publishing transactions are attributed to. */
  author: string
  log: (line: string) => void
}

// setTimeout cannot wait longer than about 24.8 days; far-off releases are looked at again hourly.
const LONGEST_WAIT_MS = 60 * 60 * 1000

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err))

function scheduledReleases(dataset: Dataset): Doc[] {
  const releases: Doc[] = []
  for (const doc of dataset.documents()) {
    if (
      doc._type === RELEASE_TYPE &&
      isSystemId(doc._id) &&
      doc.state === 'scheduled' &&
      !Number.isNaN(publishTime(doc))
    )
      releases.push(doc)
  }
  return releases.sort((a, b) => publishTime(a) - publishTime(b))
}

/** Starts publishing `dataset`'s scheduled releases on time; the returned function stops it. */
export function startScheduler(dataset: Dataset, options: SchedulerOptions): () => void {
  const {author, log} = options
  const startedAt = Date.now()
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  let running = false
  const isStopped = () => stopped

  const plan = () => {
    clearTimeout(timer)
    const next = scheduledReleases(dataset)[0]
    if (stopped || running || !next) return
    const wait = Math.min(Math.max(publishTime(next) - Date.now(), 0), LONGEST_WAIT_MS)
    timer = setTimeout(() => void publishDue(), wait)
    // The servers keep the lake alive; a pending release alone should not.
    timer.unref()
  }

  const publishDue = async () => {
    running = true
    for (const release of scheduledReleases(dataset).filter((doc) => isDue(doc, Date.now()))) {
      if (isStopped()) break
      const releaseId = String(release.name)
      const due = String(release.publishAt)
      try {
        const published = await publishScheduledRelease(dataset, releaseId, author)
        if (!published) continue
        const late = publishTime(release) < startedAt ? ', on start: it fell due while the lake was down' : ''
        log(`lake: published release "${releaseId}" scheduled for ${due}${late} (transaction ${published.id})`)
      } catch (err) {
        // Closing the lake refuses the write; that is not a failure of the release.
        if (isStopped()) break
        log(`lake: could not publish release "${releaseId}" scheduled for ${due}: ${describe(err)}`)
        await failScheduledRelease(dataset, releaseId, describe(err), author).catch((failure: unknown) => {
          log(`lake: could not record the failed publish of release "${releaseId}": ${describe(failure)}`)
        })
      }
    }
    running = false
    plan()
  }

  const unsubscribe = dataset.subscribe((tx) => {
    if (tx.changes.some((change) => isSystemId(change.id))) plan()
  })
  plan()
  return () => {
    stopped = true
    clearTimeout(timer)
    unsubscribe()
  }
}
