// The documents of one dataset in memory, with the indexes the API reads: the committed
// transactions (the history, and their ids so a reused id is refused) and a version that
// changes on every commit, so views derived from the documents can be cached per version.
import type {Change, Doc, LogEntry} from './transactions.ts'

export class DocumentStore {
  #docs: Map<string, Doc>
  #history: LogEntry[]
  #transactionIds: Set<string>
  #version = 0

  constructor(docs: Map<string, Doc>, history: LogEntry[]) {
    this.#docs = docs
    this.#history = history
    this.#transactionIds = new Set(history.map((entry) => entry.id))
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

  get version(): number {
    return this.#version
  }

  /** Every committed transaction, oldest first. */
  history(): readonly LogEntry[] {
    return this.#history
  }

  hasTransaction(id: string): boolean {
    return this.#transactionIds.has(id)
  }

  /** Applies a committed transaction: its changes, and its entry in the history. */
  apply(entry: LogEntry, changes: readonly Change[]): void {
    for (const change of changes) {
      if (change.after) this.#docs.set(change.id, change.after)
      else this.#docs.delete(change.id)
    }
    this.#transactionIds.add(entry.id)
    this.#history.push(entry)
    this.#version++
  }
}
