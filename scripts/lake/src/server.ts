// Routes Sanity's HTTP API onto the datasets. One handler serves HTTP/1.1 and HTTP/2.
import {assetDir} from './datadir.ts'
import {readAsset, uploadAsset} from './assets.ts'
import type {AssetKind} from './assets.ts'
import {badRequest, notFound, unauthorized} from './errors.ts'
import {
  applyCors,
  ASSET_LIMIT,
  JSON_LIMIT,
  readBody,
  readJson,
  requestOrigin,
  sendError,
  sendJson,
  toJson,
} from './http.ts'
import type {LakeRequest, LakeResponse} from './http.ts'
import {runActions} from './actions.ts'
import {documentEvents, documentsAt, transactionsFor} from './history.ts'
import {listen} from './listen.ts'
import {mutate} from './mutate.ts'
import {parsePerspective, runQuery, storeView} from './query.ts'
import type {DatasetStore, Doc} from './store.ts'
import {isPublicId} from './ids.ts'
import {currentUser, datasetAcl, KeyValueStore, project, users} from './studio.ts'

export interface ServerContext {
  projectId: string
  token: string
  dataDir: string
  datasets: Map<string, DatasetStore>
  /** The user id recorded as the author of writes. */
  author: string
  streams: Set<() => void>
  keyValues: KeyValueStore
  log: (line: string) => void
  /** Told of every request, for tests and benchmarks that count what a client asked for. */
  onRequest?: ((request: {method: string; path: string}) => void) | undefined
}

interface Request {
  req: LakeRequest
  res: LakeResponse
  method: string
  segments: string[]
  search: URLSearchParams
  origin: string
  authenticated: boolean
}

export function createHandler(ctx: ServerContext) {
  return (req: LakeRequest, res: LakeResponse): void => {
    req.on('error', () => undefined)
    handle(ctx, req, res).catch((err: unknown) => sendError(res, err, ctx.log))
  }
}

async function handle(ctx: ServerContext, req: LakeRequest, res: LakeResponse): Promise<void> {
  if (applyCors(req, res)) return
  const url = new URL(req.url ?? '/', 'http://lake')
  const segments = url.pathname.split('/').filter(Boolean)
  ctx.onRequest?.({method: req.method ?? 'GET', path: url.pathname})
  const r: Request = {
    req,
    res,
    method: req.method ?? 'GET',
    segments,
    search: url.searchParams,
    origin: requestOrigin(req, 'localhost'),
    authenticated: authenticate(ctx, req),
  }

  const [first] = segments
  if (first === 'ping') return sendText(res, 'PONG')
  if (first === 'images' || first === 'files') return serveAsset(ctx, r, first)
  if (!first || !/^v(\d+|\d{4}-\d{2}-\d{2}|X)$/.test(first)) throw notFound(`No route for ${url.pathname}`)

  const route = segments.slice(1)
  const [area, action, datasetName] = route
  const is = (method: string, ...path: string[]) =>
    (r.method === method || (method === 'GET' && r.method === 'HEAD')) && path.every((part, i) => part === route[i])

  if (is('GET', 'ping') && route.length === 1) return sendText(res, 'PONG')
  if (area === 'projects' || area === 'users' || STUDIO_EXTRAS.has(area ?? '')) return studioRoute(ctx, r, route)
  if (area === 'data' && datasetName !== undefined) {
    const store = dataset(ctx, datasetName)
    if (action === 'query' && (r.method === 'GET' || r.method === 'POST')) return query(ctx, r, store, first)
    if (is('GET', 'data', 'doc') && route.length === 4) return getDocuments(r, store, route[3] ?? '')
    if (is('POST', 'data', 'mutate')) return mutateRoute(ctx, r, store)
    if (is('GET', 'data', 'listen')) return listenRoute(ctx, r, store)
    if (is('GET', 'data', 'export')) return exportRoute(r, store)
    // The Studio's latency report reads the shard name from this; there is one shard here.
    if (is('GET', 'data', 'ping')) return sendText(res, 'PONG')
    if (is('POST', 'data', 'actions') && route.length === 3) return actionsRoute(ctx, r, store)
    if (is('GET', 'data', 'history')) return historyRoute(r, store, route.slice(3))
    // Cross-dataset references to a document: there are no other datasets locally.
    if (is('GET', 'data', 'references')) return sendJson(res, 200, {totalCount: 0, references: []}, r.origin)
  }
  if (is('POST', 'assets') && (action === 'images' || action === 'files') && datasetName !== undefined) {
    return uploadRoute(ctx, r, dataset(ctx, datasetName), action)
  }
  throw notFound(`No route for ${r.method} ${url.pathname}`)
}

/** Hosted services the Studio reaches for; locally they answer, harmlessly. */
const STUDIO_EXTRAS = new Set(['features', 'intake', 'journey', 'help', 'access'])

/** The Studio's platform endpoints: the user, the project, access, settings and extras. */
async function studioRoute(ctx: ServerContext, r: Request, route: string[]): Promise<void> {
  const [area, second, third, fourth, fifth] = route
  const json = (body: unknown) => sendJson(r.res, 200, body, r.origin)
  const get = r.method === 'GET' || r.method === 'HEAD'

  if (area === 'users' && second === 'me' && route.length === 2 && get) {
    // Anonymous callers get `{}`, which is how the Studio learns it must log in.
    return json(r.authenticated ? currentUser(ctx.author) : {})
  }
  if (area === 'users' && second === 'me' && third === 'keyvalue') {
    requireAuth(r)
    if (get && fourth !== undefined && route.length === 4) {
      return json(await ctx.keyValues.get(fourth.split(',').map(decodeURIComponent)))
    }
    if ((r.method === 'PUT' || r.method === 'POST') && route.length === 3) {
      return json(await ctx.keyValues.set(await readJson(r.req)))
    }
  }
  if (area === 'users' && second !== undefined && route.length === 2 && get) {
    const found = users(second.split(',').map(decodeURIComponent), ctx.author)
    return json(found.length === 1 ? found[0] : found)
  }
  if (area === 'projects' && second !== undefined && get) {
    if (second !== ctx.projectId) throw notFound(`Project "${second}" not found`)
    if (route.length === 2) return json(project(ctx.projectId, ctx.author))
    if (third === 'datasets' && route.length === 3) {
      // The comments add-on dataset does not exist here.
      if (r.search.get('datasetProfile') === 'comments') return json([])
      return json([...ctx.datasets.keys()].map((name) => ({name, aclMode: 'public'})))
    }
    if (third === 'datasets' && fourth !== undefined && fifth === 'acl' && route.length === 5) {
      dataset(ctx, fourth)
      return json(datasetAcl)
    }
    if (third === 'grants' && route.length === 3) return json({})
    if (third === 'user-applications' && route.length === 3) return json([])
    if (third === 'roles' && route.length === 3) return json([{name: 'administrator', title: 'Administrator'}])
  }
  if (area === 'features' && route.length === 1 && get) return json([])
  if (area === 'intake' && second === 'telemetry-status' && get) return json({status: 'denied'})
  if (area === 'intake' && second === 'batch' && r.method === 'POST') {
    // Telemetry is read and dropped: nothing leaves this machine.
    await readBody(r.req, JSON_LIMIT)
    return json({})
  }
  if (area === 'journey' && get) return json(second === 'announcements' ? [] : {})
  if (area === 'help' && get) return json({})
  if (area === 'access' && get) return json([])
  throw notFound(`No route for ${r.method} /${route.join('/')}`)
}

async function actionsRoute(ctx: ServerContext, r: Request, store: DatasetStore): Promise<void> {
  requireAuth(r)
  const body = await readJson(r.req)
  if (typeof body !== 'object' || body === null) throw badRequest('Request body must be an object')
  const {actions, transactionId, dryRun} = body as {actions?: unknown; transactionId?: unknown; dryRun?: unknown}
  const {transaction} = await runActions(store, actions, {
    author: ctx.author,
    transactionId: typeof transactionId === 'string' ? transactionId : undefined,
    dryRun: dryRun === true,
  })
  sendJson(r.res, 200, {transactionId: transaction.id}, r.origin)
}

/** /data/history/:dataset/{documents/:ids, transactions/:ids, events/documents/:id}. */
function historyRoute(r: Request, store: DatasetStore, rest: string[]): void {
  requireAuth(r)
  const [kind, second, third] = rest
  const ids = (list: string | undefined) => (list ?? '').split(',').map(decodeURIComponent).filter(Boolean)
  if (kind === 'documents' && rest.length === 2) {
    return sendJson(r.res, 200, {documents: documentsAt(store, ids(second), r.search)}, r.origin)
  }
  if (kind === 'transactions' && rest.length === 2) {
    const lines = transactionsFor(store, ids(second), r.search)
    r.res.statusCode = 200
    r.res.setHeader('Content-Type', 'application/x-ndjson')
    r.res.end(lines.map((line) => `${toJson(line, r.origin)}\n`).join(''))
    return
  }
  if (kind === 'events' && second === 'documents' && third !== undefined && rest.length === 3) {
    const id = decodeURIComponent(third)
    const all = documentEvents(store, id)
    const offset = Number(r.search.get('nextCursor') || 0) || 0
    const limit = Math.max(1, Number(r.search.get('limit') ?? 100) || 100)
    const page = all.slice(offset, offset + limit)
    const nextCursor = offset + limit < all.length ? String(offset + limit) : ''
    return sendJson(r.res, 200, {events: {[id]: page}, nextCursor}, r.origin)
  }
  throw notFound(`No history route for /${rest.join('/')}`)
}

/** True for the editor token; a wrong token is refused outright rather than read as anonymous. */
function authenticate(ctx: ServerContext, req: LakeRequest): boolean {
  const header = req.headers.authorization
  if (!header) return false
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim()
  if (token !== ctx.token) throw unauthorized()
  return true
}

function requireAuth(r: Request): void {
  if (!r.authenticated) throw unauthorized()
}

function dataset(ctx: ServerContext, name: string): DatasetStore {
  const store = ctx.datasets.get(name)
  if (!store) throw notFound(`Dataset "${name}" not found for project ID "${ctx.projectId}"`)
  return store
}

function sendText(res: LakeResponse, text: string): void {
  res.statusCode = 200
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.end(text)
}

function parseParam(name: string, raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    throw badRequest(`Parameter "${name}" is not valid JSON`)
  }
}

/** `$name=<JSON>` search parameters, as the client sends GROQ parameters on GET. */
function searchParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) if (key.startsWith('$')) params[key.slice(1)] = parseParam(key, value)
  return params
}

async function query(ctx: ServerContext, r: Request, store: DatasetStore, apiVersion: string): Promise<void> {
  let text = r.search.get('query')
  let params = searchParams(r.search)
  let perspective = r.search.get('perspective')
  if (r.method === 'POST') {
    const body = await readJson(r.req)
    if (typeof body !== 'object' || body === null) throw badRequest('Request body must be an object')
    const fields = body as {query?: unknown; params?: unknown; perspective?: unknown}
    if (typeof fields.query === 'string') text = fields.query
    if (typeof fields.params === 'object' && fields.params !== null) params = fields.params as Record<string, unknown>
    if (typeof fields.perspective === 'string') perspective = fields.perspective
  }
  if (!text) throw badRequest('Missing `query`')

  const started = performance.now()
  const docs = storeView(store, parsePerspective(perspective, apiVersion), r.authenticated)
  const result = await runQuery(text, params, docs, {
    projectId: ctx.projectId,
    dataset: store.name,
    identity: ctx.author,
  })
  const ms = Math.round(performance.now() - started)
  const returnQuery = r.search.get('returnQuery') !== 'false'
  sendJson(r.res, 200, {...(returnQuery ? {query: text} : {}), result, ms}, r.origin)
}

function getDocuments(r: Request, store: DatasetStore, idList: string): void {
  const documents: Doc[] = []
  const omitted: {id: string; reason: 'existence' | 'permission'}[] = []
  for (const id of idList.split(',').map(decodeURIComponent)) {
    const doc = store.get(id)
    if (!r.authenticated && !isPublicId(id)) omitted.push({id, reason: 'permission'})
    else if (doc) documents.push(doc)
    else omitted.push({id, reason: 'existence'})
  }
  sendJson(r.res, 200, {documents, omitted}, r.origin)
}

async function mutateRoute(ctx: ServerContext, r: Request, store: DatasetStore): Promise<void> {
  requireAuth(r)
  const body = await readJson(r.req)
  if (typeof body !== 'object' || body === null) throw badRequest('Request body must be an object')
  const {mutations, transactionId} = body as {mutations?: unknown; transactionId?: unknown}
  const on = (name: string) => r.search.get(name) === 'true'
  const {transaction, results} = await mutate(store, mutations, {
    author: ctx.author,
    transactionId: typeof transactionId === 'string' ? transactionId : undefined,
    autoGenerateArrayKeys: on('autoGenerateArrayKeys'),
    dryRun: on('dryRun'),
  })
  // Every write is durable and visible before we answer, whatever `visibility` asked for.
  const finalState = new Map(transaction.changes.map((change) => [change.id, change.after ?? change.before]))
  const returnDocuments = on('returnDocuments')
  sendJson(
    r.res,
    200,
    {
      transactionId: transaction.id,
      results: results.map((result) => ({
        ...result,
        ...(returnDocuments ? {document: finalState.get(result.id) ?? store.get(result.id) ?? null} : {}),
      })),
      ...(on('returnIds') ? {documentIds: [...new Set(results.map((result) => result.id))]} : {}),
    },
    r.origin,
  )
}

function listenRoute(ctx: ServerContext, r: Request, store: DatasetStore): void {
  const text = r.search.get('query')
  if (!text) throw badRequest('Missing `query`')
  listen(r.res, {
    store,
    query: text,
    params: searchParams(r.search),
    search: r.search,
    authenticated: r.authenticated,
    origin: r.origin,
    streams: ctx.streams,
  })
}

const EXPORT_PAGE = 1000

/** NDJSON of every document; `nextCursor` pages it for @sanity/export's cursor mode. */
function exportRoute(r: Request, store: DatasetStore): void {
  const types = r.search.get('types')?.split(',').filter(Boolean)
  let docs = storeView(store, 'raw', r.authenticated)
  if (types?.length) docs = docs.filter((doc) => types.includes(doc._type))
  const cursor = r.search.get('nextCursor')
  let next: string | undefined
  if (cursor !== null) {
    docs = [...docs].sort((a, b) => (a._id < b._id ? -1 : 1)).filter((doc) => cursor === '' || doc._id > cursor)
    if (docs.length > EXPORT_PAGE) {
      docs = docs.slice(0, EXPORT_PAGE)
      next = docs.at(-1)?._id
    }
  }
  r.res.statusCode = 200
  r.res.setHeader('Content-Type', 'application/x-ndjson')
  for (const doc of docs) r.res.write(`${toJson(doc, r.origin)}\n`)
  if (next) r.res.write(`${JSON.stringify({nextCursor: next})}\n`)
  r.res.end()
}

async function uploadRoute(ctx: ServerContext, r: Request, store: DatasetStore, kind: AssetKind): Promise<void> {
  requireAuth(r)
  const bytes = await readBody(r.req, ASSET_LIMIT)
  const document = await uploadAsset(
    {store, dir: assetDir(ctx.dataDir, store.name), projectId: ctx.projectId, author: ctx.author},
    kind,
    bytes,
    r.search.get('filename') ?? undefined,
  )
  sendJson(r.res, 200, {document}, r.origin)
}

/** GET/HEAD /images/:projectId/:dataset/<name>[/<vanity name>], and the same for /files. */
async function serveAsset(ctx: ServerContext, r: Request, kind: AssetKind): Promise<void> {
  if (r.method !== 'GET' && r.method !== 'HEAD') throw notFound('Assets answer GET and HEAD only')
  const [, , datasetName, name] = r.segments
  if (datasetName === undefined || name === undefined || r.segments.length > 5) throw notFound('Asset not found')
  const store = dataset(ctx, datasetName)
  const accept = typeof r.req.headers.accept === 'string' ? r.req.headers.accept : ''
  const asset = await readAsset(store, assetDir(ctx.dataDir, store.name), kind, name, r.search, accept)
  const {res} = r
  res.statusCode = 200
  res.setHeader('Content-Type', asset.contentType)
  res.setHeader('Content-Length', asset.body.length)
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  // An uploaded SVG opened directly must not run scripts on the API's origin.
  if (asset.contentType === 'image/svg+xml') res.setHeader('Content-Security-Policy', "script-src 'none'; sandbox")
  if (asset.sha1) res.setHeader('X-Sanity-Sha1', asset.sha1)
  if (!r.req.headers.origin) res.setHeader('Access-Control-Allow-Origin', '*')
  const download = r.search.get('dl')
  if (download !== null)
    res.setHeader('Content-Disposition', `attachment${download ? `; filename="${download.replace(/"/g, '')}"` : ''}`)
  res.end(r.method === 'HEAD' ? undefined : asset.body)
}
