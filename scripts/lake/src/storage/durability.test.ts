// The dataset's durability on its own, below HTTP: what persistence.test.ts and load.test.ts
// check through a running lake, here with the failures that are hard to cause from outside.
import {mkdir, readFile, rm} from 'node:fs/promises'
import path from 'node:path'

import {afterEach, describe, expect, it} from 'vitest'

import {removeDir, tempDir} from '../testing.ts'
import {Dataset} from './dataset.ts'
import type {Transaction} from './transactions.ts'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function freshDir(): Promise<string> {
  const dir = await tempDir('lake-durability-')
  cleanups.push(() => removeDir(dir))
  return dir
}

/** Creates one document, as one acknowledged transaction. */
function create(dataset: Dataset, id: string): Promise<void> {
  const tx: Transaction = {
    id: `tx-${id}`,
    timestamp: new Date().toISOString(),
    author: 'test',
    mutations: [{create: {_id: id, _type: 'note'}}],
    changes: [{id, before: null, after: {_id: id, _type: 'note', _rev: `tx-${id}`}, mutations: []}],
  }
  return dataset.enqueue(() => dataset.commit(tx))
}

const ids = (dataset: Dataset) => [...dataset.documents()].map((doc) => doc._id).sort()

describe('a dataset on disk', () => {
  it('snapshots every `snapshotEvery` transactions, and recovers from the snapshot plus the log', async () => {
    const dir = await freshDir()
    const dataset = await Dataset.open('test', dir, {log: () => undefined, snapshotEvery: 2})
    for (const id of ['a', 'b', 'c']) await create(dataset, id)
    await expect
      .poll(async () => (await readFile(path.join(dir, 'snapshot.ndjson'), 'utf8').catch(() => '')).split('\n'))
      .toHaveLength(4) // the header, a and b, and the final newline
    // Dropped without close(): what a crash leaves. The log holds c past the snapshot.
    const reopened = await Dataset.open('test', dir, {log: () => undefined})
    cleanups.push(() => reopened.close())
    expect(ids(reopened)).toEqual(['a', 'b', 'c'])
    expect(reopened.history().map((entry) => entry.id)).toEqual(['tx-a', 'tx-b', 'tx-c'])
  })

  it('reports a failed snapshot instead of dropping it, and loses no acknowledged write', async () => {
    const dir = await freshDir()
    const lines: string[] = []
    const dataset = await Dataset.open('test', dir, {log: (line) => lines.push(line), snapshotEvery: 2})
    // The snapshot's temp file cannot be created while a directory stands in its place.
    await mkdir(path.join(dir, 'snapshot.ndjson.tmp'))
    for (const id of ['a', 'b', 'c']) await create(dataset, id)
    await expect.poll(() => lines.join('\n')).toMatch(/snapshot of dataset test failed/)
    // The last snapshot, on close, fails too, and says so to the caller.
    await expect(dataset.close()).rejects.toThrow()
    await expect(create(dataset, 'd')).rejects.toThrow(/closed/)

    await rm(path.join(dir, 'snapshot.ndjson.tmp'), {recursive: true})
    const reopened = await Dataset.open('test', dir, {log: () => undefined})
    cleanups.push(() => reopened.close())
    expect(ids(reopened)).toEqual(['a', 'b', 'c'])
  })
})
