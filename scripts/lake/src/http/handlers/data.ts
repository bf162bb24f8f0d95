// The data API: /data/{query,doc,mutate,actions,export,ping,references}/:dataset. Each
// handler decodes the request into the API's typed options and answers its result.
import {actionList, runActions} from '../../api/actions.ts'
import {crossDatasetReferences, documentsById} from '../../api/documents.ts'
import {badRequest} from '../../api/errors.ts'
import {exportDocuments} from '../../api/export.ts'
import {mutate, mutationList} from '../../api/mutate.ts'
import {parsePerspective, query as runQuery} from '../../api/query.ts'
import {requireAuth} from '../auth.ts'
import {datasetNamed} from '../context.ts'
import type {Call, ServerContext} from '../context.ts'
import {groqParams, idList, requireObject, stringParam} from '../request.ts'
import {json, ndjson, text} from '../response.ts'
import type {Reply} from '../response.ts'

/** Only `true` turns these on (unlike the listener's and history's flags, `1` does not). */
const isTrue = (call: Call, name: string) => call.search.get(name) === 'true'

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined)

export function ping(): Reply {
  return text('PONG')
}

/** The Studio's latency report reads the shard name from this; there is one shard here. */
export function datasetPing(ctx: ServerContext, call: Call): Reply {
  datasetNamed(ctx, call.param('dataset'))
  return text('PONG')
}

/** GROQ parameters come as `$name=<JSON>` on GET, or in a JSON body `{query, params, perspective}` on POST. */
export async function query(ctx: ServerContext, call: Call): Promise<Reply> {
  const dataset = datasetNamed(ctx, call.param('dataset'))
  let groq = stringParam(call.search, 'query')
  let params = groqParams(call.search)
  let perspective = stringParam(call.search, 'perspective')
  if (call.method === 'POST') {
    const body = requireObject(await call.json())
    if (typeof body.query === 'string') groq = body.query
    if (typeof body.params === 'object' && body.params !== null) params = {...body.params}
    if (typeof body.perspective === 'string') perspective = body.perspective
  }
  if (!groq) throw badRequest('Missing `query`')
  return json(
    await runQuery(dataset, {
      query: groq,
      params,
      perspective: parsePerspective(perspective, call.param('apiVersion')),
      authenticated: call.authenticated,
      projectId: ctx.projectId,
      identity: ctx.author,
      returnQuery: call.search.get('returnQuery') !== 'false',
    }),
  )
}

export function documents(ctx: ServerContext, call: Call): Reply {
  const dataset = datasetNamed(ctx, call.param('dataset'))
  return json(documentsById(dataset, idList(call.param('ids')), call.authenticated))
}

export async function mutations(ctx: ServerContext, call: Call): Promise<Reply> {
  const dataset = datasetNamed(ctx, call.param('dataset'))
  requireAuth(call)
  const body = requireObject(await call.json())
  const answer = await mutate(dataset, mutationList(body.mutations), {
    author: ctx.author,
    transactionId: optionalString(body.transactionId),
    autoGenerateArrayKeys: isTrue(call, 'autoGenerateArrayKeys'),
    dryRun: isTrue(call, 'dryRun'),
    returnDocuments: isTrue(call, 'returnDocuments'),
    returnIds: isTrue(call, 'returnIds'),
  })
  return json(answer)
}

export async function actions(ctx: ServerContext, call: Call): Promise<Reply> {
  const dataset = datasetNamed(ctx, call.param('dataset'))
  requireAuth(call)
  const body = requireObject(await call.json())
  const answer = await runActions(dataset, actionList(body.actions), {
    author: ctx.author,
    transactionId: optionalString(body.transactionId),
    dryRun: body.dryRun === true,
  })
  return json(answer)
}

/** NDJSON of the documents, then `{nextCursor}` when there is another page. */
export function exportDataset(ctx: ServerContext, call: Call): Reply {
  const dataset = datasetNamed(ctx, call.param('dataset'))
  const page = exportDocuments(dataset, {
    types: call.search.get('types')?.split(',').filter(Boolean),
    cursor: stringParam(call.search, 'nextCursor'),
    authenticated: call.authenticated,
  })
  const lines = page.nextCursor ? [...page.documents, {nextCursor: page.nextCursor}] : page.documents
  return ndjson(lines, true)
}

export function references(ctx: ServerContext, call: Call): Reply {
  datasetNamed(ctx, call.param('dataset'))
  return json(crossDatasetReferences())
}
