// The history API, read from the transaction log: documents as they were at a revision or
// a time, the transactions that touched a set of documents (with mendoza effects), and the
// document events (created, published, unpublished, deleted) the Studio's history shows.
import {applyPatch} from 'mendoza'

import type {Dataset} from '../storage/dataset.ts'
import {isDoc} from '../storage/transactions.ts'
import type {Change, Doc, LogEntry, Transaction} from '../storage/transactions.ts'
import {badRequest} from './errors.ts'
import {isVersionId, publishedId as publishedIdOf, releaseIdOf} from './ids.ts'
import {isUnpublishMarker} from './publishing.ts'

type State = Doc | null

function replay(state: State, entry: LogEntry, id: string): State {
  const effects = entry.effects[id]
  if (!effects) return state
  const next: unknown = applyPatch(state, effects.apply)
  return isDoc(next) ? next : null
}

/** The mutations of a logged transaction that touched `id` (each normalized mutation names one document). */
function mutationsOf(mutations: readonly unknown[], id: string): unknown[] {
  return mutations.filter((raw) => {
    const [body] = Object.values(raw as Record<string, {_id?: unknown; id?: unknown}>)
    return body?._id === id || body?.id === id
  })
}

/**
 * Transaction `id` and every one committed after it, rebuilt from the log with each
 * document's state before and after (worked back from today's documents by the mendoza
 * revert effects), for a listener that resumes from `Last-Event-ID`. Undefined when the log
 * has no such transaction.
 */
export function transactionsFrom(dataset: Dataset, id: string): Transaction[] | undefined {
  const log = dataset.history()
  const start = log.findIndex((entry) => entry.id === id)
  if (start === -1) return undefined
  const state = new Map<string, State>()
  const transactions: Transaction[] = []
  for (let i = log.length - 1; i >= start; i--) {
    const entry = log[i]
    if (!entry) continue
    const changes = entry.documentIds.map((docId): Change => {
      const after = state.has(docId) ? (state.get(docId) ?? null) : (dataset.get(docId) ?? null)
      const effects = entry.effects[docId]
      const reverted: unknown = effects ? applyPatch(after, effects.revert) : after
      const before = isDoc(reverted) ? reverted : null
      state.set(docId, before)
      return {id: docId, before, after, mutations: mutationsOf(entry.mutations, docId)}
    })
    transactions.push({
      id: entry.id,
      timestamp: entry.timestamp,
      author: entry.author,
      mutations: entry.mutations,
      changes,
    })
  }
  return transactions.reverse()
}

export interface DocumentsAtOptions {
  /** A transaction id: each document as it stood right after that transaction. */
  revision?: string | undefined
  /** An ISO date: each document as it stood then. */
  time?: string | undefined
  /** Each document's last existing version, even if it has since been deleted. */
  lastRevision: boolean
}

/**
 * `revision=<transaction id>`: each document as it stood right after that transaction;
 * `time=<ISO date>`: as it stood then; `lastRevision=true`: its last existing version, even
 * if it has since been deleted. Documents that did not exist then are left out.
 */
export function documentsAt(dataset: Dataset, ids: readonly string[], options: DocumentsAtOptions): {documents: Doc[]} {
  const {revision, time, lastRevision: last} = options
  if (!revision && !time && !last) throw badRequest('Give `revision`, `time` or `lastRevision=true`')
  const log = dataset.history()
  let end = log.length
  if (revision) {
    const at = log.findIndex((entry) => entry.id === revision)
    if (at === -1) return {documents: []}
    end = at + 1
  } else if (time) {
    const limit = Date.parse(time)
    if (Number.isNaN(limit)) throw badRequest(`Invalid time: ${time}`)
    end = log.findIndex((entry) => Date.parse(entry.timestamp) > limit)
    if (end === -1) end = log.length
  }
  const documents: Doc[] = []
  for (const id of ids) {
    let state: State = null
    let lastSeen: State = null
    for (let i = 0; i < end; i++) {
      const entry = log[i]
      if (!entry?.effects[id]) continue
      state = replay(state, entry, id)
      if (state) lastSeen = state
    }
    const doc = last ? lastSeen : state
    if (doc) documents.push(doc)
  }
  return {documents}
}

export interface TransactionsOptions {
  /** The first transaction to list (inclusive). */
  fromTransaction?: string | undefined
  /** The last transaction to list (inclusive). */
  toTransaction?: string | undefined
  /** ISO dates bounding the transactions' timestamps (inclusive). */
  fromTime?: string | undefined
  toTime?: string | undefined
  /** Newest first. */
  reverse: boolean
  /** At most this many (after `reverse`); ignored unless a finite number >= 0. */
  limit?: number | undefined
  /** List only the asked-for ids in `documentIDs` (and effects). */
  includeIdentifiedDocumentsOnly: boolean
  /** Leave the mutations out. */
  excludeMutations: boolean
  /** Include each document's mendoza effects. */
  effects: boolean
}

export interface TransactionLine {
  id: string
  timestamp: string
  author: string
  documentIDs: string[]
  mutations?: unknown[]
  effects?: Record<string, unknown>
}

/**
 * The transactions that touched any of `ids`, one object per NDJSON line. `fromTransaction` and
 * `toTransaction` (both inclusive) or `fromTime`/`toTime` bound the range, `reverse` lists
 * it newest first and `limit` then cuts it.
 */
export function transactionsFor(
  dataset: Dataset,
  ids: readonly string[],
  options: TransactionsOptions,
): TransactionLine[] {
  const log = dataset.history()
  const wanted = new Set(ids)
  const indexOf = (name: 'fromTransaction' | 'toTransaction') => {
    const id = options[name]
    if (!id) return undefined
    const at = log.findIndex((entry) => entry.id === id)
    if (at === -1) throw badRequest(`Unknown transaction in \`${name}\`: ${id}`)
    return at
  }
  const from = indexOf('fromTransaction') ?? 0
  const to = indexOf('toTransaction') ?? log.length - 1
  const fromTime = options.fromTime ? Date.parse(options.fromTime) : -Infinity
  const toTime = options.toTime ? Date.parse(options.toTime) : Infinity
  const limit = options.limit ?? Infinity
  const identifiedOnly = options.includeIdentifiedDocumentsOnly
  const withMutations = !options.excludeMutations
  const withEffects = options.effects

  let selected = log
    .slice(from, to + 1)
    .filter((entry) => entry.documentIds.some((id) => wanted.has(id)))
    .filter((entry) => {
      const at = Date.parse(entry.timestamp)
      return at >= fromTime && at <= toTime
    })
  if (options.reverse) selected = selected.reverse()
  if (Number.isFinite(limit) && limit >= 0) selected = selected.slice(0, limit)

  return selected.map((entry) => {
    const documentIDs = identifiedOnly ? entry.documentIds.filter((id) => wanted.has(id)) : entry.documentIds
    return {
      id: entry.id,
      timestamp: entry.timestamp,
      author: entry.author,
      documentIDs,
      ...(withMutations ? {mutations: entry.mutations} : {}),
      ...(withEffects
        ? {
            effects: Object.fromEntries(
              documentIDs.flatMap((id) => (entry.effects[id] ? [[id, entry.effects[id]]] : [])),
            ),
          }
        : {}),
    }
  })
}

export interface DocumentEvent {
  type: string
  documentId: string
  timestamp: string
  author: string
  revisionId?: string
  versionId?: string
  versionRevisionId?: string
  releaseId?: string
  publishCause?: 'document.publish' | 'release.publish'
}

/**
 * What happened to a document, its draft and its release versions, newest first, in the
 * shape of Sanity's events API. Edits to a version are not events: the Studio reads those
 * from the transactions.
 */
function documentEvents(dataset: Dataset, documentId: string): DocumentEvent[] {
  const published = publishedIdOf(documentId)
  const inGroup = (id: string) => id !== published && publishedIdOf(id) === published
  const events: DocumentEvent[] = []
  const states = new Map<string, State>()
  for (const entry of dataset.history()) {
    const versionIds = Object.keys(entry.effects).filter(inGroup)
    if (!entry.effects[published] && versionIds.length === 0) continue
    const before = (id: string) => states.get(id) ?? null
    const after = new Map(versionIds.map((id) => [id, replay(before(id), entry, id)]))
    const pub = before(published)
    const pubAfter = replay(pub, entry, published)
    const base = {documentId: published, timestamp: entry.timestamp, author: entry.author}
    const release = (id: string): {releaseId?: string} => {
      const releaseId = releaseIdOf(id)
      return releaseId === undefined ? {} : {releaseId}
    }
    // The version a publish or unpublish came from: one that existed before and is gone now.
    const consumed = versionIds.filter((id) => before(id) && !after.get(id))
    const source = consumed.find((id) => !isUnpublishMarker(before(id)))
    const marker = consumed.find((id) => isUnpublishMarker(before(id)))
    const handled = new Set<string>()

    if (entry.effects[published] && pubAfter && source) {
      handled.add(source)
      events.push({
        ...base,
        type: 'publishDocumentVersion',
        revisionId: entry.id,
        versionId: source,
        versionRevisionId: before(source)?._rev ?? entry.id,
        ...release(source),
        publishCause: isVersionId(source) ? 'release.publish' : 'document.publish',
      })
    } else if (entry.effects[published] && pub && !pubAfter) {
      const remaining = marker ?? versionIds.find((id) => after.get(id))
      if (remaining) handled.add(remaining)
      events.push(
        remaining
          ? {
              ...base,
              type: 'unpublishDocument',
              versionId: remaining,
              versionRevisionId: entry.id,
              ...release(remaining),
            }
          : {...base, type: 'deleteDocumentGroup'},
      )
    } else if (entry.effects[published] && pubAfter) {
      events.push({...base, type: pub ? 'updateLiveDocument' : 'createLiveDocument', revisionId: entry.id})
    }
    for (const id of versionIds) {
      if (handled.has(id)) continue
      const was = before(id)
      const now = after.get(id) ?? null
      if (!was && now) {
        events.push({
          ...base,
          type: 'createDocumentVersion',
          versionId: id,
          versionRevisionId: entry.id,
          ...release(id),
        })
      } else if (was && !now) {
        events.push({
          ...base,
          type: 'deleteDocumentVersion',
          versionId: id,
          versionRevisionId: was._rev ?? entry.id,
          ...release(id),
        })
      }
    }
    states.set(published, pubAfter)
    for (const [id, state] of after) states.set(id, state)
  }
  return events.reverse()
}

export interface EventsPage {
  /** The offset to start at: a previous answer's `nextCursor`. */
  cursor?: string | undefined
  /** Events per page (default 100). */
  limit?: number | undefined
}

/** GET /data/history/:dataset/events/documents/:id: one page of a document's events. */
export function documentEventsPage(
  dataset: Dataset,
  documentId: string,
  page: EventsPage,
): {events: Record<string, DocumentEvent[]>; nextCursor: string} {
  const all = documentEvents(dataset, documentId)
  const offset = Number(page.cursor || 0) || 0
  const limit = Math.max(1, (page.limit ?? 100) || 100)
  const nextCursor = offset + limit < all.length ? String(offset + limit) : ''
  return {events: {[documentId]: all.slice(offset, offset + limit)}, nextCursor}
}
