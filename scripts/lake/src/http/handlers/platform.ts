// The Studio's platform endpoints: the user, the project, access, settings, hosted extras.
import {
  checkProject,
  currentUser,
  datasetAcl,
  datasetList,
  hostedExtras,
  project as projectOf,
  readSettings,
  releaseLimits,
  subscriptions as plan,
  ADMINISTRATOR_ROLES,
  users as profiles,
  writeSettings,
} from '../../api/platform.ts'
import {requireAuth} from '../auth.ts'
import {datasetNamed} from '../context.ts'
import type {Call, Handler, ServerContext} from '../context.ts'
import {idList, JSON_LIMIT, stringParam} from '../request.ts'
import {json} from '../response.ts'
import type {Reply} from '../response.ts'

/** Anonymous callers get `{}`, which is how the Studio learns it must log in. */
export function me(ctx: ServerContext, call: Call): Reply {
  return json(call.authenticated ? currentUser(ctx.author) : {})
}

export function users(ctx: ServerContext, call: Call): Reply {
  return json(profiles(idList(call.param('ids')), ctx.author))
}

export async function getSettings(ctx: ServerContext, call: Call): Promise<Reply> {
  requireAuth(call)
  return json(await readSettings(ctx.keyValues, idList(call.param('keys'))))
}

export async function putSettings(ctx: ServerContext, call: Call): Promise<Reply> {
  requireAuth(call)
  return json(await writeSettings(ctx.keyValues, await call.json()))
}

/** A handler under /projects/:projectId, for the served project only. */
const forProject =
  (answer: (ctx: ServerContext, call: Call) => unknown): Handler =>
  (ctx, call) => {
    checkProject(call.param('projectId'), ctx.projectId)
    return json(answer(ctx, call))
  }

export const project = forProject((ctx) => projectOf(ctx.projectId, ctx.author))
export const datasets = forProject((ctx, call) =>
  datasetList(ctx.datasets.keys(), stringParam(call.search, 'datasetProfile')),
)
export const acl = forProject((ctx, call) => {
  datasetNamed(ctx, call.param('dataset'))
  return datasetAcl
})
export const grants = forProject(() => hostedExtras.grants)
export const userApplications = forProject(() => hostedExtras.userApplications)
export const roles = forProject(() => ADMINISTRATOR_ROLES)
export const newReleaseAllowed = forProject(() => releaseLimits)
export const subscriptions = forProject(() => plan)

/** A constant answer, for the hosted extras. */
export const answer =
  (body: unknown): Handler =>
  () =>
    json(body)

/** Telemetry is read and dropped: nothing leaves this machine. */
export async function telemetryBatch(_ctx: ServerContext, call: Call): Promise<Reply> {
  await call.body(JSON_LIMIT)
  return json(hostedExtras.telemetryBatch)
}
