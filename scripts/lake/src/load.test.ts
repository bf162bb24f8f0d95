// The lake under load and under faults: many concurrent writers through the real
// @sanity/client, a listener that must see every write exactly once, a lake SIGKILLed in the
// middle of the writes, and hostile request bodies. Loopback only; every loop is bounded.
import http from 'node:http'

import type {MutationEvent, SanityClient} from '@sanity/client'
import {afterEach, describe, expect, it} from 'vitest'

import type {Lake} from './index.ts'
import {clientFor, removeDir, startChildLake, tempDir, testLake} from './testing.ts'

const WRITERS = 8
const TRANSACTIONS_PER_WRITER = 500
const COUNTER_ID = 'loadDoc-counter'

/** Each undoes one thing a test made; what it returns is awaited. */
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function freshDir(): Promise<string> {
  const dir = await tempDir('lake-load-')
  cleanups.push(() => removeDir(dir))
  return dir
}

interface Acknowledged {
  transactionId: string
  docId: string
}

/**
 * WRITERS loops, each committing its transactions one after another: an `inc` on the shared
 * counter plus a `create` of a document of its own, in one transaction. Each answer is
 * recorded the moment it arrives; a writer stops at its first error (the lake went away).
 */
async function runWriters(client: SanityClient, acked: Acknowledged[], stop = {now: false}): Promise<unknown[]> {
  const errors: unknown[] = []
  await Promise.all(
    Array.from({length: WRITERS}, async (_, writer) => {
      for (let n = 0; n < TRANSACTIONS_PER_WRITER && !stop.now; n++) {
        const docId = `loadDoc-w${writer}-${n}`
        try {
          const {transactionId} = await client
            .transaction()
            .patch(COUNTER_ID, (patch) => patch.inc({count: 1}))
            .create({_id: docId, _type: 'loadDoc', writer, n})
            .commit({returnDocuments: false, visibility: 'async'})
          acked.push({transactionId, docId})
        } catch (error) {
          errors.push(error)
          return
        }
      }
    }),
  )
  return errors
}

describe('load', () => {
  it('commits 8 × 500 concurrent transactions, keeps every one, and the listener sees each exactly once', async () => {
    const dir = await freshDir()
    const lake = await testLake(dir)
    cleanups.push(() => lake.close())
    const client = clientFor(lake)
    await client.create({_id: COUNTER_ID, _type: 'loadDoc', count: 0})

    // Every mutation event, keyed by transaction and document, counted so duplicates show.
    const seen = new Map<string, number>()
    let welcomed!: () => void
    const welcome = new Promise<void>((resolve) => (welcomed = resolve))
    const subscription = client
      .listen('*[_type == "loadDoc"]', {}, {includeResult: false, visibility: 'query', events: ['welcome', 'mutation']})
      .subscribe((event) => {
        if (event.type === 'welcome') welcomed()
        if (event.type !== 'mutation') return
        const {transactionId, documentId} = event as MutationEvent
        const key = `${transactionId}#${documentId}`
        seen.set(key, (seen.get(key) ?? 0) + 1)
      })
    cleanups.push(() => subscription.unsubscribe())
    await welcome

    const acked: Acknowledged[] = []
    const started = performance.now()
    const errors = await runWriters(client, acked)
    const seconds = (performance.now() - started) / 1000
    console.log(
      `lake load: ${acked.length} transactions from ${WRITERS} writers in ${seconds.toFixed(1)} s ` +
        `(${Math.round(acked.length / seconds)} transactions/s, each fsynced)`,
    )
    expect(errors).toEqual([])
    expect(acked).toHaveLength(WRITERS * TRANSACTIONS_PER_WRITER)

    // Every acknowledged write is in the dataset, and the counter saw each transaction once.
    const ids = new Set<string>(await client.fetch('*[_type == "loadDoc" && defined(writer)]._id'))
    expect(ids.size).toBe(acked.length)
    for (const {docId} of acked) expect(ids.has(docId)).toBe(true)
    expect((await client.getDocument(COUNTER_ID))?.count).toBe(acked.length)

    // Two events per transaction (the counter and the new document), none twice, none extra.
    const expected = new Set(
      acked.flatMap(({transactionId, docId}) => [`${transactionId}#${COUNTER_ID}`, `${transactionId}#${docId}`]),
    )
    for (let waited = 0; seen.size < expected.size && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(seen.size).toBe(expected.size)
    expect([...seen.keys()].filter((key) => !expected.has(key))).toEqual([])
    expect([...seen.values()].filter((count) => count !== 1)).toEqual([])
  }, 120_000)

  it('keeps every acknowledged write when the lake is SIGKILLed in the middle of them', async () => {
    const dir = await freshDir()
    const {child, running} = await startChildLake(dir)
    const exited = new Promise((resolve) => child.once('exit', resolve))
    cleanups.push(() => child.kill('SIGKILL'))
    const client = clientFor(running)
    await client.create({_id: COUNTER_ID, _type: 'loadDoc', count: 0})

    // Kill it once about half the writes are acknowledged, while all writers are mid-flight.
    const acked: Acknowledged[] = []
    const stop = {now: false}
    const total = WRITERS * TRANSACTIONS_PER_WRITER
    const killer = (async () => {
      for (let waited = 0; acked.length < total / 2 && waited < 60_000; waited += 5) {
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      child.kill('SIGKILL')
      await exited
      stop.now = true
    })()
    const errors = await runWriters(client, acked, stop)
    await killer
    const ackedAtKill = acked.length
    console.log(
      `lake SIGKILL: killed after ${ackedAtKill} acknowledged transactions; ${errors.length} writers saw errors`,
    )
    expect(ackedAtKill).toBeGreaterThanOrEqual(total / 2)
    expect(ackedAtKill).toBeLessThan(total)
    expect(errors.length).toBeGreaterThan(0)

    const lake = await testLake(dir)
    cleanups.push(() => lake.close())
    const restarted = clientFor(lake)
    const ids = new Set<string>(await restarted.fetch('*[_type == "loadDoc" && defined(writer)]._id'))
    console.log(`lake SIGKILL: the restarted lake has ${ids.size} of the writers' documents`)
    const missing = acked.filter(({docId}) => !ids.has(docId))
    expect(missing).toEqual([])
    // Transactions are atomic: the counter moved once for each document that exists, which
    // may include a few committed whose answer never reached the writer.
    expect((await restarted.getDocument(COUNTER_ID))?.count).toBe(ids.size)
    expect(ids.size).toBeGreaterThanOrEqual(ackedAtKill)

    await restarted.create({_id: 'after-restart', _type: 'loadDoc'})
    expect(await restarted.fetch('count(*[_type == "loadDoc"])')).toBe(ids.size + 2)
  }, 120_000)
})

/** A raw request, for bodies and headers that fetch and @sanity/client will not send. */
function rawRequest(
  url: string,
  options: {
    method?: string
    headers?: Record<string, string | number> | undefined
    body?: Buffer | string | undefined
    endEarly?: boolean
  },
): Promise<number | 'closed'> {
  return new Promise((resolve) => {
    const req = http.request(url, {method: options.method ?? 'POST', headers: options.headers}, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    // A connection the lake drops (the point of some cases) is fine; a hang is not (test timeout).
    req.on('error', () => resolve('closed'))
    if (options.body !== undefined) req.write(options.body)
    if (options.endEarly) {
      // Declared more than it sends, then hangs up: a client that died mid-upload.
      setTimeout(() => {
        req.destroy()
        resolve('closed')
      }, 100)
    } else req.end()
  })
}

describe('hostile bodies', () => {
  it('answers oversized and malformed bodies with 4xx and keeps serving', async () => {
    const dir = await freshDir()
    const lake: Lake = await testLake(dir)
    cleanups.push(() => lake.close())
    const client = clientFor(lake)
    await client.create({_id: 'before', _type: 'note'})
    const api = `${lake.httpUrl}/v2025-02-19`
    const json = {Authorization: `Bearer ${lake.token}`, 'Content-Type': 'application/json'}
    const nineMiB = 'x'.repeat(9 * 1024 * 1024)

    // (query.test.ts covers a truncated JSON mutation and an oversized query.)
    const cases: {name: string; url: string; body?: Buffer | string; headers?: Record<string, string | number>}[] = [
      {name: 'null body', url: `${api}/data/mutate/production`, body: 'null'},
      {name: 'empty body', url: `${api}/data/mutate/production`, body: ''},
      {name: 'mutations not a list', url: `${api}/data/mutate/production`, body: '{"mutations": "create"}'},
      {name: 'unknown operation', url: `${api}/data/mutate/production`, body: '{"mutations": [{"explode": {}}]}'},
      {
        name: 'two operations in one mutation',
        url: `${api}/data/mutate/production`,
        body: JSON.stringify({mutations: [{create: {_type: 'note'}, delete: {id: 'before'}}]}),
      },
      {
        name: 'create without _type',
        url: `${api}/data/mutate/production`,
        body: JSON.stringify({mutations: [{create: {_id: 'typeless'}}]}),
      },
      {
        name: 'invalid UTF-8',
        url: `${api}/data/mutate/production`,
        body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      },
      {
        name: 'oversized mutation (9 MiB)',
        url: `${api}/data/mutate/production`,
        body: JSON.stringify({mutations: [{create: {_id: 'huge', _type: 'note', text: nineMiB}}]}),
      },
      {name: 'actions not a list', url: `${api}/data/actions/production`, body: '{"actions": 42}'},
      {name: 'query body a list', url: `${api}/data/query/production`, body: '[]'},
      {name: 'query body without query', url: `${api}/data/query/production`, body: '{"query": 5}'},
      {name: 'not an image', url: `${api}/assets/images/production`, body: 'definitely not a PNG'},
      {name: 'empty upload', url: `${api}/assets/images/production`, body: ''},
      {
        // Declared far beyond the 50 MiB upload limit: refused before the body is read.
        name: 'upload declaring 1 GiB',
        url: `${api}/assets/files/production`,
        headers: {'Content-Length': 1024 * 1024 * 1024},
        body: 'x'.repeat(1024),
      },
    ]
    for (const {name, url, body, headers} of cases) {
      const status = await rawRequest(url, {headers: {...json, ...headers}, body})
      expect.soft(typeof status === 'number' && status >= 400 && status < 500, `${name}: ${status}`).toBe(true)
      expect(await client.fetch('count(*[_id == "before"])'), `lake answers after ${name}`).toBe(1)
    }

    // A client that hangs up mid-body, several times over: nothing half-written, still serving.
    for (let i = 0; i < 5; i++) {
      await rawRequest(`${api}/data/mutate/production`, {
        headers: {...json, 'Content-Length': 10_000},
        body: '{"mutations": [{"create": {"_id": "torn", "_type": "note"',
        endEarly: true,
      })
    }

    expect(await client.fetch('*[_type == "note"]._id')).toEqual(['before'])
    await client.create({_id: 'after', _type: 'note'})
    expect(await client.fetch('count(*[_type == "note"])')).toBe(2)
  })
})
