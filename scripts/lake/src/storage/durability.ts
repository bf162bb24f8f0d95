// What makes a dataset survive a crash: an append-only transaction log, fsynced before a
// write is acknowledged, and a snapshot of every document that records how far into the log
// it reaches, so recovery replays only the tail. The log is never truncated: it is the
// document history.
import {mkdir, open, readFile, rename, rm, stat, truncate} from 'node:fs/promises'
import type {FileHandle} from 'node:fs/promises'
import path from 'node:path'

import {applyPatch} from 'mendoza'

import {orWhenMissing} from './fileErrors.ts'
import {isDoc, isLogEntry} from './transactions.ts'
import type {Doc, LogEntry} from './transactions.ts'

const SNAPSHOT = 'snapshot.ndjson'
const LOG = 'transactions.ndjson'

/** The append end of transactions.ndjson. */
export class TransactionLog {
  readonly path: string
  #file: FileHandle
  #size: number
  /** Set when a failed append could not be undone: appending after it would be unreadable. */
  #broken: Error | undefined

  private constructor(file: string, handle: FileHandle, size: number) {
    this.path = file
    this.#file = handle
    this.#size = size
  }

  static async open(file: string, size: number): Promise<TransactionLog> {
    return new TransactionLog(file, await open(file, 'a'), size)
  }

  /** Bytes of whole entries in the log; a snapshot records it as the point it reaches. */
  get size(): number {
    return this.#size
  }

  /** Appends one entry and fsyncs it: once this resolves, the entry survives a crash. */
  async append(entry: LogEntry): Promise<void> {
    if (this.#broken) throw this.#broken
    const line = Buffer.from(`${JSON.stringify(entry)}\n`)
    try {
      const {bytesWritten} = await this.#file.write(line)
      if (bytesWritten !== line.length) throw new Error(`Short write to ${this.path}`)
      await this.#file.datasync()
    } catch (err) {
      await this.#undoPartialAppend(err)
      throw err
    }
    this.#size += line.length
  }

  /**
   * Cuts a failed append off again, so the next entry does not follow a torn line (which a
   * restart would read as the end of the log, dropping every entry after it).
   */
  async #undoPartialAppend(cause: unknown): Promise<void> {
    try {
      await this.#file.truncate(this.#size)
      await this.#file.datasync()
    } catch {
      this.#broken = new Error(`Transaction log ${this.path} could not be repaired after a failed write`, {cause})
    }
  }

  async close(): Promise<void> {
    await this.#file.close()
  }
}

/** A dataset as recovered from disk. */
export interface Recovered {
  docs: Map<string, Doc>
  /** Every entry in the log, oldest first. */
  history: LogEntry[]
  log: TransactionLog
  /** How many log entries were applied on top of the snapshot. */
  replayed: number
}

/** Loads the snapshot, replays the log past it and opens the log for appending. */
export async function recover(dir: string): Promise<Recovered> {
  await mkdir(dir, {recursive: true})
  const {docs, logOffset} = await readSnapshot(dir)

  const logPath = path.join(dir, LOG)
  const {entries, validLength} = await readLog(logPath)
  // Drop a torn last line (the process died mid-append) so new lines are not glued to it.
  const size = await stat(logPath).then((s) => s.size, orWhenMissing(0))
  if (size > validLength) await truncate(logPath, validLength)

  let replayed = 0
  for (const {entry, end} of entries) {
    if (end <= logOffset) continue
    replayed++
    for (const [id, effects] of Object.entries(entry.effects)) {
      const next: unknown = applyPatch(docs.get(id) ?? null, effects.apply)
      if (isDoc(next)) docs.set(id, next)
      else docs.delete(id)
    }
  }
  return {
    docs,
    history: entries.map(({entry}) => entry),
    log: await TransactionLog.open(logPath, validLength),
    replayed,
  }
}

async function readSnapshot(dir: string): Promise<{docs: Map<string, Doc>; logOffset: number}> {
  const docs = new Map<string, Doc>()
  const file = path.join(dir, SNAPSHOT)
  const text = await readFile(file, 'utf8').catch(orWhenMissing(null))
  if (text === null) return {docs, logOffset: 0}
  const [header, ...lines] = text.split('\n').filter(Boolean)
  const parsed: unknown = JSON.parse(header ?? '{}')
  const logOffset =
    typeof parsed === 'object' && parsed !== null && 'logOffset' in parsed && typeof parsed.logOffset === 'number'
      ? parsed.logOffset
      : 0
  for (const line of lines) {
    const doc: unknown = JSON.parse(line)
    if (!isDoc(doc)) throw new Error(`Snapshot ${file} holds something that is not a document: ${line.slice(0, 80)}`)
    docs.set(doc._id, doc)
  }
  return {docs, logOffset}
}

/** Reads the log, stopping at the first line that is incomplete or unparsable. */
async function readLog(logPath: string): Promise<{entries: {entry: LogEntry; end: number}[]; validLength: number}> {
  // Only a missing log is an empty one: reading it as empty on any other error would cut the
  // whole history off below.
  const data = await readFile(logPath).catch(orWhenMissing(Buffer.alloc(0)))
  const entries: {entry: LogEntry; end: number}[] = []
  let start = 0
  while (start < data.length) {
    const newline = data.indexOf(10, start)
    if (newline === -1) break
    const entry = parseEntry(data.subarray(start, newline).toString('utf8'))
    if (!entry) {
      if (data.indexOf(10, newline + 1) !== -1) {
        throw new Error(`Transaction log ${logPath} is corrupt at byte ${String(start)}`)
      }
      break
    }
    entries.push({entry, end: newline + 1})
    start = newline + 1
  }
  return {entries, validLength: start}
}

function parseEntry(line: string): LogEntry | undefined {
  try {
    const value: unknown = JSON.parse(line)
    return isLogEntry(value) ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * Writes every document to a temp file, fsyncs it and renames it over the old snapshot, so a
 * failure at any point leaves the previous snapshot (and the log) as they were.
 */
export async function writeSnapshot(dir: string, docs: Iterable<Doc>, logOffset: number): Promise<void> {
  const target = path.join(dir, SNAPSHOT)
  const temp = `${target}.tmp`
  const file = await open(temp, 'w')
  try {
    const header = {format: 'lake-snapshot', logOffset, createdAt: new Date().toISOString()}
    let chunk = `${JSON.stringify(header)}\n`
    for (const doc of docs) {
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
  await syncDir(dir)
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
