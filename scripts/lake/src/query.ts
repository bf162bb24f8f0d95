// GROQ over a dataset through groq-js, with Sanity's perspectives applied first.
import {evaluate, GroqSyntaxError, parse} from 'groq-js'
import type {ExprNode} from 'groq-js'

import {API_VERSION} from '@itss/schemas/api'

import {badRequest, queryParseError} from './errors.ts'
import {isPublicId, publishedId} from './ids.ts'
import type {DatasetStore, Doc} from './store.ts'

/**
 * `raw` sees every document. Anything else is a stack of layers, highest first, ending in
 * `published`: each document appears once, as the highest layer that has a version of it,
 * under its published id with `_originalId` naming the document it came from.
 */
export type Perspective = 'raw' | string[]

/**
 * The API version in the path (`v1`, `vX`, or a date) sets the default: `published` from the
 * version the project pins on (Sanity changed the default there), `raw` before it.
 */
export function parsePerspective(value: string | null, apiVersion: string): Perspective {
  if (value === null || value === '')
    return apiVersion === 'vX' || apiVersion >= `v${API_VERSION}` ? ['published'] : 'raw'
  if (value === 'raw') return 'raw'
  const layers = value.split(',').map((layer) => (layer === 'previewDrafts' ? 'drafts' : layer.trim()))
  if (layers.includes('raw')) throw badRequest('The raw perspective cannot be combined with others')
  return layers.includes('published') ? layers : [...layers, 'published']
}

function layerId(layer: string, id: string): string {
  if (layer === 'published') return id
  if (layer === 'drafts') return `drafts.${id}`
  return `versions.${layer}.${id}`
}

/** The documents a perspective shows; without a token only public documents exist. */
export function perspectiveView(docs: Iterable<Doc>, perspective: Perspective, authenticated: boolean): Doc[] {
  const visible = [...docs].filter((doc) => authenticated || isPublicId(doc._id))
  if (perspective === 'raw') return visible
  if (perspective.length === 1) return visible.filter((doc) => isPublicId(doc._id))

  const byId = new Map(visible.map((doc) => [doc._id, doc]))
  const view: Doc[] = []
  const seen = new Set<string>()
  for (const doc of visible) {
    const id = publishedId(doc._id)
    if (seen.has(id)) continue
    seen.add(id)
    for (const layer of perspective) {
      const found = byId.get(layerId(layer, id))
      if (found) {
        view.push({...found, _id: id, _originalId: found._id})
        break
      }
    }
  }
  return view
}

const viewCache = new WeakMap<DatasetStore, {version: number; views: Map<string, Doc[]>}>()

/** perspectiveView, cached until the store's next write. */
export function storeView(store: DatasetStore, perspective: Perspective, authenticated: boolean): Doc[] {
  let cached = viewCache.get(store)
  if (!cached || cached.version !== store.version) {
    cached = {version: store.version, views: new Map()}
    viewCache.set(store, cached)
  }
  const key = `${perspective === 'raw' ? 'raw' : perspective.join(',')}|${authenticated}`
  let view = cached.views.get(key)
  if (!view) {
    view = perspectiveView(store.documents(), perspective, authenticated)
    cached.views.set(key, view)
  }
  return view
}

export interface QueryContext {
  projectId: string
  dataset: string
  identity?: string
}

export async function runQuery(
  query: string,
  params: Record<string, unknown>,
  docs: Doc[],
  context: QueryContext,
): Promise<unknown> {
  const tree = parseQueryOrThrow(query, params)
  try {
    const value = await evaluate(tree, {
      dataset: docs,
      params,
      identity: context.identity ?? '',
      sanity: {projectId: context.projectId, dataset: context.dataset},
    })
    return await value.get()
  } catch (err) {
    throw queryParseError(query, err instanceof Error ? err.message : String(err), 0, query.length)
  }
}

export function parseQueryOrThrow(query: string, params: Record<string, unknown>): ExprNode {
  try {
    return parse(query, {params})
  } catch (err) {
    const position = err instanceof GroqSyntaxError ? err.position : 0
    const end = err instanceof GroqSyntaxError ? position + 1 : query.length
    throw queryParseError(query, err instanceof Error ? err.message : String(err), position, end)
  }
}

/** The ids of the documents a query (e.g. `*[_type == "faq"]`) selects. */
export async function selectIds(query: string, params: Record<string, unknown>, docs: Doc[]): Promise<string[]> {
  const result = await runQuery(query, params, docs, {projectId: '', dataset: ''})
  const items = Array.isArray(result) ? result : [result]
  return items.flatMap((item) =>
    typeof item === 'object' && item !== null && typeof (item as Doc)._id === 'string' ? [(item as Doc)._id] : [],
  )
}

/** Whether a single document matches a listener's filter query. */
export async function matchesFilter(
  tree: ExprNode,
  params: Record<string, unknown>,
  doc: Doc | null,
): Promise<boolean> {
  if (!doc) return false
  try {
    const result = await (await evaluate(tree, {dataset: [doc], params})).get()
    return Array.isArray(result) ? result.length > 0 : Boolean(result)
  } catch {
    return false
  }
}
