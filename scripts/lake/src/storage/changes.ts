// Tells subscribers of each committed transaction, in commit order. A subscriber that throws
// is reported and skipped: the transaction is already durable, so it must not fail the write.
export class ChangeFeed<T> {
  #subscribers = new Set<(value: T) => void>()
  #report: (err: unknown) => void

  constructor(report: (err: unknown) => void) {
    this.#report = report
  }

  subscribe(subscriber: (value: T) => void): () => void {
    this.#subscribers.add(subscriber)
    return () => this.#subscribers.delete(subscriber)
  }

  publish(value: T): void {
    for (const subscriber of this.#subscribers) {
      try {
        subscriber(value)
      } catch (err) {
        this.#report(err)
      }
    }
  }

  clear(): void {
    this.#subscribers.clear()
  }
}
