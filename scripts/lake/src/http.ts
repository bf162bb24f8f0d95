// Request and response plumbing shared by the HTTP/1.1 and HTTP/2 servers. Node's
// http2 compatibility API mirrors http's req/res closely enough for one handler to
// serve both, so the handler sees only the small surface typed here.
import type {IncomingHttpHeaders} from 'node:http'
import type {Readable} from 'node:stream'

import {badRequest, HttpError, tooLarge} from './errors.ts'

export type LakeRequest = Readable & {
  method?: string | undefined
  url?: string | undefined
  headers: IncomingHttpHeaders
  socket: {encrypted?: boolean} | null
}

export interface LakeResponse {
  statusCode: number
  readonly headersSent: boolean
  readonly writableEnded: boolean
  setHeader(name: string, value: string | number | readonly string[]): unknown
  write(chunk: string | Uint8Array): boolean
  end(chunk?: string | Uint8Array): unknown
  on(event: 'close', listener: () => void): unknown
}

export const JSON_LIMIT = 8 * 1024 * 1024
export const ASSET_LIMIT = 50 * 1024 * 1024

/** Reads the whole body, refusing more than `limit` bytes with a 413. */
export async function readBody(req: LakeRequest, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (declared > limit * 4) {
    // Far too large to be worth draining: answer now and let the connection drop.
    throw tooLarge(limit)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    // Keep draining (without keeping) an oversized body so the client gets to read
    // the 413 instead of a reset connection.
    if (size <= limit) chunks.push(chunk)
    if (size > limit * 4) break
  }
  if (size > limit) throw tooLarge(limit)
  return Buffer.concat(chunks)
}

export async function readJson(req: LakeRequest): Promise<unknown> {
  const body = await readBody(req, JSON_LIMIT)
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw badRequest('Request body is not valid JSON')
  }
}

/** Asset documents store this in place of an origin; responses swap in the caller's own. */
export const ASSET_ORIGIN = 'https://asset-origin.lake.invalid'

export function toJson(body: unknown, origin: string): string {
  return JSON.stringify(body).replaceAll(ASSET_ORIGIN, origin)
}

export function sendJson(res: LakeResponse, status: number, body: unknown, origin: string): void {
  const text = toJson(body, origin)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(text)
}

export function sendError(res: LakeResponse, err: unknown, log: (line: string) => void): void {
  const httpError = err instanceof HttpError ? err : new HttpError(500, 'internalError', 'Internal error in the lake')
  if (!(err instanceof HttpError)) log(`lake: internal error: ${err instanceof Error ? err.stack : String(err)}`)
  if (res.headersSent) {
    res.end()
    return
  }
  sendJson(res, httpError.status, httpError.body, '')
}

/** The origin the caller used to reach us, for URLs handed back to it. */
export function requestOrigin(req: LakeRequest, fallbackHost: string): string {
  const host = req.headers.host ?? (req.headers[':authority'] as string | undefined) ?? fallbackHost
  return `${req.socket?.encrypted ? 'https' : 'http'}://${host}`
}

function isLocalOrigin(origin: string): boolean {
  try {
    const {hostname} = new URL(origin)
    return (
      hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]'
    )
  } catch {
    return false
  }
}

/** CORS for the Studio, which runs on another localhost port. Returns true for a preflight. */
export function applyCors(req: LakeRequest, res: LakeResponse): boolean {
  const origin = req.headers.origin
  if (!origin || !isLocalOrigin(origin)) return false
  res.setHeader('Access-Control-Allow-Origin', origin)
  res.setHeader('Access-Control-Allow-Credentials', 'true')
  res.setHeader('Vary', 'Origin')
  if (req.method !== 'OPTIONS') return false
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS')
  res.setHeader(
    'Access-Control-Allow-Headers',
    req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
  )
  res.setHeader('Access-Control-Max-Age', '600')
  res.statusCode = 204
  res.end()
  return true
}
