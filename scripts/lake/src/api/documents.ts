// Documents by id (GET /data/doc), and the cross-dataset references the Studio asks about.
import type {Dataset} from '../storage/dataset.ts'
import type {Doc} from '../storage/transactions.ts'
import {isPublicId} from './ids.ts'

export interface DocumentsAnswer {
  documents: Doc[]
  omitted: {id: string; reason: 'existence' | 'permission'}[]
}

/** The documents asked for; drafts and versions are omitted for callers without the token. */
export function documentsById(dataset: Dataset, ids: readonly string[], authenticated: boolean): DocumentsAnswer {
  const answer: DocumentsAnswer = {documents: [], omitted: []}
  for (const id of ids) {
    const doc = dataset.get(id)
    if (!authenticated && !isPublicId(id)) answer.omitted.push({id, reason: 'permission'})
    else if (doc) answer.documents.push(doc)
    else answer.omitted.push({id, reason: 'existence'})
  }
  return answer
}

/** References to a document from other datasets: there are no other datasets locally. */
export const crossDatasetReferences = () => ({totalCount: 0, references: []})
