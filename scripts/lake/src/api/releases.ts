// The release actions of the Actions API. A release is a `system.release` document at
// `_.releases.<releaseId>`; its documents are the versions `versions.<releaseId>.*`. Each
// action moves the release between states (active, scheduled, published, archived) and is
// part of its request's transaction, so publishing a release writes every version's published
// document, deletes the versions and marks the release published all at once, or not at all.
import {isDeepStrictEqual} from 'node:util'

import type {Dataset} from '../storage/dataset.ts'
import type {Doc, Transaction} from '../storage/transactions.ts'
import {actionError, isObject, objectField, stringField} from './actionInput.ts'
import type {Json} from './actionInput.ts'
import {badRequest} from './errors.ts'
import {documentsAt} from './history.ts'
import {isValidId, isVersionIn, publishedId as publishedIdOf, releaseDocumentId} from './ids.ts'
import {contentOf, isUnpublishMarker, publishedFrom} from './publishing.ts'
import {Stage} from './stage.ts'

export const RELEASE_TYPE = 'system.release'
const RELEASE_TYPES = ['asap', 'scheduled', 'undecided']
const PREFIX = 'sanity.action.release.'

/** The states each action starts from; the lake moves between them in one step. */
const FROM = {
  edit: ['active', 'scheduled'],
  schedule: ['active'],
  unschedule: ['scheduled'],
  publish: ['active'],
  archive: ['active'],
  unarchive: ['archived'],
  delete: ['archived', 'published'],
} as const

type Verb = keyof typeof FROM | 'create'

export const isReleaseAction = (type: unknown): type is string => typeof type === 'string' && type.startsWith(PREFIX)

const isVerb = (verb: string): verb is Verb => verb === 'create' || verb in FROM

export async function applyReleaseAction(stage: Stage, action: Json, index: number): Promise<void> {
  const verb = String(action.actionType).slice(PREFIX.length)
  if (!isVerb(verb)) {
    throw badRequest(`Action ${String(index)}: unsupported actionType ${JSON.stringify(action.actionType)}`)
  }
  const releaseId = stringField(action, 'releaseId', index)
  const id = releaseDocumentId(releaseId)
  if (verb === 'create') return createRelease(stage, releaseId, action, index)

  const release = stage.current(id)
  if (!release) throw actionError(index, `Release "${releaseId}" does not exist`)
  const allowed: readonly string[] = FROM[verb]
  if (!allowed.includes(String(release.state))) {
    // The Studio's dry runs ask whether the editor may take an action at all (for a scheduled
    // release it asks about publishing and archiving too); the lake's one editor may.
    if (stage.dryRun) return
    throw actionError(
      index,
      `Cannot ${verb} release "${releaseId}": it is ${String(release.state)}, and only a release that is ${allowed.join(' or ')} can be`,
    )
  }
  switch (verb) {
    case 'edit':
      return editRelease(stage, release, objectField(action, 'patch', index), index)
    case 'schedule': {
      const publishAt = Date.parse(stringField(action, 'publishAt', index))
      if (Number.isNaN(publishAt)) throw badRequest(`Action ${String(index)}: \`publishAt\` must be an ISO date`)
      // The Studio asks whether the editor may schedule with a dry run for the moment it asks,
      // which is past by the time it arrives; only a real schedule must be in the future.
      if (publishAt <= Date.now() && !stage.dryRun) {
        throw actionError(index, `Cannot schedule release "${releaseId}" in the past`, 400)
      }
      return updateRelease(
        stage,
        release,
        {state: 'scheduled', publishAt: new Date(publishAt).toISOString(), error: undefined},
        index,
      )
    }
    case 'unschedule':
      return updateRelease(stage, release, {state: 'active', publishAt: undefined}, index)
    case 'publish':
      return publishVersions(stage, release, index)
    case 'archive': {
      const versions = versionsOf(stage, releaseId)
      for (const version of versions) await stage.run({delete: {id: version._id}}, index)
      return updateRelease(stage, release, {state: 'archived', finalDocumentStates: finalStates(versions)}, index)
    }
    case 'unarchive': {
      // The versions come back as they were when the release was archived, from the history.
      const ids = finalDocumentIds(release)
      const {documents} = documentsAt(stage.dataset, ids, {lastRevision: true})
      for (const doc of documents) {
        if (!stage.current(doc._id)) await stage.run({create: contentOf(doc, doc._id)}, index)
      }
      return updateRelease(stage, release, {state: 'active', finalDocumentStates: undefined}, index)
    }
    case 'delete': {
      for (const version of versionsOf(stage, releaseId)) await stage.run({delete: {id: version._id}}, index)
      await stage.run({delete: {id: release._id}}, index)
      return
    }
  }
}

async function createRelease(stage: Stage, releaseId: string, action: Json, index: number): Promise<void> {
  const id = releaseDocumentId(releaseId)
  if (releaseId.includes('.') || !isValidId(id)) {
    throw badRequest(`Action ${String(index)}: "${releaseId}" is not a valid release id (letters, digits, _ and -)`)
  }
  if (stage.current(id)) throw actionError(index, `Release "${releaseId}" already exists`)
  const metadata = action.metadata === undefined ? {} : objectField(action, 'metadata', index)
  const release = {
    _id: id,
    _type: RELEASE_TYPE,
    name: releaseId,
    state: 'active',
    metadata: {...metadata, releaseType: metadata.releaseType ?? 'undecided'},
  }
  checkMetadata(release, index)
  await stage.run({create: release}, index)
}

/** What an edit may change: the metadata (title, description, release type, intended time). */
async function editRelease(stage: Stage, release: Doc, patch: Json, index: number): Promise<void> {
  await stage.run({patch: {...patch, id: release._id}}, index)
  const edited = stage.current(release._id)
  if (!edited || !isDeepStrictEqual(fixedFields(release), fixedFields(edited))) {
    throw badRequest(`Action ${String(index)}: only a release's \`metadata\` can be edited`)
  }
  checkMetadata(edited, index)
}

/** The fields of a release document no edit may change. */
function fixedFields(release: Doc): Json {
  const {metadata: _m, _rev: _r, _updatedAt: _u, ...fixed} = release
  return fixed
}

function checkMetadata(release: Json, index: number): void {
  const metadata = release.metadata
  if (!isObject(metadata) || !RELEASE_TYPES.includes(String(metadata.releaseType))) {
    throw badRequest(`Action ${String(index)}: \`metadata.releaseType\` must be one of ${RELEASE_TYPES.join(', ')}`)
  }
  const intended = metadata.intendedPublishAt
  if (intended !== undefined && (typeof intended !== 'string' || Number.isNaN(Date.parse(intended)))) {
    throw badRequest(`Action ${String(index)}: \`metadata.intendedPublishAt\` must be an ISO date`)
  }
}

/** Sets (or, with `undefined`, removes) top-level fields of the release document. */
async function updateRelease(stage: Stage, release: Doc, fields: Json, index: number): Promise<void> {
  const merged = Object.entries({...release, ...fields}).filter(([, value]) => value !== undefined)
  await stage.run({createOrReplace: Object.fromEntries(merged)}, index)
}

const versionsOf = (stage: Stage, releaseId: string) =>
  stage
    .documents()
    .filter((doc) => isVersionIn(releaseId, doc._id))
    .sort((a, b) => a._id.localeCompare(b._id))

const finalStates = (versions: readonly Doc[]) => versions.map((version) => ({id: version._id}))

function finalDocumentIds(release: Doc): string[] {
  const states = Array.isArray(release.finalDocumentStates) ? release.finalDocumentStates : []
  return states.flatMap((state: unknown) => (isObject(state) && typeof state.id === 'string' ? [state.id] : []))
}

/**
 * Every version of the release becomes its published document (or, marked `_system.delete`,
 * unpublishes it), the versions are deleted and the release is marked published, in the
 * stage's one transaction. Any check that fails (such as deleting a document that others
 * still reference) fails the whole transaction, so none of the versions is published.
 */
async function publishVersions(stage: Stage, release: Doc, index: number): Promise<void> {
  const versions = versionsOf(stage, String(release.name))
  for (const version of versions) {
    const publishedId = publishedIdOf(version._id)
    const published = stage.current(publishedId)
    if (!isUnpublishMarker(version))
      await stage.run({createOrReplace: publishedFrom(version, publishedId, published)}, index)
    else if (published) await stage.run({delete: {id: publishedId}}, index)
    await stage.run({delete: {id: version._id}}, index)
  }
  await updateRelease(
    stage,
    release,
    {
      state: 'published',
      publishAt: undefined,
      publishedAt: new Date().toISOString(),
      finalDocumentStates: finalStates(versions),
      error: undefined,
    },
    index,
  )
}

/**
 * Publishes a scheduled release whose time has come, as its own transaction in the write
 * queue. The state is read inside the queue, so a release is published once however often
 * this is called; anything else (unscheduled meanwhile, not yet due) answers undefined.
 */
export function publishScheduledRelease(
  dataset: Dataset,
  releaseId: string,
  author: string,
): Promise<Transaction | undefined> {
  return dataset.enqueue(async () => {
    const stage = new Stage(dataset, {author})
    const release = stage.current(releaseDocumentId(releaseId))
    if (!release || release.state !== 'scheduled' || !isDue(release, Date.now())) return undefined
    await publishVersions(stage, release, 0)
    return (await stage.commit()).transaction
  })
}

/**
 * A scheduled release that could not be published goes back to active with the reason in
 * `error.message` (which the Studio shows), rather than being tried again and again.
 */
export function failScheduledRelease(dataset: Dataset, releaseId: string, message: string, author: string) {
  return dataset.enqueue(async () => {
    const stage = new Stage(dataset, {author})
    const release = stage.current(releaseDocumentId(releaseId))
    if (release?.state !== 'scheduled') return
    await updateRelease(stage, release, {state: 'active', publishAt: undefined, error: {message}}, 0)
    await stage.commit()
  })
}

/** When a scheduled release is due, in ms since the epoch. */
export const publishTime = (release: Doc) =>
  typeof release.publishAt === 'string' ? Date.parse(release.publishAt) : Number.NaN

export const isDue = (release: Doc, now: number) => publishTime(release) <= now
