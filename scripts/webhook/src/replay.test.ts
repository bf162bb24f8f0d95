import {describe, expect, test} from 'vitest'
import {MemoryReplayStore} from './replay.ts'

describe('the in-memory replay store', () => {
  test('claims a key once within its lifetime, and again after it', () => {
    const store = new MemoryReplayStore({ttlMs: 1000})
    expect(store.claim('a', 0)).toBe(true)
    expect(store.claim('a', 999)).toBe(false)
    expect(store.claim('a', 1000)).toBe(true)
  })

  test('stays within its size by forgetting the oldest keys', () => {
    const store = new MemoryReplayStore({ttlMs: 60_000, maxEntries: 3})
    for (const key of ['a', 'b', 'c', 'd']) expect(store.claim(key, 0)).toBe(true)
    expect(store.claim('d', 1)).toBe(false)
    expect(store.claim('a', 1)).toBe(true)
  })
})
