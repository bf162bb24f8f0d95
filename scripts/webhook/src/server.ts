// A small Node HTTP server around a web-standard webhook handler, for local use and tests.
import http from 'node:http'
import type {AddressInfo, Socket} from 'node:net'
import type {WebhookHandler} from './handler.ts'
import {DEFAULT_MAX_BODY_BYTES, jsonResponse} from './handler.ts'

export interface WebhookServer {
  url: string
  close(): Promise<void>
}

export interface WebhookServerOptions {
  handler: WebhookHandler
  /** 0 picks a free port. */
  port?: number
  host?: string
  maxBodyBytes?: number
}

export async function startWebhookServer({
  handler,
  port = 0,
  host = '127.0.0.1',
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
}: WebhookServerOptions): Promise<WebhookServer> {
  const sockets = new Set<Socket>()
  const server = http.createServer((req, res) => {
    void respond(req, res).catch((error: unknown) => {
      console.error('webhook: the handler failed:', error)
      if (!res.headersSent) res.writeHead(500, {'content-type': 'text/plain'})
      res.end('internal error')
    })
  })

  async function respond(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readBody(req, maxBodyBytes)
    const response =
      body === null
        ? jsonResponse(413, {error: 'body too large'}, {connection: 'close'})
        : await handler(toRequest(req, body, (server.address() as AddressInfo).port))
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  }

  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const {port: bound} = server.address() as AddressInfo
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

/** The raw body, or null once it passes `limit` bytes (the rest is not read). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.pause()
        resolve(null)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function toRequest(req: http.IncomingMessage, body: Buffer, port: number): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  const method = req.method ?? 'GET'
  return new Request(new URL(req.url ?? '/', `http://127.0.0.1:${port}`), {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : {body: new Uint8Array(body)}),
  })
}
