// What the Sanity Studio asks of the hosted platform besides the data API: who the user is,
// the project and its datasets, access rules, per-user settings, and a few hosted extras
// (telemetry, help, journeys) that only need a harmless answer locally.
import type {KeyValuePair, KeyValueStore} from '../storage/keyValues.ts'
import {badRequest, notFound} from './errors.ts'

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

/**
 * GET /users/:ids: public profiles, as the Studio shows authors in history and presence;
 * one profile for one id, a list (null for strangers) for several.
 */
export function users(ids: readonly string[], userId: string) {
  const profiles = ids.map((id) =>
    id === userId || id === 'me'
      ? {id: userId, displayName: EDITOR_NAME, familyName: null, givenName: null, imageUrl: null, isCurrentUser: true}
      : null,
  )
  return profiles.length === 1 ? profiles[0] : profiles
}

/** GET /projects/:projectId: the project, with the one user as its administrator. */
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

/** Refuses any project but the one served. */
export function checkProject(asked: string, projectId: string): void {
  if (asked !== projectId) throw notFound(`Project "${asked}" not found`)
}

/** GET /projects/:projectId/datasets; the comments add-on dataset does not exist here. */
export function datasetList(names: Iterable<string>, profile: string | undefined) {
  if (profile === 'comments') return []
  return [...names].map((name) => ({name, aclMode: 'public'}))
}

export const ADMINISTRATOR_ROLES = [ADMINISTRATOR]

/** The Studio's per-user settings: `[{key, value}]` for each key, null when unset. */
export function readSettings(store: KeyValueStore, keys: readonly string[]): Promise<KeyValuePair[]> {
  return store.get(keys)
}

const isPair = (value: unknown): value is KeyValuePair =>
  typeof value === 'object' && value !== null && 'key' in value && typeof value.key === 'string'

/** Stores `[{key, value}]` pairs (or one pair); a null value removes the key. */
export function writeSettings(store: KeyValueStore, pairs: unknown): Promise<KeyValuePair[]> {
  const list: unknown[] = Array.isArray(pairs) ? pairs : [pairs]
  if (list.length === 0 || !list.every(isPair)) throw badRequest('Body must be a list of {key, value} pairs')
  return store.set(list)
}

/**
 * The project features the Studio switches its releases UI on by: content releases, and
 * scheduled drafts (one-document releases, `singleDocRelease`).
 */
export const FEATURES = ['contentReleases', 'singleDocRelease']

/**
 * GET /projects/:projectId/new-content-release-allowed: the Studio checks it before it creates
 * a release. There is no release limit here, and no organisation counting releases across projects.
 */
export const releaseLimits = {
  data: {datasetReleaseLimit: Number.MAX_SAFE_INTEGER, orgActiveReleaseLimit: null, orgMeteredActiveReleaseCount: 0},
}

/**
 * GET /subscriptions/project/:projectId: the plan. The Studio reads only how long a finished
 * release is kept; the lake keeps its whole history, so there is no retention limit to show.
 */
export const subscriptions = {
  featureTypes: {retention: {features: [{attributes: {maxRetentionDays: null}}]}},
}

/** Hosted services the Studio reaches for; locally they answer, harmlessly. */
export const hostedExtras = {
  telemetryStatus: {status: 'denied'},
  /** Telemetry batches are read and dropped: nothing leaves this machine. */
  telemetryBatch: {},
  announcements: [],
  journey: {},
  help: {},
  access: [],
  grants: {},
  userApplications: [],
} as const
