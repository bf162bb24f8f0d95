// Reading requests, for the HTTP/1.1 and HTTP/2 servers alike: Node's http2 compatibility API
// mirrors http's closely enough that one handler serves both, seeing only the surface typed
// here. Also the decoding shared by the handlers: bodies, query-string flags, id lists.
import type {IncomingHttpHeaders} from 'node:http'
import type {Socket} from 'node:net'

import {badRequest, tooLarge} from '../api/errors.ts'

/** What the handler reads of an http.IncomingMessage or http2.Http2ServerRequest. */
export interface LakeRequest extends AsyncIterable<unknown> {
  method?: string | undefined
  url?: string | undefined
  headers: IncomingHttpHeaders
  /** A TLSSocket (`encrypted: true`) on the HTTPS server. */
  socket: Socket | null
  on(event: 'error', listener: (err: Error) => void): unknown
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
  let size = 0
  const chunks: Uint8Array[] = []
  for await (const chunk of req) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk instanceof Uint8Array ? chunk : undefined
    if (!bytes) throw new Error('A request body chunk is neither bytes nor text')
    size += bytes.length
    // Keep draining (without keeping) an oversized body so the client gets to read
    // the 413 instead of a reset connection.
    if (size <= limit) chunks.push(bytes)
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

/** A JSON body that must be an object, as the write endpoints take. */
export function requireObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) throw badRequest('Request body must be an object')
  return {...body}
}

/** The origin the caller used to reach us, for URLs handed back to it. */
export function requestOrigin(req: LakeRequest, fallbackHost: string): string {
  const authority = req.headers[':authority']
  const host = req.headers.host ?? (typeof authority === 'string' ? authority : undefined) ?? fallbackHost
  const encrypted = req.socket !== null && 'encrypted' in req.socket && req.socket.encrypted === true
  return `${encrypted ? 'https' : 'http'}://${host}`
}

/** A query-string flag as Sanity reads it: `true` or `1`; `fallback` when absent. */
export function flag(search: URLSearchParams, name: string, fallback = false): boolean {
  const value = search.get(name)
  return value === null ? fallback : value === 'true' || value === '1'
}

/** A query-string value, or undefined when absent. */
export const stringParam = (search: URLSearchParams, name: string): string | undefined => search.get(name) ?? undefined

/** A query-string number as given (NaN for garbage, left to the API to judge), or undefined. */
export function numberParam(search: URLSearchParams, name: string): number | undefined {
  const value = search.get(name)
  return value === null ? undefined : Number(value)
}

/** `$name=<JSON>` search parameters, as the client sends GROQ parameters on GET. */
export function groqParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(value)
    } catch {
      throw badRequest(`Parameter "${key}" is not valid JSON`)
    }
  }
  return params
}

/** A comma-separated list of ids in a path segment, each percent-decoded. */
export const idList = (segment: string): string[] => segment.split(',').map(decodeURIComponent)
