// One dataset: documents in memory, made durable by an append-only transaction log
// (fsynced before a write is acknowledged) plus a compacted snapshot. The log is never
// truncated, since it is the document history; the snapshot records how far into the
// log it reaches, so a start replays only the tail.
import {mkdir, open, readFile, rename, rm, stat, truncate} from 'node:fs/promises'
import type {FileHandle} from 'node:fs/promises'
import path from 'node:path'

import {applyPatch} from 'mendoza'

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

const SNAPSHOT = 'snapshot.ndjson'
const LOG = 'transactions.ndjson'
const SNAPSHOT_EVERY = 500

// Whole-document replacement is a valid mendoza patch (op 0 = "output this value"),
// and what the Studio is known to accept from the listener.
export const effectsFor = (before: Doc | null, after: Doc | null): Effects => ({
  apply: [0, after],
  revert: [0, before],
})

export class DatasetStore {
  readonly name: string
  readonly dir: string
  /** Bumped on every commit, so derived views can be cached per version. */
  version = 0
  #docs = new Map<string, Doc>()
  #log: FileHandle
  #logSize: number
  #transactionIds = new Set<string>()
  /** The whole log, oldest first, for the history endpoints. */
  #entries: LogEntry[] = []
  #sinceSnapshot = 0
  #queue: Promise<unknown> = Promise.resolve()
  #subscribers = new Set<(tx: Transaction) => void>()
  #closed = false

  private constructor(name: string, dir: string, log: FileHandle, logSize: number) {
    this.name = name
    this.dir = dir
    this.#log = log
    this.#logSize = logSize
  }

  static async open(name: string, dir: string): Promise<DatasetStore> {
    await mkdir(dir, {recursive: true})
    const docs = new Map<string, Doc>()
    let logOffset = 0
    const snapshot = await readFile(path.join(dir, SNAPSHOT), 'utf8').catch(() => null)
    if (snapshot !== null) {
      const [header, ...lines] = snapshot.split('\n').filter(Boolean)
      logOffset = (JSON.parse(header ?? '{}') as {logOffset?: number}).logOffset ?? 0
      for (const line of lines) {
        const doc = JSON.parse(line) as Doc
        docs.set(doc._id, doc)
      }
    }

    const logPath = path.join(dir, LOG)
    const {entries, validLength} = await readLog(logPath)
    // Drop a torn last line (the process died mid-append) so new lines are not glued to it.
    const size = await stat(logPath).then(
      (s) => s.size,
      () => 0,
    )
    if (size > validLength) await truncate(logPath, validLength)

    const transactionIds = new Set<string>()
    let replayed = 0
    for (const {entry, end} of entries) {
      transactionIds.add(entry.id)
      if (end <= logOffset) continue
      replayed++
      for (const [id, effects] of Object.entries(entry.effects)) {
        const next = applyPatch(docs.get(id) ?? null, effects.apply) as Doc | null
        if (next) docs.set(id, next)
        else docs.delete(id)
      }
    }

    const store = new DatasetStore(name, dir, await open(logPath, 'a'), validLength)
    store.#docs = docs
    store.#transactionIds = transactionIds
    store.#entries = entries.map(({entry}) => entry)
    if (replayed > 0) await store.#snapshot()
    return store
  }

  get(id: string): Doc | undefined {
    return this.#docs.get(id)
  }

  documents(): IterableIterator<Doc> {
    return this.#docs.values()
  }

  get size(): number {
    return this.#docs.size
  }

  /** Every committed transaction, oldest first. */
  history(): readonly LogEntry[] {
    return this.#entries
  }

  hasTransaction(id: string): boolean {
    return this.#transactionIds.has(id)
  }

  /** Runs `task` after every earlier write, so writers never interleave. */
  enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    if (this.#closed) return Promise.reject(new Error(`Dataset ${this.name} is closed`))
    const run = this.#queue.then(task)
    this.#queue = run.catch(() => undefined)
    return run
  }

  /** Durably logs a transaction, then applies it. Call only from inside `enqueue`. */
  async commit(tx: Transaction): Promise<void> {
    const effects: Record<string, Effects> = {}
    for (const change of tx.changes) effects[change.id] = effectsFor(change.before, change.after)
    const entry: LogEntry = {
      id: tx.id,
      timestamp: tx.timestamp,
      author: tx.author,
      mutations: tx.mutations,
      documentIds: tx.changes.map((change) => change.id),
      effects,
    }
    const line = Buffer.from(`${JSON.stringify(entry)}\n`)
    await this.#log.write(line)
    await this.#log.datasync()
    this.#logSize += line.length

    for (const change of tx.changes) {
      if (change.after) this.#docs.set(change.id, change.after)
      else this.#docs.delete(change.id)
    }
    this.#transactionIds.add(tx.id)
    this.#entries.push(entry)
    this.version++
    for (const subscriber of this.#subscribers) subscriber(tx)

    if (++this.#sinceSnapshot >= SNAPSHOT_EVERY) this.enqueue(() => this.#snapshot()).catch(() => undefined)
  }

  subscribe(subscriber: (tx: Transaction) => void): () => void {
    this.#subscribers.add(subscriber)
    return () => this.#subscribers.delete(subscriber)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    await this.enqueue(() => this.#snapshot())
    this.#closed = true
    this.#subscribers.clear()
    await this.#log.close()
  }

  /** Writes every document to a temp file, fsyncs it and renames it over the old snapshot. */
  async #snapshot(): Promise<void> {
    const target = path.join(this.dir, SNAPSHOT)
    const temp = `${target}.tmp`
    const file = await open(temp, 'w')
    try {
      const header = {format: 'lake-snapshot', logOffset: this.#logSize, createdAt: new Date().toISOString()}
      let chunk = `${JSON.stringify(header)}\n`
      for (const doc of this.#docs.values()) {
        chunk += `${JSON.stringify(doc)}\n`
        if (chunk.length > 1 << 20) {
          await file.write(chunk)
          chunk = ''
        }
      }
      await file.write(chunk)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temp, target)
    await syncDir(this.dir)
    this.#sinceSnapshot = 0
  }
}

/** Reads the log, stopping at the first line that is incomplete or unparsable. */
async function readLog(logPath: string): Promise<{entries: {entry: LogEntry; end: number}[]; validLength: number}> {
  const data = await readFile(logPath).catch(() => Buffer.alloc(0))
  const entries: {entry: LogEntry; end: number}[] = []
  let start = 0
  while (start < data.length) {
    const newline = data.indexOf(10, start)
    if (newline === -1) break
    try {
      entries.push({entry: JSON.parse(data.subarray(start, newline).toString('utf8')) as LogEntry, end: newline + 1})
    } catch {
      if (data.indexOf(10, newline + 1) !== -1) {
        throw new Error(`Transaction log ${logPath} is corrupt at byte ${start}`)
      }
      break
    }
    start = newline + 1
  }
  return {entries, validLength: start}
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Removes a dataset's documents and history (for `reset`). */
export async function removeDatasetFiles(dir: string): Promise<void> {
  await rm(dir, {recursive: true, force: true})
}
