// What a handler gets: the lake it serves, and the request as a Call (decoded URL, auth,
// route parameters and a way to read the body). What it gives back is a Reply.
import type {IncomingHttpHeaders} from 'node:http'

import {notFound} from '../api/errors.ts'
import type {Dataset} from '../storage/dataset.ts'
import type {KeyValueStore} from '../storage/keyValues.ts'
import type {Reply} from './response.ts'

export interface ServerContext {
  projectId: string
  token: string
  dataDir: string
  datasets: ReadonlyMap<string, Dataset>
  /** The user id recorded as the author of writes. */
  author: string
  /** Open event streams and sockets register how to end them here, so close() can. */
  streams: Set<() => void>
  keyValues: KeyValueStore
  log: (line: string) => void
  /** Told of every request, for tests and benchmarks that count what a client asked for. */
  onRequest?: ((request: {method: string; path: string}) => void) | undefined
}

export interface Call {
  method: string
  search: URLSearchParams
  headers: IncomingHttpHeaders
  /** Whether the editor token was given (a wrong one never gets this far). */
  authenticated: boolean
  /** A `:name` segment of the route's path, as it appeared (still percent-encoded). */
  param(name: string): string
  /** The segments a route's trailing `*` took. */
  rest: readonly string[]
  /** The raw body, at most `limit` bytes (413 beyond). */
  body(limit: number): Promise<Buffer>
  /** The body as JSON (400 if it is not). */
  json(): Promise<unknown>
}

export type Handler = (ctx: ServerContext, call: Call) => Reply | Promise<Reply>

export function datasetNamed(ctx: ServerContext, name: string): Dataset {
  const dataset = ctx.datasets.get(name)
  if (!dataset) throw notFound(`Dataset "${name}" not found for project ID "${ctx.projectId}"`)
  return dataset
}
