// What the Sanity Studio asks of the hosted platform besides the data API: who the user is,
// the project and its datasets, access rules, per-user settings, and a few hosted extras
// (telemetry, help, journeys) that only need a harmless answer locally.
import {open, readFile, rename} from 'node:fs/promises'
import path from 'node:path'

import {badRequest} from './errors.ts'

export const EDITOR_NAME = 'Local editor'
export const EDITOR_EMAIL = 'editor@localhost'

const ADMINISTRATOR = {name: 'administrator', title: 'Administrator'}

/** GET /users/me: the one local user, an administrator, when the token is given. */
export function currentUser(userId: string) {
  return {
    id: userId,
    name: EDITOR_NAME,
    email: EDITOR_EMAIL,
    provider: 'local',
    role: ADMINISTRATOR.name,
    roles: [ADMINISTRATOR],
  }
}

/** GET /users/:ids: public profiles, as the Studio shows authors in history and presence. */
export function users(ids: string[], userId: string) {
  return ids.map((id) =>
    id === userId || id === 'me'
      ? {id: userId, displayName: EDITOR_NAME, familyName: null, givenName: null, imageUrl: null, isCurrentUser: true}
      : null,
  )
}

export function project(projectId: string, userId: string) {
  return {
    id: projectId,
    displayName: `${projectId} (local)`,
    studioHost: null,
    organizationId: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    createdAt: '2026-01-01T00:00:00Z',
    metadata: {},
    features: [],
    members: [{id: userId, role: ADMINISTRATOR.name, roles: [ADMINISTRATOR], isCurrentUser: true, isRobot: false}],
  }
}

/** Every permission on every document, as for an administrator. */
export const datasetAcl = [
  {filter: "_id in path('**')", permissions: ['read', 'update', 'create', 'history', 'editHistory', 'manage']},
]

/**
 * Per-user key-value settings (the Studio keeps layout and inspector preferences here),
 * in one JSON file written to a temp file, fsynced and renamed before any answer.
 */
export class KeyValueStore {
  #file: string
  #values: Record<string, unknown> | undefined
  #queue: Promise<unknown> = Promise.resolve()

  constructor(dataDir: string) {
    this.#file = path.join(dataDir, 'keyvalue.json')
  }

  async #load(): Promise<Record<string, unknown>> {
    this.#values ??= await readFile(this.#file, 'utf8').then(
      (text) => JSON.parse(text) as Record<string, unknown>,
      () => ({}),
    )
    return this.#values
  }

  async get(keys: string[]): Promise<{key: string; value: unknown}[]> {
    const values = await this.#load()
    return keys.map((key) => ({key, value: values[key] ?? null}))
  }

  /** Stores `[{key, value}]` pairs; a null value removes the key. */
  set(pairs: unknown): Promise<{key: string; value: unknown}[]> {
    const list = Array.isArray(pairs) ? pairs : [pairs]
    const valid = list.every(
      (pair): pair is {key: string; value: unknown} =>
        typeof pair === 'object' && pair !== null && typeof (pair as {key?: unknown}).key === 'string',
    )
    if (!valid || list.length === 0) throw badRequest('Body must be a list of {key, value} pairs')
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
