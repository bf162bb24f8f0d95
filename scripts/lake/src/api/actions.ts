// POST /data/actions/:dataset: Sanity's Actions API, which the Studio uses for every edit,
// publish, unpublish, delete and discard of a document, and for releases and their versions
// (releases.ts, versions.ts). Each request is one transaction: its actions become mutations
// on one Stage, so a publish writes the published document and deletes the draft atomically,
// and the listener sees one transaction with `_rev` equal to its id.
import type {Dataset} from '../storage/dataset.ts'
import {actionError, isObject, stringField} from './actionInput.ts'
import type {Json} from './actionInput.ts'
import {badRequest} from './errors.ts'
import {isPublishedLayerId, publishedId as publishedIdOf} from './ids.ts'
import {contentOf, publishedFrom} from './publishing.ts'
import {applyReleaseAction, isReleaseAction} from './releases.ts'
import {Stage} from './stage.ts'
import {applyVersionAction, checkReleaseOpen, isVersionAction} from './versions.ts'

export interface ActionOptions {
  author: string
  transactionId?: string | undefined
  dryRun?: boolean | undefined
}

/** One action, `{actionType, ...}`; its fields are checked when it is applied. */
export type Action = Json

export const ACTIONS_EXPECTED = '`actions` must be an action or a list of them'

/** `actions` as the request gives them: one action or a list of them. */
export function actionList(actions: unknown): Action[] {
  const list: unknown[] = Array.isArray(actions) ? actions : [actions]
  if (list.length === 0 || !list.every(isObject)) throw badRequest(ACTIONS_EXPECTED)
  return list
}

/** POST /data/actions: the actions as one transaction, serialized with every other write. */
export async function runActions(
  dataset: Dataset,
  actions: readonly Action[],
  options: ActionOptions,
): Promise<{transactionId: string}> {
  if (actions.length === 0) throw badRequest(ACTIONS_EXPECTED)
  const {transaction} = await dataset.enqueue(async () => {
    const stage = new Stage(dataset, options)
    for (const [index, action] of actions.entries()) await apply(stage, action, index)
    return stage.commit()
  })
  return {transactionId: transaction.id}
}

async function apply(stage: Stage, action: Json, index: number): Promise<void> {
  const type = action.actionType
  switch (type) {
    case 'sanity.action.document.create': {
      const attributes = action.attributes
      if (!isObject(attributes) || typeof attributes._type !== 'string') {
        throw badRequest(`Action ${String(index)}: \`attributes\` must be a document with a _type`)
      }
      const publishedId = stringField(action, 'publishedId', index)
      const id = typeof attributes._id === 'string' ? attributes._id : `drafts.${publishedId}`
      if (publishedIdOf(id) !== publishedId)
        throw badRequest(`Action ${String(index)}: ${id} is not a version of ${publishedId}`)
      if (stage.current(id)) {
        if (action.ifExists === 'ignore') return
        throw actionError(index, `Document "${id}" already exists`)
      }
      await stage.run({create: {...attributes, _id: id}}, index)
      return
    }
    case 'sanity.action.document.edit': {
      const draftId = stringField(action, 'draftId', index)
      const publishedId = stringField(action, 'publishedId', index)
      if (!isObject(action.patch)) throw badRequest(`Action ${String(index)}: \`patch\` must be an object`)
      checkReleaseOpen(stage, draftId, index)
      if (!stage.current(draftId)) {
        // The Studio edits a published document by patching a draft it expects us to create.
        const published = stage.current(publishedId)
        if (!published)
          throw actionError(index, `Cannot edit "${publishedId}": it has neither a draft nor a published version`)
        await stage.run({create: contentOf(published, draftId)}, index)
      }
      await stage.run({patch: {...action.patch, id: draftId}}, index)
      return
    }
    case 'sanity.action.document.publish': {
      const draftId = stringField(action, 'draftId', index)
      const publishedId = stringField(action, 'publishedId', index)
      const draft = stage.current(draftId)
      const published = stage.current(publishedId)
      if (!draft) throw actionError(index, `Cannot publish "${publishedId}": there is no draft "${draftId}"`)
      if (typeof action.ifDraftRevisionId === 'string' && action.ifDraftRevisionId !== draft._rev) {
        throw actionError(
          index,
          `Draft "${draftId}" has revision "${String(draft._rev)}", expected "${action.ifDraftRevisionId}"`,
        )
      }
      if (typeof action.ifPublishedRevisionId === 'string' && action.ifPublishedRevisionId !== published?._rev) {
        throw actionError(
          index,
          `Published document "${publishedId}" has revision "${published?._rev ?? '(none)'}", expected "${action.ifPublishedRevisionId}"`,
        )
      }
      await stage.run({createOrReplace: publishedFrom(draft, publishedId, published)}, index)
      await stage.run({delete: {id: draftId}}, index)
      return
    }
    case 'sanity.action.document.unpublish': {
      const draftId = stringField(action, 'draftId', index)
      const publishedId = stringField(action, 'publishedId', index)
      const published = stage.current(publishedId)
      if (!published) throw actionError(index, `Cannot unpublish "${publishedId}": it is not published`)
      // The content stays as a draft, as in the Studio's own unpublish.
      if (!stage.current(draftId)) await stage.run({create: contentOf(published, draftId)}, index)
      await stage.run({delete: {id: publishedId}}, index)
      return
    }
    case 'sanity.action.document.delete': {
      const publishedId = stringField(action, 'publishedId', index)
      const drafts = Array.isArray(action.includeDrafts) ? action.includeDrafts : []
      if (!drafts.every((id): id is string => typeof id === 'string' && publishedIdOf(id) === publishedId)) {
        throw badRequest(`Action ${String(index)}: \`includeDrafts\` must list versions of ${publishedId}`)
      }
      if (!stage.current(publishedId) && !drafts.some((id) => stage.current(id))) {
        throw actionError(index, `Cannot delete "${publishedId}": it does not exist`)
      }
      for (const id of [publishedId, ...drafts]) await stage.run({delete: {id}}, index)
      return
    }
    case 'sanity.action.document.discard':
    case 'sanity.action.document.version.discard': {
      const id = stringField(action, type === 'sanity.action.document.discard' ? 'draftId' : 'versionId', index)
      if (isPublishedLayerId(id)) throw badRequest(`Action ${String(index)}: "${id}" is not a draft or version id`)
      checkReleaseOpen(stage, id, index)
      if (!stage.current(id)) throw actionError(index, `Cannot discard "${id}": it does not exist`)
      await stage.run({delete: {id}}, index)
      return
    }
    case 'sanity.action.document.replaceDraft': {
      const publishedId = stringField(action, 'publishedId', index)
      const attributes = action.attributes
      if (!isObject(attributes) || typeof attributes._type !== 'string') {
        throw badRequest(`Action ${String(index)}: \`attributes\` must be a document with a _type`)
      }
      const id = typeof attributes._id === 'string' ? attributes._id : `drafts.${publishedId}`
      if (publishedIdOf(id) !== publishedId)
        throw badRequest(`Action ${String(index)}: ${id} is not a version of ${publishedId}`)
      await stage.run({createOrReplace: {...attributes, _id: id}}, index)
      return
    }
    default:
      if (isReleaseAction(type)) return applyReleaseAction(stage, action, index)
      if (isVersionAction(type)) return applyVersionAction(stage, action, index)
      throw badRequest(`Action ${String(index)}: unsupported actionType ${JSON.stringify(type)}`)
  }
}
