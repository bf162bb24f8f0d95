// Serves a built site the way the static hosts it targets do: `/faqs` answers with
// `faqs.html`, unknown paths get `404.html` with status 404, and the headers in `_headers`
// apply to every response. Used by `pnpm start` and the browser tests; loopback only.
import {createReadStream} from 'node:fs'
import {readFile, stat} from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {webDir} from './repo.ts'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
}

/** Headers from a `_headers` file; only the `/*` block, which is all this site writes. */
async function readHeaders(root: string): Promise<Record<string, string>> {
  const text = await readFile(path.join(root, '_headers'), 'utf8').catch(() => '')
  const headers: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const match = /^\s+([\w-]+):\s*(.+)$/.exec(line)
    if (match?.[1] && match[2]) headers[match[1]] = match[2]
  }
  return headers
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false
}

export async function serveSite(root: string, port: number, host = '127.0.0.1') {
  const headers = await readHeaders(root)
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname)
    // Resolve inside root only: `..` segments never escape it.
    const wanted = path.join(root, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''))
    const candidates = pathname.endsWith('/')
      ? [path.join(wanted, 'index.html')]
      : [wanted, `${wanted}.html`, path.join(wanted, 'index.html')]
    let file: string | undefined
    for (const candidate of candidates)
      if (!file && candidate.startsWith(root) && (await isFile(candidate))) file = candidate
    const status = file ? 200 : 404
    file ??= path.join(root, '404.html')
    res.writeHead(status, {
      ...headers,
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    })
    if (req.method === 'HEAD') res.end()
    else
      createReadStream(file)
        .on('error', () => res.end())
        .pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  return {url: `http://${host}:${(server.address() as AddressInfo).port}/`, close: () => server.close()}
}

if (import.meta.main) {
  const {values} = parseArgs({options: {port: {type: 'string', default: '4321'}, dir: {type: 'string'}}})
  const root = path.resolve(values.dir ?? path.join(webDir, 'dist'))
  const site = await serveSite(root, Number(values.port))
  console.log(`Serving ${root} at ${site.url}`)
}
