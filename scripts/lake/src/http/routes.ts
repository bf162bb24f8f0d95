// Every HTTP endpoint of the lake, in one table: methods, path, handler. The first match
// wins. `:apiVersion` is `v1`, `vX` or `v<YYYY-MM-DD>`; a trailing `*` also takes any further
// segments, as Sanity's API does for these paths. GET routes answer HEAD too, except the query.
import * as assets from './handlers/assets.ts'
import * as data from './handlers/data.ts'
import * as history from './handlers/history.ts'
import {listen, liveEvents} from './handlers/listen.ts'
import * as platform from './handlers/platform.ts'
import {FEATURES, hostedExtras} from '../api/platform.ts'
import type {Handler} from './context.ts'
import {Router} from './router.ts'
import type {Route} from './router.ts'

const ANY = '*'
const GET = ['GET', 'HEAD']
const POST = ['POST']
const V = '/:apiVersion'

const table: [methods: readonly string[] | '*', path: string, handler: Handler][] = [
  // Unversioned.
  [ANY, '/ping/*', data.ping],
  [GET, '/images/:projectId/:dataset/:name', assets.serve('images')],
  [GET, '/images/:projectId/:dataset/:name/:vanityName', assets.serve('images')],
  [GET, '/files/:projectId/:dataset/:name', assets.serve('files')],
  [GET, '/files/:projectId/:dataset/:name/:vanityName', assets.serve('files')],
  [GET, `${V}/ping`, data.ping],

  // The data API.
  [['GET', 'POST'], `${V}/data/query/:dataset/*`, data.query],
  [GET, `${V}/data/doc/:dataset/:ids`, data.documents],
  [POST, `${V}/data/mutate/:dataset/*`, data.mutations],
  [POST, `${V}/data/actions/:dataset`, data.actions],
  [GET, `${V}/data/listen/:dataset/*`, listen],
  [GET, `${V}/data/live/events/:dataset`, liveEvents],
  [GET, `${V}/data/export/:dataset/*`, data.exportDataset],
  [GET, `${V}/data/ping/:dataset/*`, data.datasetPing],
  [GET, `${V}/data/history/:dataset/documents/:ids`, history.documentsAtRevision],
  [GET, `${V}/data/history/:dataset/transactions/:ids`, history.transactions],
  [GET, `${V}/data/history/:dataset/events/documents/:id`, history.documentEvents],
  [GET, `${V}/data/references/:dataset/*`, data.references],
  [POST, `${V}/assets/images/:dataset/*`, assets.upload('images')],
  [POST, `${V}/assets/files/:dataset/*`, assets.upload('files')],

  // The platform the Studio expects around the data.
  [GET, `${V}/users/me`, platform.me],
  [GET, `${V}/users/me/keyvalue/:keys`, platform.getSettings],
  [['PUT', 'POST'], `${V}/users/me/keyvalue`, platform.putSettings],
  [GET, `${V}/users/:ids`, platform.users],
  [GET, `${V}/projects/:projectId`, platform.project],
  [GET, `${V}/projects/:projectId/datasets`, platform.datasets],
  [GET, `${V}/projects/:projectId/datasets/:dataset/acl`, platform.acl],
  [GET, `${V}/projects/:projectId/grants`, platform.grants],
  [GET, `${V}/projects/:projectId/user-applications`, platform.userApplications],
  [GET, `${V}/projects/:projectId/roles`, platform.roles],
  [GET, `${V}/projects/:projectId/new-content-release-allowed`, platform.newReleaseAllowed],
  [GET, `${V}/features`, platform.answer(FEATURES)],
  // Which browser origins may call: any, with the token (the lake serves this machine only).
  [GET, `${V}/check/cors`, platform.answer({result: {allowed: true, withCredentials: true}})],
  [GET, `${V}/subscriptions/project/:projectId`, platform.subscriptions],

  // Hosted services the Studio reaches for; locally they answer, harmlessly.
  [GET, `${V}/intake/telemetry-status/*`, platform.answer(hostedExtras.telemetryStatus)],
  [POST, `${V}/intake/batch/*`, platform.telemetryBatch],
  [GET, `${V}/journey/announcements/*`, platform.answer(hostedExtras.announcements)],
  [GET, `${V}/journey/*`, platform.answer(hostedExtras.journey)],
  [GET, `${V}/help/*`, platform.answer(hostedExtras.help)],
  [GET, `${V}/access/*`, platform.answer(hostedExtras.access)],
]

/** The presence WebSocket (an HTTP/1.1 upgrade, not a request; see socket.ts). */
export const SOCKET_PATH = `${V}/socket/:dataset`

/** The version segment of a path: `v1`, `vX` or `v<YYYY-MM-DD>`. */
export const API_VERSION_SEGMENT = /^v(\d+|\d{4}-\d{2}-\d{2}|X)$/

export const routes: Route<Handler>[] = table.map(([methods, path, handler]) => ({methods, path, handler}))

export const router = new Router(routes, {apiVersion: API_VERSION_SEGMENT})
