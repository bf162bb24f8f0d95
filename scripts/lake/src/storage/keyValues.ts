// The Studio's per-user key-value settings (layout and inspector preferences), in one JSON
// file written to a temp file, fsynced and renamed before any answer.
import {open, readFile, rename} from 'node:fs/promises'
import path from 'node:path'

import {orWhenMissing} from './fileErrors.ts'

export interface KeyValuePair {
  key: string
  value: unknown
}

export class KeyValueStore {
  #file: string
  #values: Record<string, unknown> | undefined
  #queue: Promise<unknown> = Promise.resolve()

  constructor(dataDir: string) {
    this.#file = path.join(dataDir, 'keyvalue.json')
  }

  async #load(): Promise<Record<string, unknown>> {
    this.#values ??= await readFile(this.#file, 'utf8').then(
      (text): Record<string, unknown> => {
        const parsed: unknown = JSON.parse(text)
        return typeof parsed === 'object' && parsed !== null ? {...parsed} : {}
      },
      // Only a missing file is no settings: on any other error, writing would lose them.
      orWhenMissing({}),
    )
    return this.#values
  }

  async get(keys: readonly string[]): Promise<KeyValuePair[]> {
    const values = await this.#load()
    return keys.map((key) => ({key, value: values[key] ?? null}))
  }

  /** Stores the pairs, fsynced before it resolves; a null value removes the key. */
  set(list: readonly KeyValuePair[]): Promise<KeyValuePair[]> {
    const run = this.#queue.then(async () => {
      const values = new Map(Object.entries(await this.#load()))
      for (const {key, value} of list) {
        if (value === null || value === undefined) values.delete(key)
        else values.set(key, value)
      }
      const next = Object.fromEntries(values)
      const temp = `${this.#file}.tmp`
      const handle = await open(temp, 'w')
      try {
        await handle.writeFile(JSON.stringify(next))
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, this.#file)
      this.#values = next
      return list.map(({key, value}) => ({key, value: value ?? null}))
    })
    this.#queue = run.catch(() => undefined)
    return run
  }
}
