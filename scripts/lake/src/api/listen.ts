// GET /data/listen: the events a listener receives, as Sanity sends them. A `welcome` first,
// then one `mutation` per document a transaction touched that matches the listener's filter
// before or after the change. The HTTP layer writes them as server-sent events.
import type {Dataset} from '../storage/dataset.ts'
import {effectsFor} from '../storage/transactions.ts'
import type {Change, Doc, Effects, Transaction} from '../storage/transactions.ts'
import {transactionsFrom} from './history.ts'
import {isPublicId, isVersionId, randomId} from './ids.ts'
import {matchesFilter, parseQueryOrThrow} from './query.ts'

export interface ListenOptions {
  /** The GROQ filter, e.g. `*[_type == "faq"]`. */
  query: string
  params: Record<string, unknown>
  /** Whether the caller gave the token: without it drafts and versions are never seen. */
  authenticated: boolean
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  includeAllVersions: boolean
  /** Include mendoza effects in each event. */
  effects: boolean
  /**
   * The last event a reconnecting listener received (the `Last-Event-ID` header): the events
   * it missed since are sent first, so a dropped connection or a lake restart loses none.
   */
  lastEventId?: string | undefined
}

export interface MutationEvent {
  eventId: string
  documentId: string
  transactionId: string
  transition: 'update' | 'appear' | 'disappear'
  identity: string
  mutations?: unknown[]
  previousRev: string | undefined
  resultRev: string
  timestamp: string
  visibility: 'query'
  transactionTotalEvents: number
  transactionCurrentEvent: number
  result?: Doc
  previous?: Doc
  effects?: Effects
}

type MutationListenEvent = {type: 'mutation'; id: string; data: MutationEvent}
export type ListenEvent =
  | {type: 'welcome'; data: {listenerName: string} | Record<string, never>}
  | MutationListenEvent
  | {type: 'restart'; id: string; data: {id: string}}

export interface Listener {
  /**
   * Sends `welcome`, then the events of every later commit, in commit order, until the
   * returned function is called. `onError` hears of an event that could not be worked out.
   */
  start(emit: (event: ListenEvent) => void, onError: (err: unknown) => void): () => void
}

/** A listener on `dataset`; throws on a bad filter, before anything is sent. */
export function listen(dataset: Dataset, options: ListenOptions): Listener {
  const {params, authenticated} = options
  const tree = parseQueryOrThrow(options.query, params)

  const visible = (change: Change) =>
    (authenticated || isPublicId(change.id)) && (options.includeAllVersions || !isVersionId(change.id))

  async function eventsFor(tx: Transaction): Promise<MutationListenEvent[]> {
    const matching: {change: Change; transition: MutationEvent['transition']}[] = []
    for (const change of tx.changes.filter(visible)) {
      const before = await matchesFilter(tree, params, change.before)
      const after = await matchesFilter(tree, params, change.after)
      if (!before && !after) continue
      matching.push({change, transition: before && after ? 'update' : after ? 'appear' : 'disappear'})
    }
    return matching.map(({change, transition}, index) => {
      const eventId = `${tx.id}#${change.id}`
      const data: MutationEvent = {
        eventId,
        documentId: change.id,
        transactionId: tx.id,
        transition,
        identity: tx.author,
        ...(options.includeMutations ? {mutations: change.mutations} : {}),
        previousRev: change.before?._rev,
        // Set for deletes too, as on Sanity: the Studio chains events by previousRev -> resultRev.
        resultRev: tx.id,
        timestamp: tx.timestamp,
        visibility: 'query',
        transactionTotalEvents: matching.length,
        transactionCurrentEvent: index + 1,
        ...(options.includeResult && change.after ? {result: change.after} : {}),
        ...(options.includePreviousRevision && change.before ? {previous: change.before} : {}),
        ...(options.effects ? {effects: effectsFor(change.before, change.after)} : {}),
      }
      return {type: 'mutation', id: eventId, data}
    })
  }

  return {
    start(emit, onError) {
      // Events are worked out asynchronously (GROQ); the chain keeps them in commit order,
      // and one that fails is reported without stopping the ones after it.
      let chain = Promise.resolve()
      const send = (tx: Transaction, after?: string) => {
        chain = chain
          .then(async () => {
            let events = await eventsFor(tx)
            // Resuming inside a transaction: only its events after the last one received.
            if (after !== undefined) events = events.slice(events.findIndex((event) => event.id === after) + 1)
            for (const event of events) emit(event)
          })
          .catch(onError)
      }
      emit({type: 'welcome', data: {listenerName: randomId()}})
      // The missed transactions are read from the log and the live ones subscribed to in
      // one synchronous step, so none falls between the two or comes twice.
      const {lastEventId} = options
      if (lastEventId) {
        const missed = transactionsFrom(dataset, lastEventId.split('#')[0] ?? '') ?? []
        for (const [index, tx] of missed.entries()) send(tx, index === 0 ? lastEventId : undefined)
      }
      return dataset.subscribe((tx) => {
        send(tx)
      })
    },
  }
}

/**
 * GET /data/live/events: the Live Content API's stream. Sanity tags query results with sync
 * tags and names the ones a change touches; the lake tags nothing, so it sends `restart`
 * (refetch everything) for every commit, which Sanity's clients handle the same way.
 */
export function liveEvents(dataset: Dataset): Listener {
  return {
    start(emit) {
      emit({type: 'welcome', data: {}})
      return dataset.subscribe((tx) => {
        emit({type: 'restart', id: tx.id, data: {id: tx.id}})
      })
    },
  }
}
