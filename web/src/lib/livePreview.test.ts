import {describe, expect, it} from 'vitest'

import {latestOnly} from './livePreview.ts'

/** A task whose runs the test finishes one by one. */
function controlledTask() {
  const runs: {finish: () => void; fail: (error: Error) => void}[] = []
  const task = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({finish: resolve, fail: reject})
    })
  return {runs, task}
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('latestOnly', () => {
  it('runs at once when idle', async () => {
    const {runs, task} = controlledTask()
    const done = latestOnly(task)()
    expect(runs).toHaveLength(1)
    runs[0]?.finish()
    await done
  })

  it('never runs twice at once, and runs once more after a run for everything asked meanwhile', async () => {
    const {runs, task} = controlledTask()
    const request = latestOnly(task)
    const first = request()
    const second = request()
    const third = request()
    expect(second).toBe(third)
    await settle()
    expect(runs).toHaveLength(1)

    runs[0]?.finish()
    await first
    await settle()
    // The requests made during the first run share one more run, which saw the latest state.
    expect(runs).toHaveLength(2)
    let secondDone = false
    void second.then(() => (secondDone = true))
    await settle()
    expect(secondDone).toBe(false)
    runs[1]?.finish()
    await second
    await settle()
    expect(runs).toHaveLength(2)
  })

  it('goes on after a failed run and reports it', async () => {
    const {runs, task} = controlledTask()
    const errors: unknown[] = []
    const request = latestOnly(task, (error) => errors.push(error))
    const first = request()
    const second = request()
    runs[0]?.fail(new Error('offline'))
    await first
    expect(errors).toEqual([new Error('offline')])
    await settle()
    runs[1]?.finish()
    await second
    void request()
    expect(runs).toHaveLength(3)
  })
})
