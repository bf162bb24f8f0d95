import {afterEach, describe, expect, test, vi} from 'vitest'
import {createRebuildScheduler} from './debounce.ts'
import {createWebhookHandler, type AcceptedEvent} from './handler.ts'
import {handleWebhook, receiverFromEnv} from './index.ts'
import {sanityDelivery, SECRET, toRequest} from './testing.ts'

function receiver() {
  const accepted: AcceptedEvent[] = []
  const handler = createWebhookHandler({secret: SECRET, onAccepted: (event) => void accepted.push(event)})
  return {handler, accepted}
}

describe('the webhook handler (Request in, Response out)', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  test('accepts a delivery signed with the secret: 202, and tells onAccepted', async () => {
    const {handler, accepted} = receiver()
    const timestamp = Date.now()
    const response = await handler(toRequest(sanityDelivery({id: 'evt-1', timestamp})))
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({accepted: true, event: 'evt-1'})
    expect(accepted).toEqual([{id: 'evt-1', documentId: 'page-home', timestamp}])
  })

  test('refuses a tampered body with 401', async () => {
    const {handler, accepted} = receiver()
    const delivery = sanityDelivery()
    delivery.body = delivery.body.replace('home', 'hacked')
    const response = await handler(toRequest(delivery))
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({error: 'invalid signature'})
    expect(accepted).toHaveLength(0)
  })

  test('refuses a delivery signed with another secret with 401', async () => {
    const {handler, accepted} = receiver()
    const response = await handler(toRequest(sanityDelivery({secret: 'not-the-secret'})))
    expect(response.status).toBe(401)
    expect(accepted).toHaveLength(0)
  })

  test('refuses a correctly signed delivery older than five minutes with 401', async () => {
    const {handler, accepted} = receiver()
    const old = sanityDelivery({timestamp: Date.now() - 5 * 60 * 1000 - 1000})
    const response = await handler(toRequest(old))
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({error: 'stale timestamp'})
    expect(accepted).toHaveLength(0)
  })

  test('refuses a delivery with no signature, or a malformed one, with 401', async () => {
    const {handler} = receiver()
    const unsigned = sanityDelivery()
    delete unsigned.headers['sanity-webhook-signature']
    expect((await handler(toRequest(unsigned))).status).toBe(401)
    const malformed = sanityDelivery()
    malformed.headers['sanity-webhook-signature'] = 'sha256=abc'
    expect((await handler(toRequest(malformed))).status).toBe(401)
  })

  test('refuses a replayed event id with 409, even re-signed with a new timestamp', async () => {
    const {handler, accepted} = receiver()
    expect((await handler(toRequest(sanityDelivery({id: 'evt-2'})))).status).toBe(202)
    const again = await handler(toRequest(sanityDelivery({id: 'evt-2', timestamp: Date.now() + 5})))
    expect(again.status).toBe(409)
    expect(await again.json()).toEqual({error: 'already received', event: 'evt-2'})
    expect(accepted).toHaveLength(1)
  })

  test('refuses a captured delivery replayed under a new event id with 409 (headers are not signed)', async () => {
    const {handler} = receiver()
    const delivery = sanityDelivery({id: 'evt-3'})
    expect((await handler(toRequest(delivery))).status).toBe(202)
    const disguised = {...delivery, headers: {...delivery.headers, 'idempotency-key': 'evt-3-again'}}
    expect((await handler(toRequest(disguised))).status).toBe(409)
  })

  test('with no idempotency key, tells deliveries apart by transaction and document id', async () => {
    const {handler, accepted} = receiver()
    const inTransaction = (documentId: string, timestamp: number) => {
      const delivery = sanityDelivery({id: null, documentId, timestamp})
      delivery.headers['sanity-transaction-id'] = 'txn-1'
      return toRequest(delivery)
    }
    const now = Date.now()
    expect((await handler(inTransaction('page-home', now))).status).toBe(202)
    expect((await handler(inTransaction('page-about', now + 1))).status).toBe(202)
    expect((await handler(inTransaction('page-home', now + 2))).status).toBe(409)
    expect(accepted.map((event) => event.id)).toEqual(['txn-1:page-home', 'txn-1:page-about'])
  })

  test('a refused delivery does not use up its event id', async () => {
    const {handler} = receiver()
    expect((await handler(toRequest(sanityDelivery({id: 'evt-4', secret: 'wrong'})))).status).toBe(401)
    expect((await handler(toRequest(sanityDelivery({id: 'evt-4'})))).status).toBe(202)
  })

  test('answers 405 to anything but POST', async () => {
    const {handler} = receiver()
    const response = await handler(new Request('http://127.0.0.1/webhook'))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
  })

  test('of ten valid deliveries in twenty seconds, the first rebuilds at once and the rest share one more', async () => {
    vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']})
    const rebuild = vi.fn(async () => {})
    const scheduler = createRebuildScheduler({rebuild, minIntervalMs: 30_000})
    const handler = createWebhookHandler({secret: SECRET, onAccepted: () => scheduler.schedule()})
    for (let i = 0; i < 10; i++) {
      expect((await handler(toRequest(sanityDelivery()))).status).toBe(202)
      await vi.advanceTimersByTimeAsync(2_000)
    }
    expect(rebuild).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(rebuild).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(rebuild).toHaveBeenCalledTimes(2)
  })
})

describe('configuration from the environment', () => {
  test('needs SANITY_WEBHOOK_SECRET', () => {
    expect(() => receiverFromEnv({}, () => {})).toThrow(/SANITY_WEBHOOK_SECRET/)
  })

  test('handleWebhook fails closed with 500 when no secret is set', async () => {
    vi.stubEnv('SANITY_WEBHOOK_SECRET', '')
    try {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      const response = await handleWebhook(toRequest(sanityDelivery()))
      expect(response.status).toBe(500)
    } finally {
      vi.unstubAllEnvs()
      vi.restoreAllMocks()
    }
  })

  test('rejects a debounce that is not a number', () => {
    expect(() => receiverFromEnv({SANITY_WEBHOOK_SECRET: 's', REBUILD_DEBOUNCE_MS: 'soon'}, () => {})).toThrow(
      /REBUILD_DEBOUNCE_MS/,
    )
  })
})

describe('triggering the rebuild before answering (REBUILD_DEBOUNCE_MS=0, for serverless)', () => {
  test('answers 502 when the trigger fails, and accepts the retry of that delivery', async () => {
    let fail = true
    const triggered: string[] = []
    const handler = createWebhookHandler({
      secret: SECRET,
      // Fails as a deploy hook call would: by a rejected promise.
      onAccepted: (event) => {
        if (fail) return Promise.reject(new Error('deploy hook down'))
        triggered.push(event.id ?? '')
        return Promise.resolve()
      },
    })
    const delivery = sanityDelivery({id: 'evt-5'})
    expect((await handler(toRequest(delivery))).status).toBe(502)
    fail = false
    expect((await handler(toRequest(delivery))).status).toBe(202)
    expect(triggered).toEqual(['evt-5'])
    expect((await handler(toRequest(delivery))).status).toBe(409)
  })
})
