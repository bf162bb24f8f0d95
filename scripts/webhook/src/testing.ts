// Helpers for the receiver's tests: deliveries signed the way Sanity signs them.
import {randomUUID} from 'node:crypto'
import {SIGNATURE_HEADER, signatureHeader} from './signature.ts'

export const SECRET = 'test-webhook-secret'

export interface Delivery {
  body: string
  headers: Record<string, string>
}

/**
 * A document webhook delivery as Sanity sends it: projected body, signature, event headers. The
 * body names the document, so deliveries for two documents differ even when signed in the same
 * millisecond (identical signed bodies are a replay).
 */
export function sanityDelivery({
  documentId = 'page-home',
  body = JSON.stringify({_id: documentId, _type: 'page', slug: documentId.replace(/^page-/, '')}),
  secret = SECRET,
  timestamp = Date.now(),
  id = randomUUID(),
}: {body?: string; secret?: string; timestamp?: number; id?: string | null; documentId?: string} = {}): Delivery {
  return {
    body,
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signatureHeader(body, secret, timestamp),
      ...(id === null ? {} : {'idempotency-key': id}),
      'sanity-document-id': documentId,
      'sanity-operation': 'update',
    },
  }
}

export function toRequest(delivery: Delivery, url = 'http://127.0.0.1/webhook'): Request {
  return new Request(url, {method: 'POST', headers: delivery.headers, body: delivery.body})
}
