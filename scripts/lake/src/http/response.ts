// Writing answers: what a handler returns (a Reply) becomes a status, headers and a body.
// JSON answers swap the placeholder origin in asset URLs for the one the caller used.
import {ASSET_ORIGIN} from '../api/assets.ts'
import {ApiError} from '../api/errors.ts'
import type {Listener} from '../api/listen.ts'

export interface LakeResponse {
  statusCode: number
  readonly headersSent: boolean
  readonly writableEnded: boolean
  setHeader(name: string, value: string | number | readonly string[]): unknown
  write(chunk: string | Uint8Array): boolean
  end(chunk?: string | Uint8Array): unknown
  on(event: 'close', listener: () => void): unknown
}

/** A successful answer (status 200); failures are thrown as ApiErrors instead. */
export type Reply =
  | {type: 'json'; body: unknown}
  | {type: 'text'; body: string}
  /** One JSON value per line: written as they come when `streamed` (exports can be large), else as one body. */
  | {type: 'ndjson'; lines: Iterable<unknown>; streamed: boolean}
  | {type: 'bytes'; body: Buffer; headers: Record<string, string | number>}
  /** Server-sent events, open until the client or the server goes. */
  | {type: 'events'; listener: Listener}

export const json = (body: unknown): Reply => ({type: 'json', body})
export const text = (body: string): Reply => ({type: 'text', body})
export const ndjson = (lines: Iterable<unknown>, streamed = false): Reply => ({type: 'ndjson', lines, streamed})

export function toJson(body: unknown, origin: string): string {
  return JSON.stringify(body).replaceAll(ASSET_ORIGIN, origin)
}

export function sendJson(res: LakeResponse, status: number, body: unknown, origin: string): void {
  const answer = toJson(body, origin)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(answer))
  res.end(answer)
}

export interface ReplyContext {
  method: string
  /** The origin the caller used, for asset URLs. */
  origin: string
  /** Where an open event stream registers how to end it, so the server can close it. */
  streams: Set<() => void>
  log: (line: string) => void
}

export function writeReply(res: LakeResponse, reply: Reply, context: ReplyContext): void {
  switch (reply.type) {
    case 'json':
      sendJson(res, 200, reply.body, context.origin)
      return
    case 'text':
      res.statusCode = 200
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.end(reply.body)
      return
    case 'ndjson':
      res.statusCode = 200
      res.setHeader('Content-Type', 'application/x-ndjson')
      if (!reply.streamed) {
        res.end([...reply.lines].map((line) => `${toJson(line, context.origin)}\n`).join(''))
        return
      }
      for (const line of reply.lines) res.write(`${toJson(line, context.origin)}\n`)
      res.end()
      return
    case 'bytes':
      res.statusCode = 200
      for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value)
      res.end(context.method === 'HEAD' ? undefined : reply.body)
      return
    case 'events':
      writeEvents(res, reply.listener, context)
      return
  }
}

const HEARTBEAT_MS = 25_000

/** Server-sent events, with a comment every 25 s so proxies and clients keep the stream open. */
function writeEvents(res: LakeResponse, listener: Listener, context: ReplyContext): void {
  res.statusCode = 200
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8')
  res.setHeader('Cache-Control', 'no-cache')
  res.setHeader('X-Accel-Buffering', 'no')
  const unsubscribe = listener.start(
    (event) => {
      const id = 'id' in event ? `id: ${event.id}\n` : ''
      res.write(`event: ${event.type}\n${id}data: ${toJson(event.data, context.origin)}\n\n`)
    },
    (err: unknown) => {
      context.log(`lake: a listener event failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    },
  )
  const heartbeat = setInterval(() => res.write(':\n\n'), HEARTBEAT_MS)
  const stop = () => {
    unsubscribe()
    clearInterval(heartbeat)
    context.streams.delete(end)
  }
  const end = () => {
    stop()
    if (!res.writableEnded) res.end()
  }
  context.streams.add(end)
  res.on('close', stop)
}

/** Answers an error in Sanity's shape; anything but an ApiError is logged and becomes a 500. */
export function sendError(res: LakeResponse, err: unknown, log: (line: string) => void): void {
  const apiError = err instanceof ApiError ? err : new ApiError(500, 'internalError', 'Internal error in the lake')
  if (!(err instanceof ApiError))
    log(`lake: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  if (res.headersSent) {
    res.end()
    return
  }
  sendJson(res, apiError.status, apiError.body, '')
}
