// GET /data/listen/:dataset: a listener, answered as server-sent events.
import {badRequest} from '../../api/errors.ts'
import {listen as listener} from '../../api/listen.ts'
import {datasetNamed} from '../context.ts'
import type {Call, ServerContext} from '../context.ts'
import {flag, groqParams} from '../request.ts'
import type {Reply} from '../response.ts'

export function listen(ctx: ServerContext, call: Call): Reply {
  const dataset = datasetNamed(ctx, call.param('dataset'))
  const {search} = call
  const query = search.get('query')
  if (!query) throw badRequest('Missing `query`')
  return {
    type: 'events',
    listener: listener(dataset, {
      query,
      params: groqParams(search),
      authenticated: call.authenticated,
      includeResult: flag(search, 'includeResult', true),
      includePreviousRevision: flag(search, 'includePreviousRevision'),
      includeMutations: flag(search, 'includeMutations', true),
      includeAllVersions: flag(search, 'includeAllVersions'),
      effects: search.get('effectFormat') === 'mendoza',
    }),
  }
}
