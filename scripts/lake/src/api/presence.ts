// Presence, as the Studio speaks it to Sanity's bifur service: JSON-RPC 2.0 messages on one
// connection per tab. Each session's announcements (which document and field it is in) go
// to every other connection on the dataset, so two tabs see each other.
import {randomId} from './ids.ts'

export interface PresenceOptions {
  /** Whether the `authorization` a connection gives (`Bearer <token>`) lets it in. */
  authorize: (authorization: string) => boolean
  /** Who every session is: there is one local user. */
  userId: string
}

/** The transport under one connection. */
export interface PresencePeer {
  send(message: string): void
  close(code: number, reason: string): void
}

export interface PresenceConnection {
  /** A message (one JSON-RPC request) from the peer. */
  receive(text: string): void
  /** The peer went away: its sessions leave. */
  leave(): void
}

interface Connection {
  peer: PresencePeer
  dataset: string
  authorized: boolean
  subscriptions: Set<string>
  sessions: Set<string>
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const text = (value: unknown) => (typeof value === 'string' ? value : '')

export class PresenceHub {
  #options: PresenceOptions
  #connections = new Set<Connection>()

  constructor(options: PresenceOptions) {
    this.#options = options
  }

  connect(dataset: string, peer: PresencePeer): PresenceConnection {
    const conn: Connection = {peer, dataset, authorized: false, subscriptions: new Set(), sessions: new Set()}
    this.#connections.add(conn)
    return {
      receive: (message) => {
        this.#handle(conn, message)
      },
      leave: () => {
        this.#connections.delete(conn)
        // A closed tab leaves: others stop showing its avatar at once.
        for (const sessionId of conn.sessions) {
          this.#broadcast(conn, {type: 'disconnect', i: this.#options.userId, m: {session: sessionId}})
        }
      },
    }
  }

  /** Tells every other subscribed connection on the dataset. */
  #broadcast(from: Connection, event: Record<string, unknown>): void {
    for (const conn of this.#connections) {
      if (conn === from || conn.dataset !== from.dataset) continue
      for (const subscription of conn.subscriptions) {
        send(conn, {jsonrpc: '2.0', method: 'presence_subscription', params: {subscription, result: event}})
      }
    }
  }

  #handle(conn: Connection, message: string): void {
    let request: unknown
    try {
      request = JSON.parse(message)
    } catch {
      send(conn, {jsonrpc: '2.0', id: null, error: {code: -32700, message: 'Parse error'}})
      return
    }
    const {method, id, params: rawParams} = isRecord(request) ? request : {}
    const params = isRecord(rawParams) ? rawParams : {}
    const reply = (result: unknown) => {
      send(conn, {jsonrpc: '2.0', id, result})
    }
    const fail = (code: number, description: string) => {
      send(conn, {jsonrpc: '2.0', id, error: {code, message: description}})
    }
    const {userId} = this.#options

    if (method === 'authorization') {
      if (!this.#options.authorize(text(params.authorization))) {
        fail(4001, 'Unauthorized')
        conn.peer.close(4001, 'Unauthorized')
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
    switch (method) {
      case 'presence_subscribe': {
        const subscription = randomId(16)
        conn.subscriptions.add(subscription)
        reply(subscription)
        return
      }
      case 'presence_unsubscribe':
        conn.subscriptions.delete(text(params.subscriptionId))
        reply(true)
        return
      case 'presence_rollcall':
        this.#broadcast(conn, {type: 'rollCall', i: userId, session: text(params.session)})
        reply(true)
        return
      case 'presence_announce': {
        const data = isRecord(params.data) ? params.data : {}
        const sessionId = text(data.sessionId)
        if (sessionId) conn.sessions.add(sessionId)
        this.#broadcast(conn, {
          type: 'state',
          i: userId,
          m: {sessionId, locations: Array.isArray(data.locations) ? data.locations : []},
        })
        reply(true)
        return
      }
      case 'presence_disconnect':
        conn.sessions.delete(text(params.session))
        this.#broadcast(conn, {type: 'disconnect', i: userId, m: {session: text(params.session)}})
        reply(true)
        return
      default:
        fail(-32601, `Method not found: ${typeof method === 'string' ? method : JSON.stringify(method)}`)
    }
  }
}

function send(conn: Connection, message: unknown): void {
  conn.peer.send(JSON.stringify(message))
}
