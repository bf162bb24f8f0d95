// Turns content changes into as few rebuilds as keep the site current, without making a lone
// publish wait. When nothing is building, a change rebuilds at once (after a moment for the
// changes published with it, such as a release's documents). Changes that arrive while a
// rebuild runs share one more rebuild after it: the running build is the window that gathers
// a burst, so a slow build gathers more. `minIntervalMs` spaces rebuilds further apart where
// a rebuild only asks someone else to build (a deploy hook) and so finishes at once.

/** How long a change waits for those published with it, when no rebuild is running. */
export const DEFAULT_SETTLE_MS = 200
/** The webhook's least time between the starts of two rebuilds (`REBUILD_DEBOUNCE_MS`). */
export const DEFAULT_DEBOUNCE_MS = 30_000

export interface RebuildScheduler {
  /** Says content changed: a rebuild that starts after this call follows, soon. */
  schedule(): void
  /** Drops a waiting rebuild and lets a running one finish. */
  close(): Promise<void>
  /** How many rebuilds have started. */
  readonly started: number
}

export interface SchedulerOptions {
  rebuild: () => Promise<void>
  /** How long an idle scheduler waits for more changes before starting (default 200 ms). */
  settleMs?: number
  /** The least time from the start of one rebuild to the start of the next (default none). */
  minIntervalMs?: number
  /** Told when a rebuild fails; the scheduler carries on, so the next change can try again. */
  onError?: (error: unknown) => void
}

export function createRebuildScheduler({
  rebuild,
  settleMs = DEFAULT_SETTLE_MS,
  minIntervalMs = 0,
  onError = (error) => console.error('webhook: rebuild failed:', error),
}: SchedulerOptions): RebuildScheduler {
  // A change no rebuild has started since: the next rebuild is owed to it.
  let dirty = false
  let running: Promise<void> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let wake: (() => void) | undefined
  let lastStart = -Infinity
  let started = 0
  let closed = false

  /** Waits `ms`, or less if the scheduler closes meanwhile. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve
      timer = setTimeout(resolve, ms)
    }).finally(() => {
      wake = undefined
      timer = undefined
    })

  const untilAllowed = () => Math.max(0, lastStart + minIntervalMs - Date.now())

  const run = async () => {
    await pause(Math.max(settleMs, untilAllowed()))
    // Each pass builds everything changed before it started; what changes during it makes one more.
    while (dirty && !closed) {
      dirty = false
      lastStart = Date.now()
      started++
      try {
        await rebuild()
      } catch (error) {
        onError(error)
      }
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `schedule` sets `dirty` during the await; TypeScript's narrowing cannot see that
      if (dirty && !closed) await pause(untilAllowed())
    }
    running = undefined
  }

  return {
    schedule() {
      if (closed) return
      dirty = true
      running ??= run()
    },
    async close() {
      closed = true
      clearTimeout(timer)
      wake?.()
      await running
    },
    get started() {
      return started
    },
  }
}
