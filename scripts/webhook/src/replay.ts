// Remembers which webhook deliveries were already accepted, so a repeat is refused.

export interface ReplayStore {
  /** Records `key` and says whether it is new; false means it was seen within its lifetime. */
  claim(key: string, now: number): boolean | Promise<boolean>
  /** Forgets `key`, so a delivery that could not be handled can be retried. */
  release(key: string): void | Promise<void>
}

/**
 * In-process memory: right for one long-running receiver. Serverless platforms run many
 * short-lived copies, so there a store shared between them (a KV store) belongs here.
 */
export class MemoryReplayStore implements ReplayStore {
  readonly #seen = new Map<string, number>()
  readonly #ttlMs: number
  readonly #maxEntries: number

  /** A retried delivery can come long after the first, hence a day by default; bounded in size either way. */
  constructor({ttlMs = 24 * 60 * 60 * 1000, maxEntries = 10_000}: {ttlMs?: number; maxEntries?: number} = {}) {
    this.#ttlMs = ttlMs
    this.#maxEntries = maxEntries
  }

  claim(key: string, now: number): boolean {
    this.#prune(now)
    const expires = this.#seen.get(key)
    if (expires !== undefined && expires > now) return false
    this.#seen.delete(key)
    this.#seen.set(key, now + this.#ttlMs)
    return true
  }

  release(key: string): void {
    this.#seen.delete(key)
  }

  #prune(now: number) {
    // Insertion order is expiry order (one TTL for all), so the stale ones are at the front.
    for (const [key, expires] of this.#seen) {
      if (expires > now && this.#seen.size < this.#maxEntries) break
      this.#seen.delete(key)
    }
  }
}
