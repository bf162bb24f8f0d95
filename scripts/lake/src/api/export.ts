// GET /data/export: every document, asset documents included, for @sanity/export. With a
// cursor it pages in id order, as the export's cursor mode expects.
import type {Dataset} from '../storage/dataset.ts'
import type {Doc} from '../storage/transactions.ts'
import {datasetView} from './query.ts'

const EXPORT_PAGE = 1000

export interface ExportOptions {
  /** Only these types, when given and not empty. */
  types: readonly string[] | undefined
  /** Absent: everything at once. Empty: the first page. Otherwise the last id of the previous page. */
  cursor: string | undefined
  authenticated: boolean
}

export interface ExportPage {
  documents: Doc[]
  /** Where the next page starts; absent on the last page (and without a cursor). */
  nextCursor: string | undefined
}

export function exportDocuments(dataset: Dataset, options: ExportOptions): ExportPage {
  const {types, cursor} = options
  let documents = datasetView(dataset, 'raw', options.authenticated)
  if (types?.length) documents = documents.filter((doc) => types.includes(doc._type))
  let nextCursor: string | undefined
  if (cursor !== undefined) {
    documents = [...documents]
      .sort((a, b) => (a._id < b._id ? -1 : 1))
      .filter((doc) => cursor === '' || doc._id > cursor)
    if (documents.length > EXPORT_PAGE) {
      documents = documents.slice(0, EXPORT_PAGE)
      nextCursor = documents.at(-1)?._id
    }
  }
  return {documents, nextCursor}
}
