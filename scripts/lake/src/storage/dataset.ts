// One dataset: its documents in memory, made durable by the transaction log and snapshots,
// with every write serialized through one queue and each commit announced to subscribers.
import {ChangeFeed} from './changes.ts'
import {DocumentStore} from './documents.ts'
import {recover, writeSnapshot} from './durability.ts'
import type {TransactionLog} from './durability.ts'
import {logEntryFor} from './transactions.ts'
import type {Doc, LogEntry, Transaction} from './transactions.ts'

export interface DatasetOptions {
  /** Where failures that no request is waiting for (a background snapshot) are reported. */
  log: (line: string) => void
  /** Transactions between snapshots; default 500. */
  snapshotEvery?: number | undefined
}

const SNAPSHOT_EVERY = 500

const describeError = (err: unknown) => (err instanceof Error ? (err.stack ?? err.message) : String(err))

export class Dataset {
  readonly name: string
  readonly dir: string
  #documents: DocumentStore
  #log: TransactionLog
  #changes: ChangeFeed<Transaction>
  #report: (line: string) => void
  #snapshotEvery: number
  #sinceSnapshot = 0
  #queue: Promise<unknown> = Promise.resolve()
  #closed: Promise<void> | undefined

  private constructor(
    name: string,
    dir: string,
    documents: DocumentStore,
    log: TransactionLog,
    options: DatasetOptions,
  ) {
    this.name = name
    this.dir = dir
    this.#documents = documents
    this.#log = log
    this.#report = options.log
    this.#snapshotEvery = options.snapshotEvery ?? SNAPSHOT_EVERY
    this.#changes = new ChangeFeed((err) => {
      options.log(`lake: a listener on ${name} failed: ${describeError(err)}`)
    })
  }

  static async open(name: string, dir: string, options: DatasetOptions): Promise<Dataset> {
    const {docs, history, log, replayed} = await recover(dir)
    const dataset = new Dataset(name, dir, new DocumentStore(docs, history), log, options)
    if (replayed > 0) {
      try {
        await dataset.#snapshot()
      } catch (err) {
        await log.close()
        throw err
      }
    }
    return dataset
  }

  get(id: string): Doc | undefined {
    return this.#documents.get(id)
  }

  documents(): IterableIterator<Doc> {
    return this.#documents.documents()
  }

  get size(): number {
    return this.#documents.size
  }

  /** Changes on every commit, so derived views can be cached per version. */
  get version(): number {
    return this.#documents.version
  }

  /** Every committed transaction, oldest first. */
  history(): readonly LogEntry[] {
    return this.#documents.history()
  }

  hasTransaction(id: string): boolean {
    return this.#documents.hasTransaction(id)
  }

  /** Runs `task` after every earlier write, so writers never interleave. */
  enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    if (this.#closed) return Promise.reject(new Error(`Dataset ${this.name} is closed`))
    return this.#run(task)
  }

  #run<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.#queue.then(task)
    // The queue goes on after a failed task; the failure itself reaches the task's caller.
    this.#queue = run.catch(() => undefined)
    return run
  }

  /** Durably logs a transaction, then applies and announces it. Call only from inside `enqueue`. */
  async commit(tx: Transaction): Promise<void> {
    const entry = logEntryFor(tx)
    await this.#log.append(entry)
    this.#documents.apply(entry, tx.changes)
    this.#changes.publish(tx)

    if (++this.#sinceSnapshot >= this.#snapshotEvery) {
      this.#sinceSnapshot = 0
      // Off the write's path: the log already holds every acknowledged write, so a failed
      // snapshot loses nothing (a restart replays more of the log). It is reported, and
      // tried again after the next `snapshotEvery` transactions.
      void this.#run(() => (this.#closed ? undefined : this.#snapshot())).catch((err: unknown) => {
        this.#report(`lake: snapshot of dataset ${this.name} failed: ${describeError(err)}`)
      })
    }
  }

  subscribe(subscriber: (tx: Transaction) => void): () => void {
    return this.#changes.subscribe(subscriber)
  }

  /** Refuses new writes, waits for queued ones, snapshots and closes the log. */
  close(): Promise<void> {
    this.#closed ??= this.#run(async () => {
      try {
        await this.#snapshot()
      } finally {
        this.#changes.clear()
        await this.#log.close()
      }
    })
    return this.#closed
  }

  async #snapshot(): Promise<void> {
    await writeSnapshot(this.dir, this.#documents.documents(), this.#log.size)
    this.#sinceSnapshot = 0
  }
}
