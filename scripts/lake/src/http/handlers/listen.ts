// GET /data/listen/:dataset: a listener, and GET /data/live/events/:dataset, as server-sent events.
import {badRequest} from '../../api/errors.ts'
import {liveEvents as liveListener, listen as listener} from '../../api/listen.ts'
import {datasetNamed} from '../context.ts'
import type {Call, ServerContext} from '../context.ts'
import {flag, groqParams} from '../request.ts'
import type {Reply} from '../response.ts'

export function listen(ctx: ServerContext, call: Call): Reply {
  const dataset = datasetNamed(ctx, call.param('dataset'))
  const {search} = call
  const lastEventId = call.headers['last-event-id']
  const query = search.get('query')
  if (!query) throw badRequest('Missing `query`')
  return {
    type: 'events',
    listener: listener(dataset, {
      query,
      params: groqParams(search),
      authenticated: call.authenticated,
      // Left out unless asked for, as on Sanity (@sanity/client asks by default).
      includeResult: flag(search, 'includeResult'),
      includePreviousRevision: flag(search, 'includePreviousRevision'),
      includeMutations: flag(search, 'includeMutations', true),
      includeAllVersions: flag(search, 'includeAllVersions'),
      effects: search.get('effectFormat') === 'mendoza',
      lastEventId: typeof lastEventId === 'string' ? lastEventId : undefined,
    }),
  }
}

/** GET /data/live/events/:dataset: the Live Content API (Presentation listens here). */
export function liveEvents(ctx: ServerContext, call: Call): Reply {
  return {type: 'events', listener: liveListener(datasetNamed(ctx, call.param('dataset')))}
}
