// A transaction being built: mutations (create, createOrReplace, createIfNotExists, delete,
// patch) apply to staged copies of the documents they touch, and nothing reaches the dataset
// unless every one succeeds. Both /data/mutate and the Actions API build on it.
import {Mutation} from '@sanity/mutator'
import type {Mut} from '@sanity/mutator'

import type {Dataset} from '../storage/dataset.ts'
import type {Doc, Transaction} from '../storage/transactions.ts'
import {ApiError, badRequest, mutationError} from './errors.ts'
import {docTimestamp, isPublicId, isValidId, randomId} from './ids.ts'
import {selectIds} from './query.ts'

export interface MutationResult {
  id: string
  operation: 'create' | 'update' | 'delete' | 'none'
}

export interface MutateOptions {
  author: string
  transactionId?: string | undefined
  autoGenerateArrayKeys?: boolean | undefined
  dryRun?: boolean | undefined
}

export interface Committed {
  transaction: Transaction
  results: MutationResult[]
}

type Json = Record<string, unknown>

const PATCH_OPS = ['set', 'setIfMissing', 'unset', 'inc', 'dec', 'insert', 'diffMatchPatch'] as const

/**
 * A transaction being built: mutations apply to staged copies of the documents they touch,
 * and nothing reaches the dataset until `commit`. Use only inside `dataset.enqueue`, so the
 * state it reads cannot change underneath it.
 */
export class Stage {
  readonly id: string
  readonly results: MutationResult[] = []
  #dataset: Dataset
  #options: MutateOptions
  #now = new Date()
  #staged = new Map<string, Doc | null>()
  #perDoc = new Map<string, Mut[]>()
  #keepTimestamps = new Set<string>()
  #normalized: Mut[] = []

  constructor(dataset: Dataset, options: MutateOptions) {
    this.#dataset = dataset
    this.#options = options
    this.id = options.transactionId ?? randomId()
    if (dataset.hasTransaction(this.id)) {
      throw new ApiError(409, 'conflict', `Transaction ID "${this.id}" has already been used`)
    }
  }

  /** Whether this transaction is only checked, never committed. */
  get dryRun(): boolean {
    return this.#options.dryRun === true
  }

  /** The dataset this transaction will commit to. */
  get dataset(): Dataset {
    return this.#dataset
  }

  /** A document as this transaction sees it so far. */
  current(id: string): Doc | null {
    return this.#staged.has(id) ? (this.#staged.get(id) ?? null) : (this.#dataset.get(id) ?? null)
  }

  #record(id: string, mut: Mut, next: Doc | null, operation: MutationResult['operation']): void {
    this.results.push({id, operation})
    if (operation === 'none') return
    this.#staged.set(id, next)
    this.#perDoc.set(id, [...(this.#perDoc.get(id) ?? []), mut])
    this.#normalized.push(mut)
  }

  /** Every document as this transaction sees it so far. */
  documents(): Doc[] {
    const all = new Map<string, Doc>()
    for (const doc of this.#dataset.documents()) all.set(doc._id, doc)
    for (const [id, doc] of this.#staged) {
      if (doc) all.set(id, doc)
      else all.delete(id)
    }
    return [...all.values()]
  }

  /** Applies one mutation (`{create: {...}}`, `{patch: {...}}`, ...) to the staged state. */
  async run(raw: unknown, index: number): Promise<void> {
    if (!isObject(raw) || Object.keys(raw).length !== 1) {
      throw badRequest(`Mutation ${String(index)} must be an object with exactly one operation`)
    }
    const [[kind, body] = ['', undefined]] = Object.entries(raw)
    if (!isObject(body)) throw badRequest(`Mutation ${String(index)} (${kind}) must have an object body`)

    switch (kind) {
      case 'create':
      case 'createOrReplace':
      case 'createIfNotExists': {
        const doc = newDocument(body, kind, index)
        const existing = this.current(doc._id)
        if (existing && kind === 'create') {
          throw mutationError(
            409,
            'documentAlreadyExistsError',
            `Document by ID "${doc._id}" already exists`,
            index,
            doc._id,
          )
        }
        if (existing && kind === 'createIfNotExists') {
          this.#record(doc._id, {createIfNotExists: doc}, existing, 'none')
          break
        }
        if (doc._updatedAt !== undefined) this.#keepTimestamps.add(doc._id)
        const created = {...doc, _createdAt: existing?._createdAt ?? doc._createdAt ?? docTimestamp(this.#now)}
        this.#record(doc._id, {[kind]: doc}, created, existing ? 'update' : 'create')
        break
      }
      case 'delete': {
        const ids = await targetIds(body, index, () => this.documents())
        for (const id of ids) {
          this.#record(id, {delete: {id}}, null, this.current(id) ? 'delete' : 'none')
        }
        break
      }
      case 'patch': {
        const ids = await targetIds(body, index, () => this.documents())
        const ops: Json = {}
        for (const op of PATCH_OPS) if (body[op] !== undefined) ops[op] = body[op]
        for (const id of ids) {
          const doc = this.current(id)
          if (!doc) throw mutationError(409, 'documentNotFoundError', `Document by ID "${id}" not found`, index, id)
          if (typeof body.ifRevisionID === 'string' && body.ifRevisionID !== doc._rev) {
            throw mutationError(
              409,
              'conflictError',
              `Document by ID "${id}" has unexpected revision ID ("${String(doc._rev)}"), expected "${body.ifRevisionID}"`,
              index,
              id,
            )
          }
          // The operations are checked by @sanity/mutator when it applies them.
          const mut = {patch: {...ops, id}} as Mut
          this.#record(id, mut, applyPatch(doc, mut, index), 'update')
        }
        break
      }
      default:
        throw badRequest(`Mutation ${String(index)}: unknown operation "${kind}"`)
    }
  }

  /** The transaction the staged state amounts to: every changed document gets `_rev` = its id. */
  transaction(): Transaction {
    const transaction: Transaction = {
      id: this.id,
      timestamp: this.#now.toISOString(),
      author: this.#options.author,
      mutations: this.#normalized,
      changes: [],
    }
    for (const [id, staging] of this.#staged) {
      const before = this.#dataset.get(id) ?? null
      if (!before && !staging) continue
      let after = staging
      if (after) {
        after = {...after, _id: id, _rev: this.id}
        if (!this.#keepTimestamps.has(id) || this.#perDoc.get(id)?.some((m) => m.patch)) {
          after._updatedAt = docTimestamp(this.#now)
        }
        if (this.#options.autoGenerateArrayKeys) after = withArrayKeys(after)
      }
      transaction.changes.push({id, before, after, mutations: this.#perDoc.get(id) ?? []})
    }
    return transaction
  }

  /**
   * Refuses to delete a published document that another document still references strongly,
   * as Sanity does: unpublishing a page the navigation links to must fail, not break the site.
   * Drafts and versions are never reference targets, so deleting them (every publish does)
   * needs no check.
   */
  #checkReferences(transaction: Transaction): void {
    const deleted = new Set(
      transaction.changes.filter((change) => !change.after && isPublicId(change.id)).map((change) => change.id),
    )
    if (deleted.size === 0) return
    const referencing = new Map<string, string[]>()
    for (const doc of this.documents()) {
      for (const ref of strongReferences(doc)) {
        if (deleted.has(ref) && ref !== doc._id) referencing.set(ref, [...(referencing.get(ref) ?? []), doc._id])
      }
    }
    const [id, referencingIDs] = [...referencing][0] ?? []
    if (!id || !referencingIDs) return
    const description = `Document "${id}" cannot be deleted as there are references to it from "${String(referencingIDs[0])}"`
    const index = this.#normalized.findIndex((mut) => mut.delete && 'id' in mut.delete && mut.delete.id === id)
    throw new ApiError(409, 'mutationError', description, {
      items: [{error: {description, type: 'documentHasExistingReferencesError', id, referencingIDs}, index}],
    })
  }

  /** Logs (durably) and applies the transaction, unless it is a dry run or changes nothing. */
  async commit(): Promise<Committed> {
    const transaction = this.transaction()
    this.#checkReferences(transaction)
    if (!this.#options.dryRun && transaction.changes.length > 0) await this.#dataset.commit(transaction)
    return {transaction, results: this.results}
  }
}

function newDocument(body: Json, kind: string, index: number): Doc {
  let id = body._id
  if (id === undefined && kind === 'create') id = randomId()
  // `_id: "drafts."` asks for a generated id under that path.
  if (typeof id === 'string' && id.endsWith('.') && kind === 'create') id = `${id}${randomId()}`
  if (typeof id !== 'string' || !isValidId(id)) {
    throw mutationError(400, 'invalidDocumentIdError', `Invalid or missing document ID ${JSON.stringify(id)}`, index)
  }
  if (typeof body._type !== 'string' || body._type === '') {
    throw mutationError(400, 'validationError', `Document "${id}" is missing a _type`, index, id)
  }
  const {_rev: _ignored, ...doc} = body
  return {...doc, _id: id, _type: body._type}
}

async function targetIds(body: Json, index: number, dataset: () => Doc[]): Promise<string[]> {
  if (typeof body.id === 'string') return [body.id]
  if (typeof body.query === 'string') {
    const params = isObject(body.params) ? body.params : {}
    return selectIds(body.query, params, dataset())
  }
  throw badRequest(`Mutation ${String(index)} needs an \`id\` or a \`query\``)
}

function applyPatch(doc: Doc, mut: Mut, index: number): Doc {
  try {
    const patched = new Mutation({mutations: [mut]}).apply(doc)
    if (!patched) throw new Error('the patch removed the document')
    return patched
  } catch (err) {
    throw mutationError(
      400,
      'patchError',
      `Patch failed: ${err instanceof Error ? err.message : String(err)}`,
      index,
      doc._id,
    )
  }
}

/** `_key`s for every object in every array of the document that has none. */
function withArrayKeys(doc: Doc): Doc {
  const keyed: Doc = {...doc}
  for (const [key, value] of Object.entries(doc)) keyed[key] = addArrayKeys(value)
  return keyed
}

function addArrayKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => {
      const keyed = addArrayKeys(item)
      return isObject(keyed) && typeof keyed._key !== 'string' ? {_key: randomId(12), ...keyed} : keyed
    })
  }
  if (!isObject(value)) return value
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, addArrayKeys(item)]))
}

/** The ids a document references without `_weak: true`, each once. */
function strongReferences(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) strongReferences(item, found)
  else if (isObject(value)) {
    if (typeof value._ref === 'string' && value._weak !== true) found.add(value._ref)
    for (const item of Object.values(value)) strongReferences(item, found)
  }
  return found
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
