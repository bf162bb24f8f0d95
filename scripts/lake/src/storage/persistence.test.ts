import {appendFile, readFile} from 'node:fs/promises'
import path from 'node:path'

import {afterEach, describe, expect, it} from 'vitest'

import {ensureLake, findRunningLake} from '../index.ts'
import type {Lake} from '../index.ts'
import {clientFor, removeDir, startChildLake, tempDir, testLake} from '../testing.ts'

/** Each undoes one thing a test made; what it returns is awaited. */
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function freshDir(): Promise<string> {
  const dir = await tempDir()
  cleanups.push(() => removeDir(dir))
  return dir
}

async function open(dir: string): Promise<Lake> {
  const lake = await testLake(dir)
  cleanups.push(() => lake.close())
  return lake
}

const logLines = async (dir: string) =>
  (await readFile(path.join(dir, 'datasets/production/transactions.ndjson'), 'utf8')).split('\n').filter(Boolean)

describe('persistence', () => {
  it('keeps acknowledged writes across a restart, with a history log of mendoza effects', async () => {
    const dir = await freshDir()
    const first = await testLake(dir)
    const {transactionId} = await clientFor(first)
      .create({_id: 'kept', _type: 'note', title: 'v1'})
      .then(async () => clientFor(first).patch('kept').set({title: 'v2'}).commit({returnDocuments: false}))
    await clientFor(first).create({_id: 'gone', _type: 'note'})
    await clientFor(first).delete('gone')
    await first.close()

    const second = await open(dir)
    expect(await clientFor(second).getDocument('kept')).toMatchObject({title: 'v2', _rev: transactionId})
    expect(await clientFor(second).getDocument('gone')).toBeUndefined()
    expect(second.token).toBe(first.token)

    const entries = (await logLines(dir)).map((line): unknown => JSON.parse(line))
    expect(entries).toHaveLength(4)
    expect(entries[1]).toMatchObject({
      id: transactionId,
      documentIds: ['kept'],
      mutations: [{patch: {id: 'kept', set: {title: 'v2'}}}],
      effects: {
        kept: {apply: [0, expect.objectContaining({title: 'v2'})], revert: [0, expect.objectContaining({title: 'v1'})]},
      },
    })
  })

  it('ignores a torn last log line and keeps appending after it', async () => {
    const dir = await freshDir()
    const first = await testLake(dir)
    await clientFor(first).create({_id: 'a', _type: 'note'})
    await first.close()
    // What a crash in the middle of an append leaves behind.
    await appendFile(path.join(dir, 'datasets/production/transactions.ndjson'), '{"id":"torn","effects":{"b":{"app')

    const second = await testLake(dir)
    await clientFor(second).create({_id: 'c', _type: 'note'})
    await second.close()
    const third = await open(dir)
    expect(await clientFor(third).fetch('*[_type == "note"] | order(_id asc)._id')).toEqual(['a', 'c'])
    expect(await logLines(dir)).toHaveLength(2)
  })

  it('keeps writes acknowledged by a lake that was SIGKILLed, and takes over its stale lake.json', async () => {
    const dir = await freshDir()
    const {child, running} = await startChildLake(dir)
    cleanups.push(() => child.kill('SIGKILL'))
    expect(running.pid).toBe(child.pid)

    const client = clientFor(running)
    await client.create({_id: 'durable', _type: 'note', n: 1})
    await client.patch('durable').inc({n: 1}).commit()
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))

    const lake = await open(dir)
    expect((await clientFor(lake).getDocument('durable'))?.n).toBe(2)
  })

  it('lets one lake own a data dir, and ensureLake reuses it without closing it', async () => {
    const dir = await freshDir()
    const lake = await open(dir)
    await expect(testLake(dir)).rejects.toThrow(/already served/)

    const reused = await ensureLake({dataDir: dir})
    expect(reused.httpUrl).toBe(lake.httpUrl)
    expect(reused.token).toBe(lake.token)
    await reused.close()
    expect(await clientFor(lake).fetch('count(*)')).toBe(0)

    await lake.close()
    expect(await findRunningLake(dir)).toBeNull()
  })
})
