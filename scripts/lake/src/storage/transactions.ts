// What a dataset holds and how it changes: documents, the transactions that change them, and
// the line a transaction becomes in the log (with mendoza effects, which the history reads).

export interface Doc {
  _id: string
  _type: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  [key: string]: unknown
}

/** Mendoza patches that turn the previous version into the next and back. */
export interface Effects {
  apply: unknown[]
  revert: unknown[]
}

/** One line of transactions.ndjson. */
export interface LogEntry {
  id: string
  timestamp: string
  author: string
  mutations: unknown[]
  documentIds: string[]
  effects: Record<string, Effects>
}

export interface Change {
  id: string
  before: Doc | null
  after: Doc | null
  /** The mutations of the transaction that touched this document. */
  mutations: unknown[]
}

export interface Transaction {
  id: string
  timestamp: string
  author: string
  mutations: unknown[]
  changes: Change[]
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const isDoc = (value: unknown): value is Doc =>
  isRecord(value) && typeof value._id === 'string' && typeof value._type === 'string'

const isEffects = (value: unknown): value is Effects =>
  isRecord(value) && Array.isArray(value.apply) && Array.isArray(value.revert)

export const isLogEntry = (value: unknown): value is LogEntry =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.timestamp === 'string' &&
  typeof value.author === 'string' &&
  Array.isArray(value.mutations) &&
  Array.isArray(value.documentIds) &&
  isRecord(value.effects) &&
  Object.values(value.effects).every(isEffects)

// Whole-document replacement is a valid mendoza patch (op 0 = "output this value"),
// and what the Studio is known to accept from the listener.
export const effectsFor = (before: Doc | null, after: Doc | null): Effects => ({
  apply: [0, after],
  revert: [0, before],
})

export function logEntryFor(tx: Transaction): LogEntry {
  const effects: Record<string, Effects> = {}
  for (const change of tx.changes) effects[change.id] = effectsFor(change.before, change.after)
  return {
    id: tx.id,
    timestamp: tx.timestamp,
    author: tx.author,
    mutations: tx.mutations,
    documentIds: tx.changes.map((change) => change.id),
    effects,
  }
}
