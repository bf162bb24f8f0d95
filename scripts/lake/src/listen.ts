// GET /data/listen: server-sent events as Sanity sends them. A `welcome` event first, then
// one `mutation` event per document a transaction touched that matches the listener's
// filter before or after the change.
import {isPublicId, isVersionId, randomId} from './ids.ts'
import type {LakeResponse} from './http.ts'
import {toJson} from './http.ts'
import {matchesFilter, parseQueryOrThrow} from './query.ts'
import {effectsFor} from './store.ts'
import type {Change, DatasetStore, Transaction} from './store.ts'

const HEARTBEAT_MS = 25_000

export interface ListenOptions {
  store: DatasetStore
  query: string
  params: Record<string, unknown>
  search: URLSearchParams
  authenticated: boolean
  origin: string
  /** Open streams, so the server can end them when it closes. */
  streams: Set<() => void>
}

const flag = (search: URLSearchParams, name: string, fallback: boolean) => {
  const value = search.get(name)
  return value === null ? fallback : value === 'true' || value === '1'
}

export function listen(res: LakeResponse, options: ListenOptions): void {
  const {store, params, search, authenticated, origin} = options
  // Parse before answering so a bad filter is a plain 400, not a broken stream.
  const tree = parseQueryOrThrow(options.query, params)
  const includeResult = flag(search, 'includeResult', true)
  const includePrevious = flag(search, 'includePreviousRevision', false)
  const includeMutations = flag(search, 'includeMutations', true)
  const includeAllVersions = flag(search, 'includeAllVersions', false)
  const mendoza = search.get('effectFormat') === 'mendoza'

  res.statusCode = 200
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8')
  res.setHeader('Cache-Control', 'no-cache')
  res.setHeader('X-Accel-Buffering', 'no')
  const send = (event: string, data: unknown, id?: string) =>
    res.write(`event: ${event}\n${id ? `id: ${id}\n` : ''}data: ${toJson(data, origin)}\n\n`)

  const visible = (change: Change) =>
    (authenticated || isPublicId(change.id)) && (includeAllVersions || !isVersionId(change.id))

  // Events are worked out asynchronously (GROQ); the chain keeps them in commit order.
  let chain = Promise.resolve()
  const onTransaction = (tx: Transaction) => {
    chain = chain
      .then(async () => {
        const events = []
        for (const change of tx.changes.filter(visible)) {
          const before = await matchesFilter(tree, params, change.before)
          const after = await matchesFilter(tree, params, change.after)
          if (!before && !after) continue
          events.push({change, transition: before && after ? 'update' : after ? 'appear' : 'disappear'})
        }
        events.forEach(({change, transition}, index) => {
          const eventId = `${tx.id}#${change.id}`
          send(
            'mutation',
            {
              eventId,
              documentId: change.id,
              transactionId: tx.id,
              transition,
              identity: tx.author,
              ...(includeMutations ? {mutations: change.mutations} : {}),
              previousRev: change.before?._rev,
              // Set for deletes too, as on Sanity: the Studio chains events by previousRev -> resultRev.
              resultRev: tx.id,
              timestamp: tx.timestamp,
              visibility: 'query',
              transactionTotalEvents: events.length,
              transactionCurrentEvent: index + 1,
              ...(includeResult && change.after ? {result: change.after} : {}),
              ...(includePrevious && change.before ? {previous: change.before} : {}),
              ...(mendoza ? {effects: effectsFor(change.before, change.after)} : {}),
            },
            eventId,
          )
        })
      })
      .catch(() => undefined)
  }

  const unsubscribe = store.subscribe(onTransaction)
  const heartbeat = setInterval(() => res.write(':\n\n'), HEARTBEAT_MS)
  const stop = () => {
    unsubscribe()
    clearInterval(heartbeat)
    options.streams.delete(end)
  }
  const end = () => {
    stop()
    if (!res.writableEnded) res.end()
  }
  options.streams.add(end)
  res.on('close', stop)
  send('welcome', {listenerName: randomId()})
}
