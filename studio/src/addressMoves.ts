import {routablePaths, type PublishedAddresses} from '@itss/schemas/redirects'

/** A published document whose address a publish changes. */
export interface AddressMove {
  id: string
  /** Its address now, which a redirect should keep working. */
  from: string
  /** Its address once the draft is published. */
  to: string
}

/** What of a draft decides its address: its slug and, for a page, its parent. */
export interface AddressFields {
  slug: string | null
  parentId: string | null
}

/**
 * The published documents whose address changes when the draft of `id` is published: the
 * document itself and, for a page, every page under it (their addresses start with its own).
 * A document never published before has no old address to keep.
 */
export function addressMoves(published: PublishedAddresses, id: string, draft: AddressFields): AddressMove[] {
  const before = routablePaths(published)
  const after = routablePaths({
    ...published,
    documents: published.documents.map((doc) => (doc._id === id ? {...doc, ...draft} : doc)),
  })
  return [...before].flatMap(([docId, from]) => {
    const to = after.get(docId)
    return to !== undefined && to !== from ? [{id: docId, from, to}] : []
  })
}
