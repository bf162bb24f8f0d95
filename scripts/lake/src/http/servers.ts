// The servers the lake listens with: plain HTTP for Node clients, and HTTPS with HTTP/2 for
// browsers, because the Studio holds several event streams open at once and HTTP/1.1's
// six-connections-per-host limit in browsers would stall its writes.
import http from 'node:http'
import http2 from 'node:http2'
import type {IncomingMessage} from 'node:http'
import type {Socket} from 'node:net'
import type {Duplex} from 'node:stream'

import type {LakeRequest} from './request.ts'
import type {LakeResponse} from './response.ts'
import {loadCertificate} from './tls.ts'

export interface ServeOptions {
  handler: (req: LakeRequest, res: LakeResponse) => void
  /** WebSocket upgrades, which arrive over HTTP/1.1 on both ports (allowHTTP1 on HTTPS). */
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void
  host: string
  httpPort: number
  /** false serves no HTTPS. */
  httpsPort: number | false
  /** Where the self-signed certificate is kept. */
  dataDir: string
}

export interface Serving {
  httpUrl: string
  httpsUrl?: string | undefined
  certPath?: string | undefined
  /** Stops listening and drops every open connection. */
  close(): Promise<void>
}

type AnyServer = http.Server | http2.Http2SecureServer

export async function serve(options: ServeOptions): Promise<Serving> {
  const servers: AnyServer[] = []
  const sockets = new Set<Socket>()
  const track = <S extends AnyServer>(server: S): S => {
    server.on('connection', (socket: Socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    })
    server.on('upgrade', options.upgrade)
    servers.push(server)
    return server
  }
  const close = async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => {
              resolve()
            })
            for (const socket of sockets) socket.destroy()
          }),
      ),
    )
  }

  try {
    const httpServer = track(http.createServer(options.handler))
    const httpUrl = urlOf('http', options.host, await listen(httpServer, options.httpPort, options.host))
    if (options.httpsPort === false) return {httpUrl, close}

    const tls = await loadCertificate(options.dataDir)
    const httpsServer = track(
      http2.createSecureServer({key: tls.key, cert: tls.cert, allowHTTP1: true}, options.handler),
    )
    const httpsUrl = urlOf('https', options.host, await listen(httpsServer, options.httpsPort, options.host))
    return {httpUrl, httpsUrl, certPath: tls.certPath, close}
  } catch (err) {
    await close()
    throw err
  }
}

function listen(server: AnyServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address()
      if (address === null || typeof address === 'string')
        reject(new Error(`Not listening on a port: ${String(address)}`))
      else resolve(address.port)
    })
  })
}

const urlOf = (protocol: string, host: string, port: number) =>
  `${protocol}://${host.includes(':') ? `[${host}]` : host}:${String(port)}`
