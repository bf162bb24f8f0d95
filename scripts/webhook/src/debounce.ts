// Turns a burst of content changes into one rebuild. Editors publish in bursts (a page, its
// images, the menu that links to it), and every publish is its own webhook; rebuilding the
// site once, after the burst has gone quiet, is what we want.

export const DEFAULT_DEBOUNCE_MS = 30_000

export interface RebuildScheduler {
  /** Asks for a rebuild; it starts once no request has come for the debounce window. */
  schedule(): void
  /** Drops a waiting rebuild and lets a running one finish. */
  close(): Promise<void>
  /** How many rebuilds have started. */
  readonly started: number
}

export interface SchedulerOptions {
  rebuild: () => Promise<void>
  delayMs?: number
  /** Told when a rebuild fails; the scheduler carries on, so the next change can try again. */
  onError?: (error: unknown) => void
}

export function createRebuildScheduler({
  rebuild,
  delayMs = DEFAULT_DEBOUNCE_MS,
  onError = (error) => console.error('webhook: rebuild failed:', error),
}: SchedulerOptions): RebuildScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  // A change that lands while a build runs may not be in it, so one more build follows;
  // any number of such changes share that one.
  let queued = false
  let started = 0
  let closed = false

  const runLoop = async () => {
    do {
      queued = false
      started++
      try {
        await rebuild()
      } catch (error) {
        onError(error)
      }
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `fire` sets `queued` during the await; TypeScript's narrowing cannot see that
    } while (queued && !closed)
    running = undefined
  }

  const fire = () => {
    timer = undefined
    if (running) queued = true
    else running = runLoop()
  }

  return {
    schedule() {
      if (closed) return
      clearTimeout(timer)
      timer = setTimeout(fire, delayMs)
    },
    async close() {
      closed = true
      clearTimeout(timer)
      timer = undefined
      await running
    },
    get started() {
      return started
    },
  }
}
