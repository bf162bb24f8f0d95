// Sanity's webhook signature, as @sanity/webhook defines it: the header
// `sanity-webhook-signature: t=<ms timestamp>,v1=<base64url HMAC-SHA256 of "<t>.<raw body>">`
// keyed with the webhook's secret. Written with node:crypto so the receiver needs no dependency.
import {createHmac, timingSafeEqual} from 'node:crypto'

export const SIGNATURE_HEADER = 'sanity-webhook-signature'

/** How far a signature's timestamp may be from now, either way, before it counts as stale. */
export const DEFAULT_TOLERANCE_MS = 5 * 60 * 1000

// The toolkit accepts a comma and/or spaces between the parts.
const HEADER_PATTERN = /^t=(\d+)[, ]+v1=([A-Za-z0-9_-]+)$/

export type Verification =
  | {ok: true; timestamp: number; digest: Buffer}
  | {ok: false; reason: 'missing signature' | 'malformed signature' | 'invalid signature' | 'stale timestamp'}

function hmac(body: Uint8Array | string, timestamp: number, secret: string): Buffer {
  // Sign the raw bytes as received: re-encoding parsed JSON can change them.
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest()
}

/** The header value Sanity would send for this body, secret and time. For tests and local tools. */
export function signatureHeader(body: Uint8Array | string, secret: string, timestamp = Date.now()): string {
  return `t=${timestamp},v1=${hmac(body, timestamp, secret).toString('base64url')}`
}

/**
 * Checks a request body against its signature header: the HMAC first (in constant time),
 * then that the signed timestamp is within `toleranceMs` of `now`.
 */
export function verifySignature(
  body: Uint8Array | string,
  header: string | null | undefined,
  secret: string,
  {now = Date.now(), toleranceMs = DEFAULT_TOLERANCE_MS}: {now?: number; toleranceMs?: number} = {},
): Verification {
  if (!header) return {ok: false, reason: 'missing signature'}
  const match = HEADER_PATTERN.exec(header.trim())
  if (!match?.[1] || !match[2]) return {ok: false, reason: 'malformed signature'}
  const timestamp = Number(match[1])
  const digest = hmac(body, timestamp, secret)
  // Compare the text, not decoded bytes: decoding ignores a final character's spare bits, so
  // two different strings would pass. timingSafeEqual needs equal lengths; a length reveals nothing.
  const given = Buffer.from(match[2])
  const expected = Buffer.from(digest.toString('base64url'))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {ok: false, reason: 'invalid signature'}
  }
  if (!Number.isSafeInteger(timestamp) || Math.abs(now - timestamp) > toleranceMs) {
    return {ok: false, reason: 'stale timestamp'}
  }
  return {ok: true, timestamp, digest}
}
