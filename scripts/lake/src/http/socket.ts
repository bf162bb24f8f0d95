// The presence WebSocket, /v<apiVersion>/socket/:dataset: the servers' `upgrade` event hands
// it here (on the HTTPS port too, over HTTP/1.1), and each connection is wired to the
// presence hub. "♥" heartbeats tell the Studio the connection is alive.
import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'

import {WebSocket, WebSocketServer} from 'ws'
import type {RawData} from 'ws'

import {PresenceHub} from '../api/presence.ts'
import {bearerToken} from './auth.ts'
import {Router} from './router.ts'
import {API_VERSION_SEGMENT, SOCKET_PATH} from './routes.ts'

const HEARTBEAT_MS = 20_000

export interface PresenceSocketOptions {
  token: string
  userId: string
  datasets: () => Iterable<string>
  /** Open connections register an end function here, so the server can close them. */
  streams: Set<() => void>
}

const socketRoute = new Router([{methods: '*', path: SOCKET_PATH, handler: true}], {apiVersion: API_VERSION_SEGMENT})

const textOf = (data: RawData) =>
  (Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8')

export function createPresenceSocket(options: PresenceSocketOptions) {
  const wss = new WebSocketServer({noServer: true})
  const hub = new PresenceHub({
    authorize: (authorization) => bearerToken(authorization) === options.token,
    userId: options.userId,
  })

  /** For the servers' `upgrade` event: takes presence sockets, refuses anything else. */
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const segments = new URL(req.url ?? '/', 'http://lake').pathname.split('/').filter(Boolean)
    const dataset = socketRoute.match(req.method ?? 'GET', segments)?.params.get('dataset')
    if (!dataset || ![...options.datasets()].includes(dataset)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const send = (message: string) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(message)
      }
      const connection = hub.connect(dataset, {
        send,
        close: (code, reason) => {
          ws.close(code, reason)
        },
      })
      const heartbeat = setInterval(() => {
        send('♥')
      }, HEARTBEAT_MS)
      const end = () => {
        ws.terminate()
      }
      options.streams.add(end)
      send('♥')
      ws.on('message', (data) => {
        connection.receive(textOf(data))
      })
      // A socket error is followed by 'close', which cleans up.
      ws.on('error', () => undefined)
      ws.on('close', () => {
        clearInterval(heartbeat)
        options.streams.delete(end)
        connection.leave()
      })
    })
  }

  return {
    upgrade,
    close: () => {
      wss.close()
    },
  }
}
