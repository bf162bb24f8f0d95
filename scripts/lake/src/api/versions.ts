// The version actions of the Actions API: a document's version in a release
// (`versions.<releaseId>.<documentId>`, or its draft) is created from given content or copied from a base
// document, replaced, or marked to unpublish the document when its release is published.
// (Discarding a version is `sanity.action.document.version.discard`, in actions.ts.)
import type {Doc} from '../storage/transactions.ts'
import {actionError, isObject, objectField, stringField} from './actionInput.ts'
import type {Json} from './actionInput.ts'
import {badRequest} from './errors.ts'
import {isPublishedLayerId, publishedId as publishedIdOf, releaseDocumentId, releaseIdOf} from './ids.ts'
import {contentOf} from './publishing.ts'
import type {Stage} from './stage.ts'

const VERSION_ACTIONS = new Set([
  'sanity.action.document.version.create',
  'sanity.action.document.version.replace',
  'sanity.action.document.version.unpublish',
])

export const isVersionAction = (type: unknown): type is string => typeof type === 'string' && VERSION_ACTIONS.has(type)

export async function applyVersionAction(stage: Stage, action: Json, index: number): Promise<void> {
  switch (action.actionType) {
    case 'sanity.action.document.version.create': {
      const publishedId = stringField(action, 'publishedId', index)
      if (action.document !== undefined) {
        const document = versionDocument(objectField(action, 'document', index), index)
        checkVersionOf(document._id, publishedId, index)
        checkReleaseOpen(stage, document._id, index)
        if (stage.current(document._id)) throw actionError(index, `Version "${document._id}" already exists`)
        await stage.run({create: document}, index)
        return
      }
      const baseId = stringField(action, 'baseId', index)
      const versionId = stringField(action, 'versionId', index)
      checkVersionOf(versionId, publishedId, index)
      checkReleaseOpen(stage, versionId, index)
      if (stage.current(versionId)) throw actionError(index, `Version "${versionId}" already exists`)
      const base = stage.current(baseId)
      if (!base) throw actionError(index, `Cannot create "${versionId}": its base document "${baseId}" does not exist`)
      if (typeof action.ifBaseRevisionId === 'string' && action.ifBaseRevisionId !== base._rev) {
        throw actionError(
          index,
          `Base document "${baseId}" has revision "${String(base._rev)}", expected "${action.ifBaseRevisionId}"`,
        )
      }
      await stage.run({create: contentOf(base, versionId)}, index)
      return
    }
    case 'sanity.action.document.version.replace': {
      const document = versionDocument(objectField(action, 'document', index), index)
      checkReleaseOpen(stage, document._id, index)
      if (!stage.current(document._id)) throw actionError(index, `Cannot replace "${document._id}": it does not exist`)
      await stage.run({createOrReplace: document}, index)
      return
    }
    case 'sanity.action.document.version.unpublish': {
      const versionId = stringField(action, 'versionId', index)
      const publishedId = stringField(action, 'publishedId', index)
      checkVersionOf(versionId, publishedId, index)
      checkReleaseOpen(stage, versionId, index)
      const published = stage.current(publishedId)
      if (!published) throw actionError(index, `Cannot unpublish "${publishedId}": it is not published`)
      // The version stays (as it was, or as a copy of the published document) and is marked,
      // as the Studio reads it: `_system.delete` unpublishes the document with the release.
      const version = stage.current(versionId) ?? contentOf(published, versionId)
      const system = isObject(version._system) ? version._system : {}
      await stage.run({createOrReplace: {...version, _system: {...system, delete: true}}}, index)
      return
    }
    default:
      throw badRequest(`Action ${String(index)}: unsupported actionType ${JSON.stringify(action.actionType)}`)
  }
}

function versionDocument(document: Json, index: number): Doc {
  const id = document._id
  if (typeof id !== 'string' || isPublishedLayerId(id) || releaseIdOf(id) === '') {
    throw badRequest(
      `Action ${String(index)}: \`document._id\` must be a version id (versions.<releaseId>.<documentId>, or a draft id)`,
    )
  }
  if (typeof document._type !== 'string' || document._type === '') {
    throw badRequest(`Action ${String(index)}: \`document\` must have a _type`)
  }
  return {...document, _id: id, _type: document._type}
}

function checkVersionOf(versionId: string, publishedId: string, index: number): void {
  if (isPublishedLayerId(versionId) || publishedIdOf(versionId) !== publishedId) {
    throw badRequest(`Action ${String(index)}: ${versionId} is not a version of ${publishedId}`)
  }
}

/**
 * A release's documents change only while it is active: a scheduled release is locked (as on
 * Sanity, unschedule it first), and a published or archived one is done. A version whose
 * release document does not exist is an unattached version, which Sanity allows.
 */
export function checkReleaseOpen(stage: Stage, versionId: string, index: number): void {
  const releaseId = releaseIdOf(versionId)
  if (releaseId === undefined) return
  const release = stage.current(releaseDocumentId(releaseId))
  if (release && release.state !== 'active') {
    throw actionError(
      index,
      `Release "${releaseId}" is ${String(release.state)}: its documents can change only while it is active`,
    )
  }
}
