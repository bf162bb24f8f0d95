// The Studio's presence socket, /v<apiVersion>/socket/:dataset: JSON-RPC 2.0 over a
// WebSocket as @sanity/bifur-client speaks it. Each session's announcements (which
// document and field it is in) go to every other connection on the dataset, so two tabs
// see each other; "♥" heartbeats tell the Studio the connection is alive.
import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'

import {WebSocket, WebSocketServer} from 'ws'

import {randomId} from './ids.ts'

const HEARTBEAT_MS = 20_000
const SOCKET_PATH = /^\/v(?:\d+|\d{4}-\d{2}-\d{2}|X)\/socket\/([^/?]+)\/?$/

export interface PresenceOptions {
  token: string
  userId: string
  datasets: () => Iterable<string>
  /** Open connections register an end function here, so the server can close them. */
  streams: Set<() => void>
}

interface Connection {
  ws: WebSocket
  dataset: string
  authorized: boolean
  subscriptions: Set<string>
  sessions: Set<string>
}

interface RpcRequest {
  jsonrpc?: unknown
  method?: unknown
  params?: Record<string, unknown>
  id?: unknown
}

export function createPresence(options: PresenceOptions) {
  const wss = new WebSocketServer({noServer: true})
  const connections = new Set<Connection>()

  const send = (conn: Connection, message: unknown) => {
    if (conn.ws.readyState === WebSocket.OPEN)
      conn.ws.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  /** Tells every other subscribed connection on the dataset. */
  const broadcast = (from: Connection, event: Record<string, unknown>) => {
    for (const conn of connections) {
      if (conn === from || conn.dataset !== from.dataset) continue
      for (const subscription of conn.subscriptions) {
        send(conn, {jsonrpc: '2.0', method: 'presence_subscription', params: {subscription, result: event}})
      }
    }
  }

  const handle = (conn: Connection, text: string) => {
    let request: RpcRequest
    try {
      request = JSON.parse(text) as RpcRequest
    } catch {
      send(conn, {jsonrpc: '2.0', id: null, error: {code: -32700, message: 'Parse error'}})
      return
    }
    const {method, id} = request
    const params = request.params ?? {}
    const reply = (result: unknown) => send(conn, {jsonrpc: '2.0', id, result})
    const fail = (code: number, message: string) => send(conn, {jsonrpc: '2.0', id, error: {code, message}})

    if (method === 'authorization') {
      const given = /^Bearer\s+(.+)$/i.exec(String(params.authorization ?? ''))?.[1]?.trim()
      if (given !== options.token) {
        fail(4001, 'Unauthorized')
        conn.ws.close(4001, 'Unauthorized')
        return
      }
      conn.authorized = true
      reply(true)
      return
    }
    if (!conn.authorized) {
      fail(4001, 'Unauthorized')
      return
    }
    const session = (value: unknown) => (typeof value === 'string' ? value : '')
    switch (method) {
      case 'presence_subscribe': {
        const subscription = randomId(16)
        conn.subscriptions.add(subscription)
        reply(subscription)
        return
      }
      case 'presence_unsubscribe':
        conn.subscriptions.delete(session(params.subscriptionId))
        reply(true)
        return
      case 'presence_rollcall':
        broadcast(conn, {type: 'rollCall', i: options.userId, session: session(params.session)})
        reply(true)
        return
      case 'presence_announce': {
        const data = (params.data ?? {}) as {sessionId?: unknown; locations?: unknown}
        const sessionId = session(data.sessionId)
        if (sessionId) conn.sessions.add(sessionId)
        broadcast(conn, {
          type: 'state',
          i: options.userId,
          m: {sessionId, locations: Array.isArray(data.locations) ? data.locations : []},
        })
        reply(true)
        return
      }
      case 'presence_disconnect':
        conn.sessions.delete(session(params.session))
        broadcast(conn, {type: 'disconnect', i: options.userId, m: {session: session(params.session)}})
        reply(true)
        return
      default:
        fail(-32601, `Method not found: ${String(method)}`)
    }
  }

  /** For the servers' `upgrade` event: takes presence sockets, refuses anything else. */
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const dataset = SOCKET_PATH.exec(new URL(req.url ?? '/', 'http://lake').pathname)?.[1]
    if (!dataset || ![...options.datasets()].includes(dataset)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn: Connection = {ws, dataset, authorized: false, subscriptions: new Set(), sessions: new Set()}
      connections.add(conn)
      const heartbeat = setInterval(() => send(conn, '♥'), HEARTBEAT_MS)
      const end = () => ws.terminate()
      options.streams.add(end)
      send(conn, '♥')
      ws.on('message', (data) => handle(conn, Buffer.isBuffer(data) ? data.toString('utf8') : String(data)))
      ws.on('error', () => undefined)
      ws.on('close', () => {
        clearInterval(heartbeat)
        options.streams.delete(end)
        connections.delete(conn)
        // A closed tab leaves: others stop showing its avatar at once.
        for (const sessionId of conn.sessions) {
          broadcast(conn, {type: 'disconnect', i: options.userId, m: {session: sessionId}})
        }
      })
    })
  }

  return {upgrade, close: () => wss.close()}
}
