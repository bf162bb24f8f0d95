import http from 'node:http'
import type {AddressInfo} from 'node:net'
import {afterAll, beforeAll, describe, expect, test, vi} from 'vitest'
import {receiverFromEnv, type ConfiguredReceiver} from './index.ts'
import {startWebhookServer, type WebhookServer} from './server.ts'
import {sanityDelivery, SECRET, type Delivery} from './testing.ts'

/*
 * The receiver as it runs locally: an HTTP server on 127.0.0.1, configured from environment
 * variables, whose rebuild calls a deploy hook (here a second local server that counts calls).
 */

// Long enough that nine local deliveries all land inside it, even on a busy machine.
const DEBOUNCE_MS = 1000
const hookCalls: Array<{body: string; authorization: string | undefined}> = []
let hook: http.Server
let receiver: ConfiguredReceiver
let server: WebhookServer
/** What afterAll undoes, newest first: as much as beforeAll got as far as starting. */
const cleanups: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  hook = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      hookCalls.push({body, authorization: req.headers.authorization})
      res.writeHead(204).end()
    })
  })
  cleanups.push(() => new Promise((resolve) => hook.close(resolve)))
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
  receiver = receiverFromEnv(
    {
      SANITY_WEBHOOK_SECRET: SECRET,
      REBUILD_DEBOUNCE_MS: String(DEBOUNCE_MS),
      BUILD_HOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/build_hooks/itss`,
      BUILD_HOOK_TOKEN: 'hook-token',
    },
    () => {},
  )
  cleanups.push(() => receiver.scheduler.close())
  server = await startWebhookServer({handler: receiver.handler, port: 0})
  cleanups.push(() => server.close())
})

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const send = (delivery: Delivery) =>
  fetch(`${server.url}/webhook`, {method: 'POST', headers: delivery.headers, body: delivery.body})

describe('the local webhook server over HTTP', () => {
  test('listens on 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.url).not.toMatch(/:0$/)
  })

  test('refuses a tampered body, a wrong secret and a stale timestamp with 401', async () => {
    const tampered = sanityDelivery()
    tampered.body = tampered.body.replace('page', 'post')
    expect((await send(tampered)).status).toBe(401)
    expect((await send(sanityDelivery({secret: 'guessed'}))).status).toBe(401)
    expect((await send(sanityDelivery({timestamp: Date.now() - 6 * 60 * 1000}))).status).toBe(401)
  })

  test('refuses a replayed event id with 409', async () => {
    expect((await send(sanityDelivery({id: 'http-evt-1'}))).status).toBe(202)
    expect((await send(sanityDelivery({id: 'http-evt-1'}))).status).toBe(409)
  })

  test('refuses an oversized body with 413 without reading it all', async () => {
    const response = await send(sanityDelivery({body: JSON.stringify({junk: 'x'.repeat(2 * 1024 * 1024)})}))
    expect(response.status).toBe(413)
  })

  test('ten valid deliveries inside the debounce window call the deploy hook at once, then once more', async () => {
    // Let anything the tests above scheduled run first, so this counts only its own burst.
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 2))
    hookCalls.length = 0
    const started = receiver.scheduler.started

    // The first calls the hook at once, well before the window is over.
    expect((await send(sanityDelivery({documentId: 'page-first'}))).status).toBe(202)
    await vi.waitFor(() => expect(hookCalls).toHaveLength(1), {timeout: DEBOUNCE_MS / 2, interval: 10})

    const statuses: number[] = []
    for (let i = 0; i < 9; i++) statuses.push((await send(sanityDelivery({documentId: `page-${i}`}))).status)
    expect(statuses).toEqual(Array(9).fill(202))
    expect(hookCalls).toHaveLength(1)

    await vi.waitFor(() => expect(hookCalls).toHaveLength(2), {timeout: 5000, interval: 20})
    // And nothing more arrives after the window has passed again.
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 3))
    const call = {body: JSON.stringify({event_type: 'sanity-content-changed'}), authorization: 'Bearer hook-token'}
    expect(hookCalls).toEqual([call, call])
    expect(receiver.scheduler.started - started).toBe(2)
  })
})

describe('with REBUILD_DEBOUNCE_MS=0 (serverless)', () => {
  test('calls the deploy hook before answering', async () => {
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/build_hooks/itss`
    const immediate = receiverFromEnv(
      {SANITY_WEBHOOK_SECRET: SECRET, REBUILD_DEBOUNCE_MS: '0', BUILD_HOOK_URL: hookUrl},
      () => {},
    )
    const local = await startWebhookServer({handler: immediate.handler})
    try {
      const before = hookCalls.length
      const delivery = sanityDelivery()
      const response = await fetch(local.url, {method: 'POST', headers: delivery.headers, body: delivery.body})
      expect(response.status).toBe(202)
      expect(hookCalls.length - before).toBe(1)
    } finally {
      await local.close()
    }
  })
})
