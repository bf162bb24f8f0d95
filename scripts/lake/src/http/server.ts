// One request handler for the HTTP/1.1 and HTTP/2 servers: CORS, auth, then the route table;
// a handler's Reply is written out, and anything it throws is answered in Sanity's shape.
import {notFound} from '../api/errors.ts'
import {authenticate} from './auth.ts'
import type {Call, ServerContext} from './context.ts'
import {applyCors} from './cors.ts'
import {readBody, readJson, requestOrigin} from './request.ts'
import type {LakeRequest} from './request.ts'
import {sendError, writeReply} from './response.ts'
import type {LakeResponse} from './response.ts'
import {router} from './routes.ts'

export function createHandler(ctx: ServerContext): (req: LakeRequest, res: LakeResponse) => void {
  return (req, res) => {
    // A client that hangs up mid-body errors the request stream; reading the body reports it.
    req.on('error', () => undefined)
    handle(ctx, req, res).catch((err: unknown) => {
      sendError(res, err, ctx.log)
    })
  }
}

async function handle(ctx: ServerContext, req: LakeRequest, res: LakeResponse): Promise<void> {
  if (applyCors(req, res)) return
  const url = new URL(req.url ?? '/', 'http://lake')
  const method = req.method ?? 'GET'
  ctx.onRequest?.({method, path: url.pathname})
  const origin = requestOrigin(req, 'localhost')
  const authenticated = authenticate(ctx.token, req.headers.authorization)

  const match = router.match(method, url.pathname.split('/').filter(Boolean))
  if (!match) throw notFound(`No route for ${method} ${url.pathname}`)
  const call: Call = {
    method,
    search: url.searchParams,
    headers: req.headers,
    authenticated,
    param(name) {
      const value = match.params.get(name)
      if (value === undefined) throw new Error(`The route for ${url.pathname} has no :${name}`)
      return value
    },
    rest: match.rest,
    body: (limit) => readBody(req, limit),
    json: () => readJson(req),
  }
  const reply = await match.handler(ctx, call)
  writeReply(res, reply, {method, origin, streams: ctx.streams, log: ctx.log})
}
