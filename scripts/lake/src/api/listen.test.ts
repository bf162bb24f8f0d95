// GET /data/listen: events as Sanity sends them, and a listener that resumes from
// Last-Event-ID after a dropped connection or a restart of the lake without losing one.
import {applyPatch} from 'mendoza'
import {describe, expect, it} from 'vitest'

import {API_VERSION, DEFAULT_DATASET} from '@itss/schemas/api'

import type {Lake} from '../index.ts'
import {lakeForFile} from '../lakeForFile.ts'
import {clientFor, removeDir, tempDir, testLake} from '../testing.ts'

interface MutationEvent {
  documentId: string
  transition: string
  transactionId: string
  resultRev: string
  mutations: unknown[]
  result?: Record<string, unknown>
  previous: Record<string, unknown>
  effects: {apply: unknown[]; revert: unknown[]}
}

interface ServerSentEvent {
  event: string
  id?: string
  data: unknown
}

const lake = await lakeForFile()

/**
 * A raw server-sent-events listener on `query`, as a browser's EventSource makes one (with
 * `Last-Event-ID` when it reconnects); `next()` gives the next event, `close()` drops it.
 */
async function connect(on: Lake, query: string, options: {lastEventId?: string; search?: string} = {}) {
  const controller = new AbortController()
  const url = `${on.httpUrl}/v${API_VERSION}/data/listen/${DEFAULT_DATASET}?query=${encodeURIComponent(query)}${options.search ?? ''}`
  const response = await fetch(url, {
    headers: {
      Authorization: `Bearer ${on.token}`,
      Accept: 'text/event-stream',
      ...(options.lastEventId ? {'Last-Event-ID': options.lastEventId} : {}),
    },
    signal: controller.signal,
  })
  expect(response.status).toBe(200)
  if (!response.body) throw new Error('The listener has no body')
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  return {
    async next(): Promise<ServerSentEvent> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (block.startsWith(':')) continue // a heartbeat
          const fields = Object.fromEntries(
            block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
          )
          return {
            event: fields.event ?? '',
            ...(fields.id ? {id: fields.id} : {}),
            data: JSON.parse(fields.data ?? 'null'),
          }
        }
        const {value, done} = await reader.read()
        if (done) throw new Error('The listener closed')
        buffer += value
      }
    },
    close() {
      controller.abort()
    },
  }
}

describe('GET /data/listen', () => {
  it('sends welcome, then mutation events with result, previous and mendoza effects', async () => {
    const client = clientFor(lake)
    await client.create({_id: 'faq-live', _type: 'faq', question: 'Before'})
    const events: unknown[] = []
    const received = new Promise<void>((resolve, reject) => {
      const subscription = client
        .listen(
          '*[_type == "faq"]',
          {},
          {events: ['welcome', 'mutation'], includePreviousRevision: true, effectFormat: 'mendoza'},
        )
        .subscribe({
          next: (event) => {
            events.push(event)
            if (event.type === 'welcome') client.patch('faq-live').set({question: 'After'}).commit().catch(reject)
            if (event.type === 'mutation') {
              subscription.unsubscribe()
              resolve()
            }
          },
          error: reject,
        })
    })
    await received
    expect(events[0]).toMatchObject({type: 'welcome'})
    expect(events[0]).toHaveProperty('listenerName', expect.any(String))
    const mutation = events[1] as MutationEvent
    expect(mutation).toMatchObject({
      type: 'mutation',
      documentId: 'faq-live',
      transition: 'update',
      result: {question: 'After'},
      previous: {question: 'Before'},
      transactionTotalEvents: 1,
      transactionCurrentEvent: 1,
      visibility: 'query',
    })
    expect(mutation.resultRev).toBe(mutation.transactionId)
    expect(mutation.mutations).toEqual([{patch: {id: 'faq-live', set: {question: 'After'}}}])
    expect(applyPatch(mutation.previous, mutation.effects.apply)).toEqual(mutation.result)
  })

  it('reports appear and disappear, and ignores documents outside the filter', async () => {
    const client = clientFor(lake)
    const transitions: string[] = []
    await new Promise<void>((resolve, reject) => {
      const subscription = client.listen('*[_type == "team"]', {}, {events: ['welcome', 'mutation']}).subscribe({
        next: (event) => {
          if (event.type === 'welcome') {
            const changes = async () => {
              await client.create({_id: 'other', _type: 'person'})
              await client.create({_id: 'team-x', _type: 'team'})
              await client.delete('team-x')
            }
            changes().catch(reject)
          }
          if (event.type === 'mutation') {
            transitions.push(`${event.documentId}:${event.transition}`)
            if (transitions.length === 2) {
              subscription.unsubscribe()
              resolve()
            }
          }
        },
        error: reject,
      })
    })
    expect(transitions).toEqual(['team-x:appear', 'team-x:disappear'])
  })

  it('leaves the document out of events unless includeResult is asked for, as Sanity does', async () => {
    const plain = await connect(lake, '*[_type == "bulletin"]')
    const withResult = await connect(lake, '*[_type == "bulletin"]', {search: '&includeResult=true'})
    expect((await plain.next()).event).toBe('welcome')
    expect((await withResult.next()).event).toBe('welcome')
    await clientFor(lake).create({_id: 'bulletin-1', _type: 'bulletin', title: 'One'})
    expect((await plain.next()).data).not.toHaveProperty('result')
    expect((await withResult.next()).data).toMatchObject({result: {title: 'One'}})
    plain.close()
    withResult.close()
  })

  it('sends a listener that reconnects with Last-Event-ID what it missed, in order, then live events', async () => {
    const client = clientFor(lake)
    const query = '*[_type == "notice"]'
    const search = '&includeResult=true&includePreviousRevision=true&effectFormat=mendoza'
    const first = await connect(lake, query, {search})
    expect((await first.next()).event).toBe('welcome')
    await client.create({_id: 'notice-a', _type: 'notice', title: 'A'})
    const seen = await first.next()
    first.close()

    // While it is away: a new notice, a document outside the filter, an edit and a deletion.
    await client.create({_id: 'notice-b', _type: 'notice', title: 'B'})
    await client.create({_id: 'memo-1', _type: 'memo'})
    await client.patch('notice-a').set({title: 'A, revised'}).commit()
    await client.delete('notice-b')

    const again = await connect(lake, query, {search, ...(seen.id ? {lastEventId: seen.id} : {})})
    expect((await again.next()).event).toBe('welcome')
    const missed = [await again.next(), await again.next(), await again.next()].map(
      (event) => event.data as MutationEvent,
    )
    expect(missed.map((event) => `${event.documentId}:${event.transition}`)).toEqual([
      'notice-b:appear',
      'notice-a:update',
      'notice-b:disappear',
    ])
    const [, edit] = missed
    expect(edit).toMatchObject({previous: {title: 'A'}, result: {title: 'A, revised'}})
    expect(edit && applyPatch(edit.previous, edit.effects.apply)).toEqual(edit?.result)

    await client.create({_id: 'notice-c', _type: 'notice'})
    expect((await again.next()).data).toMatchObject({documentId: 'notice-c', transition: 'appear'})
    again.close()
  })

  it('resumes inside a transaction, with only the events after the last one received', async () => {
    const client = clientFor(lake)
    const query = '*[_type == "circular"]'
    const first = await connect(lake, query)
    await first.next() // welcome
    await client
      .transaction()
      .create({_id: 'circular-1', _type: 'circular'})
      .create({_id: 'circular-2', _type: 'circular'})
      .commit()
    const seen = await first.next()
    first.close()
    const firstId = (seen.data as MutationEvent).documentId

    const again = await connect(lake, query, seen.id ? {lastEventId: seen.id} : {})
    await again.next() // welcome
    const rest = (await again.next()).data as MutationEvent
    expect(rest.documentId).not.toBe(firstId)
    expect(rest).toMatchObject({transactionCurrentEvent: 2, transactionTotalEvents: 2})
    await client.create({_id: 'circular-3', _type: 'circular'})
    expect((await again.next()).data).toMatchObject({documentId: 'circular-3'})
    again.close()
  })

  it('resumes across a restart of the lake: a write made while the listener was away reaches it', async () => {
    const restartDir = await tempDir()
    const query = '*[_type == "notice"]'
    const before = await testLake(restartDir)
    const first = await connect(before, query)
    await first.next() // welcome
    await clientFor(before).create({_id: 'notice-before', _type: 'notice'})
    const seen = await first.next()
    first.close()
    await before.close()

    const after = await testLake(restartDir)
    try {
      await clientFor(after).create({_id: 'notice-after', _type: 'notice'})
      const again = await connect(after, query, seen.id ? {lastEventId: seen.id} : {})
      expect((await again.next()).event).toBe('welcome')
      expect((await again.next()).data).toMatchObject({documentId: 'notice-after', transition: 'appear'})
      again.close()
    } finally {
      await after.close()
      await removeDir(restartDir)
    }
  })
})
