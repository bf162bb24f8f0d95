// The webhook receiver as a function from a web-standard Request to a Response, so the same
// code runs in the local Node server, Netlify and Vercel functions, or a Cloudflare Worker.
import type {ReplayStore} from './replay.ts'
import {MemoryReplayStore} from './replay.ts'
import {DEFAULT_TOLERANCE_MS, SIGNATURE_HEADER, verifySignature} from './signature.ts'

export type WebhookHandler = (request: Request) => Promise<Response>

export interface AcceptedEvent {
  /** The delivery's event id, when Sanity sent one. */
  id: string | undefined
  /** The document the change was to (document webhooks send it as a header). */
  documentId: string | undefined
  /** When Sanity signed the delivery, in milliseconds since the epoch. */
  timestamp: number
}

export interface WebhookOptions {
  /** The secret set on the webhook in Sanity's project settings. */
  secret: string
  /**
   * Called once for each delivery accepted: typically `scheduler.schedule`. A promise is
   * awaited before answering, and if it fails the answer is 502 and the delivery may be retried.
   */
  onAccepted: (event: AcceptedEvent) => void | Promise<void>
  replayStore?: ReplayStore
  /** How old (or how far ahead) a signature's timestamp may be; five minutes by default. */
  toleranceMs?: number
  now?: () => number
  /** Bigger bodies are refused unread; a build trigger needs no more than a small projection. */
  maxBodyBytes?: number
  log?: (line: string) => void
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/** The id of one delivery: Sanity's idempotency key, else its transaction and document ids. */
export function eventIdOf(headers: Headers): string | undefined {
  const key = headers.get('idempotency-key')
  if (key) return key
  // One transaction can change several documents, each its own delivery: both ids together.
  const transaction = headers.get('sanity-transaction-id')
  if (transaction) return `${transaction}:${headers.get('sanity-document-id') ?? ''}`
  return undefined
}

export function jsonResponse(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers},
  })
}

export function createWebhookHandler({
  secret,
  onAccepted,
  replayStore = new MemoryReplayStore(),
  toleranceMs = DEFAULT_TOLERANCE_MS,
  now = Date.now,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  log = () => {},
}: WebhookOptions): WebhookHandler {
  if (!secret) throw new Error('The webhook receiver needs a secret (SANITY_WEBHOOK_SECRET).')

  return async (request) => {
    if (request.method !== 'POST') return jsonResponse(405, {error: 'use POST'}, {allow: 'POST'})
    if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) {
      return jsonResponse(413, {error: 'body too large'})
    }
    const body = new Uint8Array(await request.arrayBuffer())
    if (body.byteLength > maxBodyBytes) return jsonResponse(413, {error: 'body too large'})

    const at = now()
    const verified = verifySignature(body, request.headers.get(SIGNATURE_HEADER), secret, {now: at, toleranceMs})
    if (!verified.ok) {
      log(`webhook: refused (${verified.reason})`)
      return jsonResponse(401, {error: verified.reason})
    }

    const id = eventIdOf(request.headers)
    // Headers are not signed, so a captured delivery replayed under a new event id is caught
    // by its signature instead: the same timestamp and body always sign the same.
    const keys = [`sig:${verified.digest.toString('base64url')}`, ...(id === undefined ? [] : [`event:${id}`])]
    // A store may answer at once or by a promise.
    const fresh = await Promise.all(keys.map((key) => Promise.resolve(replayStore.claim(key, at))))
    if (fresh.includes(false)) {
      log(`webhook: refused replay of ${id ?? 'a delivery with no event id'}`)
      return jsonResponse(409, {error: 'already received', ...(id ? {event: id} : {})})
    }

    const event: AcceptedEvent = {
      id,
      documentId: request.headers.get('sanity-document-id') ?? undefined,
      timestamp: verified.timestamp,
    }
    log(`webhook: accepted ${id ?? 'a delivery'}${event.documentId ? ` for ${event.documentId}` : ''}`)
    try {
      await onAccepted(event)
    } catch (error) {
      log(`webhook: could not trigger a rebuild: ${error instanceof Error ? error.message : String(error)}`)
      await Promise.all(keys.map((key) => Promise.resolve(replayStore.release(key))))
      return jsonResponse(502, {error: 'could not trigger a rebuild'})
    }
    return jsonResponse(202, {accepted: true, ...(id ? {event: id} : {})})
  }
}
