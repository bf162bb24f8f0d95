// What a draft or a release version becomes when it is published.
import type {Doc} from '../storage/transactions.ts'
import {isObject} from './actionInput.ts'

/** A release version marked (by the unpublish version action) to unpublish its document. */
export const isUnpublishMarker = (doc: Doc | null) => isObject(doc?._system) && doc._system.delete === true

/** A document's content under another id: its own _rev and _updatedAt do not carry over. */
export function contentOf(doc: Doc, id: string): Doc {
  const {_rev: _r, _updatedAt: _u, ...rest} = doc
  return {...rest, _id: id}
}

/** The published document a draft or version becomes, keeping the published `_createdAt`. */
export function publishedFrom(source: Doc, publishedId: string, published: Doc | null): Doc {
  const {_system: _s, ...content} = contentOf(source, publishedId)
  const value = strengthenReferences(content)
  if (published?._createdAt) value._createdAt = published._createdAt
  return value
}

/** The document with its `_strengthenOnPublish` references made strong. */
function strengthenReferences(doc: Doc): Doc {
  const strengthened: Doc = {...doc}
  for (const [key, value] of Object.entries(doc)) strengthened[key] = strengthenOnPublish(value)
  return strengthened
}

/** References marked `_strengthenOnPublish` (made weak while the target was a draft) become strong. */
function strengthenOnPublish(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strengthenOnPublish)
  if (!isObject(value)) return value
  if (typeof value._ref === 'string' && isObject(value._strengthenOnPublish)) {
    const {_strengthenOnPublish: options, _weak: weak, ...rest} = value
    return options.weak ? {...rest, _weak: weak} : rest
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, strengthenOnPublish(item)]))
}
