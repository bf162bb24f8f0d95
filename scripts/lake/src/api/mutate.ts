// POST /data/mutate: the request's mutations as one atomic transaction (a Stage), serialized
// with every other write to the dataset.
import type {Dataset} from '../storage/dataset.ts'
import type {Doc} from '../storage/transactions.ts'
import {badRequest} from './errors.ts'
import {Stage} from './stage.ts'
import type {Committed, MutateOptions, MutationResult} from './stage.ts'

export interface MutateRequest extends MutateOptions {
  /** Answer with each changed document as the transaction left it. */
  returnDocuments: boolean
  /** Answer with the ids of the documents the mutations touched. */
  returnIds: boolean
}

/** What POST /data/mutate answers. */
export interface MutateAnswer {
  transactionId: string
  results: (MutationResult & {document?: Doc | null})[]
  documentIds?: string[]
}

const EMPTY_MUTATIONS = 'Request body must have a non-empty `mutations` array'

/** `mutations` as the request gives them: a non-empty list, each checked when it runs. */
export function mutationList(mutations: unknown): unknown[] {
  if (!Array.isArray(mutations) || mutations.length === 0) throw badRequest(EMPTY_MUTATIONS)
  return mutations
}

/** Applies `mutations` as one transaction, serialized with every other write to `dataset`. */
export function commitMutations(
  dataset: Dataset,
  mutations: readonly unknown[],
  options: MutateOptions,
): Promise<Committed> {
  if (mutations.length === 0) throw badRequest(EMPTY_MUTATIONS)
  return dataset.enqueue(async () => {
    const stage = new Stage(dataset, options)
    for (const [index, raw] of mutations.entries()) await stage.run(raw, index)
    return stage.commit()
  })
}

/** POST /data/mutate. Every write is durable and visible before it answers, whatever `visibility` asked for. */
export async function mutate(
  dataset: Dataset,
  mutations: readonly unknown[],
  request: MutateRequest,
): Promise<MutateAnswer> {
  const {transaction, results} = await commitMutations(dataset, mutations, request)
  const finalState = new Map(transaction.changes.map((change) => [change.id, change.after ?? change.before]))
  return {
    transactionId: transaction.id,
    results: results.map((result) => ({
      ...result,
      ...(request.returnDocuments ? {document: finalState.get(result.id) ?? dataset.get(result.id) ?? null} : {}),
    })),
    ...(request.returnIds ? {documentIds: [...new Set(results.map((result) => result.id))]} : {}),
  }
}
