// The lake: a local server speaking Sanity's HTTP API over datasets on disk, so the real
// @sanity/client and Sanity Studio work with no Sanity account or network. This file puts
// the layers together: storage (datasets on disk), the API over it, and the HTTP servers.
import path from 'node:path'

import {startScheduler} from './api/scheduler.ts'
import {createHandler} from './http/server.ts'
import {serve} from './http/servers.ts'
import type {Serving} from './http/servers.ts'
import {createPresenceSocket} from './http/socket.ts'
import type {LakeRequest} from './http/request.ts'
import type {LakeResponse} from './http/response.ts'
import {seedDataset} from './seed.ts'
import {Dataset} from './storage/dataset.ts'
import {
  claimDataDir,
  datasetDir,
  isAlive,
  loadToken,
  pingLake,
  readLakeFile,
  releaseDataDir,
  writeLakeFile,
} from './storage/datadir.ts'
import type {LakeInfo} from './storage/datadir.ts'
import {removeDatasetFiles} from './storage/durability.ts'
import {KeyValueStore} from './storage/keyValues.ts'
import {DEFAULT_DATASET} from '@itss/schemas/api'

export type {LakeInfo} from './storage/datadir.ts'
export {seedDataset} from './seed.ts'

export interface LakeOptions {
  dataDir: string
  /** A folder in Sanity's export format, imported when the dataset is empty. */
  seedDir?: string | undefined
  /** Default 3400; 0 picks a free port. */
  httpPort?: number | undefined
  /** Default 3443; 0 picks a free port; false serves no HTTPS. */
  httpsPort?: number | false | undefined
  host?: string | undefined
  projectId?: string | undefined
  log?: ((line: string) => void) | undefined
  /** Told of every request (method and path), for counting what clients ask for. */
  onRequest?: ((request: {method: string; path: string}) => void) | undefined
}

export interface Lake {
  httpUrl: string
  httpsUrl?: string | undefined
  /** Where the self-signed certificate is, when HTTPS is served. */
  certPath?: string | undefined
  projectId: string
  datasets: string[]
  token: string
  dataDir: string
  close(): Promise<void>
}

export const DEFAULT_HTTP_PORT = 3400
export const DEFAULT_HTTPS_PORT = 3443
export const DEFAULT_PROJECT_ID = 'itss'
/** The user every write is attributed to. */
export const EDITOR_USER_ID = 'pLakeEditor'

export async function startLake(options: LakeOptions): Promise<Lake> {
  const dataDir = path.resolve(options.dataDir)
  const host = options.host ?? '127.0.0.1'
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID
  const log =
    options.log ??
    ((line: string) => {
      console.log(line)
    })
  await claimDataDir(dataDir)

  const datasets = new Map<string, Dataset>()
  /** Open event streams and sockets, ended first on close. */
  const streams = new Set<() => void>()
  let presence: ReturnType<typeof createPresenceSocket> | undefined
  let stopScheduler: (() => void) | undefined
  let serving: Serving | undefined
  let closing: Promise<void> | undefined

  const close = () => {
    closing ??= (async () => {
      for (const end of [...streams]) end()
      presence?.close()
      stopScheduler?.()
      await serving?.close()
      try {
        await closeDatasets(datasets.values())
      } finally {
        await releaseDataDir(dataDir)
      }
    })()
    return closing
  }

  try {
    const token = await loadToken(dataDir)
    const dataset = await Dataset.open(DEFAULT_DATASET, datasetDir(dataDir, DEFAULT_DATASET), {log})
    datasets.set(DEFAULT_DATASET, dataset)

    const handler = createHandler({
      projectId,
      token,
      dataDir,
      datasets,
      author: EDITOR_USER_ID,
      streams,
      keyValues: new KeyValueStore(dataDir),
      log,
      onRequest: options.onRequest,
    })
    presence = createPresenceSocket({token, userId: EDITOR_USER_ID, datasets: () => datasets.keys(), streams})
    serving = await serve({
      handler,
      upgrade: presence.upgrade,
      host,
      httpPort: options.httpPort ?? DEFAULT_HTTP_PORT,
      httpsPort: options.httpsPort === false ? false : (options.httpsPort ?? DEFAULT_HTTPS_PORT),
      dataDir,
    })
    const {httpUrl, httpsUrl, certPath} = serving

    await writeLakeFile(dataDir, {pid: process.pid, httpUrl, httpsUrl, projectId})

    if (dataset.size === 0 && options.seedDir) {
      try {
        const count = await seedDataset(options.seedDir, {httpUrl, projectId, dataset: DEFAULT_DATASET, token}, log)
        if (count > 0) log(`lake: seeded ${String(count)} documents from ${options.seedDir}`)
      } catch (err) {
        // Leave no half-seeded dataset behind: the next start should try again from scratch.
        await close()
        await removeDatasetFiles(datasetDir(dataDir, DEFAULT_DATASET))
        throw err
      }
    }

    stopScheduler = startScheduler(dataset, {author: EDITOR_USER_ID, log})

    return {httpUrl, httpsUrl, certPath, projectId, datasets: [...datasets.keys()], token, dataDir, close}
  } catch (err) {
    await close()
    throw err
  }
}

/** Closes every dataset, even after one fails to, then reports the first failure. */
async function closeDatasets(datasets: Iterable<Dataset>): Promise<void> {
  const results = await Promise.allSettled([...datasets].map((dataset) => dataset.close()))
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected')
  if (failed) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason))
}

/** The lake serving `dataDir`, if one is running and answering. */
export async function findRunningLake(dataDir: string): Promise<(LakeInfo & {token: string}) | null> {
  const dir = path.resolve(dataDir)
  const info = await readLakeFile(dir)
  if (!info?.pid || !info.httpUrl || !info.projectId || !isAlive(info.pid)) return null
  if (!(await pingLake(info.httpUrl))) return null
  return {
    pid: info.pid,
    httpUrl: info.httpUrl,
    httpsUrl: info.httpsUrl,
    projectId: info.projectId,
    token: await loadToken(dir),
  }
}

/**
 * A running lake for `dataDir`, or a new one started in this process. Closing the
 * returned handle stops the lake only if this call started it.
 */
export async function ensureLake(options: LakeOptions): Promise<Lake> {
  const running = await findRunningLake(options.dataDir)
  if (!running) return startLake(options)
  return {
    httpUrl: running.httpUrl,
    httpsUrl: running.httpsUrl,
    projectId: running.projectId,
    datasets: [DEFAULT_DATASET],
    token: running.token,
    dataDir: path.resolve(options.dataDir),
    close: () => Promise.resolve(),
  }
}

export type {LakeRequest, LakeResponse}

/**
 * The environment a real Sanity project is configured with (see web/src/lib/sanity.ts),
 * pointed at this lake: how tests and benchmarks build the site "from a project".
 */
export function projectEnv(lake: Pick<Lake, 'projectId' | 'token' | 'httpUrl'>): Record<string, string> {
  return {
    SANITY_PROJECT_ID: lake.projectId,
    SANITY_DATASET: DEFAULT_DATASET,
    SANITY_API_READ_TOKEN: lake.token,
    SANITY_API_HOST: lake.httpUrl,
  }
}
