import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'
import {createRebuildScheduler, DEFAULT_DEBOUNCE_MS} from './debounce.ts'

/** A rebuild that stays running until the test lets it finish. */
function controlledRebuild() {
  const finishers: Array<() => void> = []
  const rebuild = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)))
  return {rebuild, finishNext: () => finishers.shift()?.()}
}

describe('the rebuild debouncer', () => {
  beforeEach(() => {
    vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']})
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('waits thirty seconds of quiet by default', async () => {
    const rebuild = vi.fn(async () => {})
    const scheduler = createRebuildScheduler({rebuild})
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS - 1)
    expect(rebuild).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(rebuild).toHaveBeenCalledTimes(1)
  })

  test('ten requests inside the window start one rebuild, after the last', async () => {
    const rebuild = vi.fn(async () => {})
    const scheduler = createRebuildScheduler({rebuild, delayMs: 1000})
    for (let i = 0; i < 10; i++) {
      scheduler.schedule()
      await vi.advanceTimersByTimeAsync(900)
    }
    expect(rebuild).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(100)
    expect(rebuild).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(rebuild).toHaveBeenCalledTimes(1)
    expect(scheduler.started).toBe(1)
  })

  test('changes during a running rebuild queue exactly one more, not one each', async () => {
    const {rebuild, finishNext} = controlledRebuild()
    const scheduler = createRebuildScheduler({rebuild, delayMs: 1000})
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(1000)
    expect(rebuild).toHaveBeenCalledTimes(1)

    // Two separate bursts while the first build is still running.
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(1000)
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(1000)
    expect(rebuild).toHaveBeenCalledTimes(1)

    finishNext()
    await vi.advanceTimersByTimeAsync(0)
    expect(rebuild).toHaveBeenCalledTimes(2)
    finishNext()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(rebuild).toHaveBeenCalledTimes(2)
  })

  test('a failed rebuild is reported and the next change rebuilds again', async () => {
    const errors: unknown[] = []
    const rebuild = vi.fn().mockRejectedValueOnce(new Error('hook down')).mockResolvedValue(undefined)
    const scheduler = createRebuildScheduler({rebuild, delayMs: 10, onError: (error) => errors.push(error)})
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(10)
    expect(errors).toEqual([new Error('hook down')])
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(10)
    expect(rebuild).toHaveBeenCalledTimes(2)
    expect(errors).toHaveLength(1)
  })

  test('closing drops a waiting rebuild', async () => {
    const rebuild = vi.fn(async () => {})
    const scheduler = createRebuildScheduler({rebuild, delayMs: 10})
    scheduler.schedule()
    await scheduler.close()
    scheduler.schedule()
    await vi.advanceTimersByTimeAsync(1000)
    expect(rebuild).not.toHaveBeenCalled()
  })
})
