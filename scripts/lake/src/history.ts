// The history API, read from the transaction log: documents as they were at a revision or
// a time, the transactions that touched a set of documents (with mendoza effects), and the
// document events (created, published, unpublished, deleted) the Studio's history shows.
import {applyPatch} from 'mendoza'

import {badRequest} from './errors.ts'
import {publishedId as publishedIdOf} from './ids.ts'
import type {DatasetStore, Doc, LogEntry} from './store.ts'

type State = Doc | null

function replay(state: State, entry: LogEntry, id: string): State {
  const effects = entry.effects[id]
  return effects ? (applyPatch(state, effects.apply) as State) : state
}

/**
 * `revision=<transaction id>`: each document as it stood right after that transaction;
 * `time=<ISO date>`: as it stood then; `lastRevision=true`: its last existing version, even
 * if it has since been deleted. Documents that did not exist then are left out.
 */
export function documentsAt(store: DatasetStore, ids: string[], search: URLSearchParams): Doc[] {
  const revision = search.get('revision')
  const time = search.get('time')
  const last = search.get('lastRevision') === 'true'
  if (!revision && !time && !last) throw badRequest('Give `revision`, `time` or `lastRevision=true`')
  const log = store.history()
  let end = log.length
  if (revision) {
    const at = log.findIndex((entry) => entry.id === revision)
    if (at === -1) return []
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
  return documents
}

const flag = (search: URLSearchParams, name: string) => search.get(name) === 'true' || search.get(name) === '1'

/**
 * The transactions that touched any of `ids`, one object per NDJSON line. `fromTransaction` and
 * `toTransaction` (both inclusive) or `fromTime`/`toTime` bound the range, `reverse` lists
 * it newest first and `limit` then cuts it.
 */
export function transactionsFor(store: DatasetStore, ids: string[], search: URLSearchParams): unknown[] {
  const log = store.history()
  const wanted = new Set(ids)
  const indexOf = (name: string) => {
    const id = search.get(name)
    if (!id) return undefined
    const at = log.findIndex((entry) => entry.id === id)
    if (at === -1) throw badRequest(`Unknown transaction in \`${name}\`: ${id}`)
    return at
  }
  const from = indexOf('fromTransaction') ?? 0
  const to = indexOf('toTransaction') ?? log.length - 1
  const fromTime = search.get('fromTime') ? Date.parse(search.get('fromTime') ?? '') : -Infinity
  const toTime = search.get('toTime') ? Date.parse(search.get('toTime') ?? '') : Infinity
  const limit = Number(search.get('limit') ?? Infinity)
  const identifiedOnly = flag(search, 'includeIdentifiedDocumentsOnly')
  const withMutations = !flag(search, 'excludeMutations') && !flag(search, 'excludeContent')
  const withEffects = search.get('effectFormat') === 'mendoza'

  let selected = log
    .slice(from, to + 1)
    .filter((entry) => entry.documentIds.some((id) => wanted.has(id)))
    .filter((entry) => {
      const at = Date.parse(entry.timestamp)
      return at >= fromTime && at <= toTime
    })
  if (flag(search, 'reverse')) selected = selected.reverse()
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
}

/**
 * What happened to a document and its draft, newest first, in the shape of Sanity's events
 * API. Edits to the draft are not events: the Studio reads those from the transactions.
 */
export function documentEvents(store: DatasetStore, documentId: string): DocumentEvent[] {
  const published = publishedIdOf(documentId)
  const draft = `drafts.${published}`
  const events: DocumentEvent[] = []
  let pub: State = null
  let drf: State = null
  for (const entry of store.history()) {
    if (!entry.effects[published] && !entry.effects[draft]) continue
    const pubAfter = replay(pub, entry, published)
    const drfAfter = replay(drf, entry, draft)
    const base = {documentId: published, timestamp: entry.timestamp, author: entry.author}
    const pubChanged = Boolean(entry.effects[published])
    const drfChanged = Boolean(entry.effects[draft])
    if (pubChanged && pubAfter && drfChanged && drf && !drfAfter) {
      events.push({
        ...base,
        type: 'publishDocumentVersion',
        revisionId: entry.id,
        versionId: draft,
        versionRevisionId: drf._rev ?? entry.id,
      })
    } else if (pubChanged && pub && !pubAfter) {
      events.push(
        drfAfter ? {...base, type: 'unpublishDocument', versionId: draft} : {...base, type: 'deleteDocumentGroup'},
      )
    } else {
      if (pubChanged && pubAfter) {
        events.push({...base, type: pub ? 'updateLiveDocument' : 'createLiveDocument', revisionId: entry.id})
      }
      if (drfChanged && !drf && drfAfter) {
        events.push({...base, type: 'createDocumentVersion', versionId: draft, versionRevisionId: entry.id})
      } else if (drfChanged && drf && !drfAfter) {
        events.push({...base, type: 'deleteDocumentVersion', versionId: draft, versionRevisionId: drf._rev ?? entry.id})
      }
    }
    pub = pubAfter
    drf = drfAfter
  }
  return events.reverse()
}
