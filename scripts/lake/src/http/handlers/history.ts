// /data/history/:dataset/{documents/:ids, transactions/:ids, events/documents/:id}.
import {documentEventsPage, documentsAt, transactionsFor} from '../../api/history.ts'
import {requireAuth} from '../auth.ts'
import {datasetNamed} from '../context.ts'
import type {Call, ServerContext} from '../context.ts'
import {flag, idList, numberParam, stringParam} from '../request.ts'
import {json, ndjson} from '../response.ts'
import type {Reply} from '../response.ts'

function historyOf(ctx: ServerContext, call: Call) {
  const dataset = datasetNamed(ctx, call.param('dataset'))
  requireAuth(call)
  return dataset
}

const ids = (call: Call) => idList(call.param('ids')).filter(Boolean)

export function documentsAtRevision(ctx: ServerContext, call: Call): Reply {
  const dataset = historyOf(ctx, call)
  return json(
    documentsAt(dataset, ids(call), {
      revision: stringParam(call.search, 'revision'),
      time: stringParam(call.search, 'time'),
      lastRevision: call.search.get('lastRevision') === 'true',
    }),
  )
}

export function transactions(ctx: ServerContext, call: Call): Reply {
  const dataset = historyOf(ctx, call)
  const {search} = call
  return ndjson(
    transactionsFor(dataset, ids(call), {
      fromTransaction: stringParam(search, 'fromTransaction'),
      toTransaction: stringParam(search, 'toTransaction'),
      fromTime: stringParam(search, 'fromTime'),
      toTime: stringParam(search, 'toTime'),
      reverse: flag(search, 'reverse'),
      limit: numberParam(search, 'limit'),
      includeIdentifiedDocumentsOnly: flag(search, 'includeIdentifiedDocumentsOnly'),
      excludeMutations: flag(search, 'excludeMutations') || flag(search, 'excludeContent'),
      effects: search.get('effectFormat') === 'mendoza',
    }),
  )
}

export function documentEvents(ctx: ServerContext, call: Call): Reply {
  const dataset = historyOf(ctx, call)
  const page = {cursor: stringParam(call.search, 'nextCursor'), limit: numberParam(call.search, 'limit')}
  return json(documentEventsPage(dataset, decodeURIComponent(call.param('id')), page))
}
