// The lake: a local server speaking Sanity's HTTP API over datasets on disk, so the real
// @sanity/client and Sanity Studio work with no Sanity account or network.
import http from 'node:http'
import http2 from 'node:http2'
import type {AddressInfo, Socket} from 'node:net'
import path from 'node:path'

import {
  claimDataDir,
  datasetDir,
  isAlive,
  loadToken,
  pingLake,
  readLakeFile,
  releaseDataDir,
  writeLakeFile,
} from './datadir.ts'
import type {LakeInfo} from './datadir.ts'
import type {LakeRequest, LakeResponse} from './http.ts'
import {createPresence} from './presence.ts'
import {seedDataset} from './seed.ts'
import {createHandler} from './server.ts'
import {DatasetStore, removeDatasetFiles} from './store.ts'
import {KeyValueStore} from './studio.ts'
import {loadCertificate} from './tls.ts'
import {DEFAULT_DATASET} from '@itss/schemas/api'

export type {LakeInfo} from './datadir.ts'
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
  const log = options.log ?? ((line: string) => console.log(line))
  await claimDataDir(dataDir)

  const datasets = new Map<string, DatasetStore>()
  const servers: (http.Server | http2.Http2SecureServer)[] = []
  const sockets = new Set<Socket>()
  const streams = new Set<() => void>()
  let closing: Promise<void> | undefined
  let closePresence = () => undefined as unknown

  const close = () => {
    closing ??= (async () => {
      for (const end of [...streams]) end()
      closePresence()
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve())
              for (const socket of sockets) socket.destroy()
            }),
        ),
      )
      for (const store of datasets.values()) await store.close()
      await releaseDataDir(dataDir)
    })()
    return closing
  }

  try {
    const token = await loadToken(dataDir)
    const store = await DatasetStore.open(DEFAULT_DATASET, datasetDir(dataDir, DEFAULT_DATASET))
    datasets.set(DEFAULT_DATASET, store)

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
    const presence = createPresence({token, userId: EDITOR_USER_ID, datasets: () => datasets.keys(), streams})
    closePresence = presence.close
    const serve = handler as (req: http.IncomingMessage, res: http.ServerResponse) => void
    const track = (server: http.Server | http2.Http2SecureServer) => {
      server.on('connection', (socket: Socket) => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
      })
      // WebSocket upgrades arrive over HTTP/1.1, on the HTTPS port too (allowHTTP1).
      server.on('upgrade', presence.upgrade)
      servers.push(server)
      return server
    }

    const httpServer = track(http.createServer(serve))
    const httpUrl = urlOf('http', host, await listen(httpServer, options.httpPort ?? DEFAULT_HTTP_PORT, host))

    let httpsUrl: string | undefined
    let certPath: string | undefined
    if (options.httpsPort !== false) {
      const tls = await loadCertificate(dataDir)
      certPath = tls.certPath
      const secureHandler = handler as unknown as (
        req: http2.Http2ServerRequest,
        res: http2.Http2ServerResponse,
      ) => void
      // HTTP/2, because the Studio holds several event streams open at once and HTTP/1.1's
      // six-connections-per-host limit in browsers would stall its writes.
      const httpsServer = track(
        http2.createSecureServer({key: tls.key, cert: tls.cert, allowHTTP1: true}, secureHandler),
      )
      httpsUrl = urlOf('https', host, await listen(httpsServer, options.httpsPort ?? DEFAULT_HTTPS_PORT, host))
    }

    await writeLakeFile(dataDir, {pid: process.pid, httpUrl, httpsUrl, projectId})

    if (store.size === 0 && options.seedDir) {
      try {
        const count = await seedDataset(options.seedDir, {httpUrl, projectId, dataset: DEFAULT_DATASET, token}, log)
        if (count > 0) log(`lake: seeded ${count} documents from ${options.seedDir}`)
      } catch (err) {
        // Leave no half-seeded dataset behind: the next start should try again from scratch.
        await close()
        await removeDatasetFiles(datasetDir(dataDir, DEFAULT_DATASET))
        throw err
      }
    }

    return {httpUrl, httpsUrl, certPath, projectId, datasets: [...datasets.keys()], token, dataDir, close}
  } catch (err) {
    await close()
    throw err
  }
}

function listen(server: http.Server | http2.Http2SecureServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

const urlOf = (protocol: string, host: string, port: number) =>
  `${protocol}://${host.includes(':') ? `[${host}]` : host}:${port}`

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
    close: async () => undefined,
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
