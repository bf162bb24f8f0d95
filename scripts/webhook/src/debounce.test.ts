import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'
import {createRebuildScheduler, DEFAULT_SETTLE_MS} from './debounce.ts'

/**
 * A rebuild that stays running until the test lets it finish, and records which changes
 * (numbered by the test) had been made when it started: what that build can show.
 */
function controlledRebuild(changes: {made: number}) {
  const finishers: Array<() => void> = []
  const builtUpTo: number[] = []
  let most = 0
  const rebuild = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        builtUpTo.push(changes.made)
        finishers.push(resolve)
        most = Math.max(most, finishers.length)
      }),
  )
  return {rebuild, builtUpTo, finishNext: () => finishers.shift()?.(), maxRunning: () => most}
}

describe('the rebuild scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']})
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('a lone publish rebuilds at once, not after the old three or thirty seconds of quiet', async () => {
    const rebuild = vi.fn(async () => {})
    const scheduler = createRebuildScheduler({rebuild})
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTLE_MS)
    expect(rebuild).toHaveBeenCalledTimes(1)
    expect(DEFAULT_SETTLE_MS).toBeLessThanOrEqual(250)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(rebuild).toHaveBeenCalledTimes(1)
  })

  test('documents published together (a release) make one rebuild', async () => {
    const rebuild = vi.fn(async () => {})
    const scheduler = createRebuildScheduler({rebuild})
    for (let i = 0; i < 25; i++) {
      scheduler.schedule()
      await vi.advanceTimersByTimeAsync(5)
    }
    await vi.advanceTimersByTimeAsync(60_000)
    expect(scheduler.started).toBe(1)
  })

  test.each([2, 10, 100])(
    'a burst of %i publishes during a rebuild makes exactly one more, which includes them all',
    async (n) => {
      const changes = {made: 0}
      const {rebuild, builtUpTo, finishNext} = controlledRebuild(changes)
      const scheduler = createRebuildScheduler({rebuild})
      changes.made++
      scheduler.schedule()
      await vi.advanceTimersByTimeAsync(DEFAULT_SETTLE_MS)
      expect(rebuild).toHaveBeenCalledTimes(1)

      for (let i = 0; i < n; i++) {
        changes.made++
        scheduler.schedule()
        await vi.advanceTimersByTimeAsync(1000)
      }
      expect(rebuild).toHaveBeenCalledTimes(1)

      finishNext()
      await vi.advanceTimersByTimeAsync(0)
      expect(rebuild).toHaveBeenCalledTimes(2)
      finishNext()
      await vi.advanceTimersByTimeAsync(60_000)
      expect(rebuild).toHaveBeenCalledTimes(2)
      expect(builtUpTo).toEqual([1, n + 1])
    },
  )

  test('nothing published is left unbuilt: the last build starts after the last change, whenever changes come', async () => {
    const changes = {made: 0}
    const {rebuild, builtUpTo, finishNext, maxRunning} = controlledRebuild(changes)
    const scheduler = createRebuildScheduler({rebuild})
    // Changes at irregular moments, builds finishing at others (the same sequence every run).
    let seed = 7
    const next = () => (seed = (seed * 48271) % 2147483647) % 1500
    for (let step = 0; step < 200; step++) {
      if (step % 3 === 0) finishNext()
      else {
        changes.made++
        scheduler.schedule()
      }
      await vi.advanceTimersByTimeAsync(next())
    }
    for (let i = 0; i < 10; i++) {
      finishNext()
      await vi.advanceTimersByTimeAsync(1000)
    }
    expect(builtUpTo.at(-1)).toBe(changes.made)
    // One build at a time: each started after the one before had finished.
    expect(maxRunning()).toBe(1)
  })

  test('with a least interval, a rebuild after a quiet spell goes at once, and the ones after it keep their distance', async () => {
    const rebuild = vi.fn(async () => {})
    const scheduler = createRebuildScheduler({rebuild, minIntervalMs: 30_000})
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTLE_MS)
    expect(rebuild).toHaveBeenCalledTimes(1)
    // Nine more deliveries over the next ten seconds: one more rebuild, thirty seconds after the first.
    for (let i = 0; i < 9; i++) {
      scheduler.schedule()
      await vi.advanceTimersByTimeAsync(1000)
    }
    expect(rebuild).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(30_000 - 9000 - DEFAULT_SETTLE_MS - 1)
    expect(rebuild).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTLE_MS + 1)
    expect(rebuild).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(rebuild).toHaveBeenCalledTimes(2)
  })

  test('a failed rebuild is reported and the next change rebuilds again', async () => {
    const errors: unknown[] = []
    const rebuild = vi.fn().mockRejectedValueOnce(new Error('hook down')).mockResolvedValue(undefined)
    const scheduler = createRebuildScheduler({rebuild, onError: (error) => errors.push(error)})
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTLE_MS)
    expect(errors).toEqual([new Error('hook down')])
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTLE_MS)
    expect(rebuild).toHaveBeenCalledTimes(2)
    expect(errors).toHaveLength(1)
  })

  test('closing drops a waiting rebuild, even one held back by the least interval', async () => {
    const rebuild = vi.fn(async () => {})
    const scheduler = createRebuildScheduler({rebuild, minIntervalMs: 30_000})
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTLE_MS)
    scheduler.schedule()
    await scheduler.close()
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(rebuild).toHaveBeenCalledTimes(1)
  })
})
