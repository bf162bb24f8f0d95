// Serves a built site the way a plain static host serves directory output: `/faqs/` answers
// with `faqs/index.html`, `/faqs` (a folder) is redirected to `/faqs/` with a 301 as nginx
// does, unknown paths get `404.html` with status 404, and the headers in `_headers` apply to
// every response. Used by `pnpm start` and the browser tests; loopback only. The folder may be a
// link that a publish switches to a new build (publishedSite.ts): each request is answered
// wholly from the build the link names when it comes in, its files and its `_headers`.
import {createReadStream} from 'node:fs'
import {readFile, realpath, stat} from 'node:fs/promises'
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
  '.ics': 'text/calendar; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
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

/** What the host has at `file`: a file, a folder, or nothing. */
async function kindOf(file: string): Promise<'file' | 'folder' | undefined> {
  const found = await stat(file).catch(() => null)
  return found?.isFile() ? 'file' : found?.isDirectory() ? 'folder' : undefined
}

/**
 * What a static host does with a request path: the file it names, `index.html` in the folder
 * a path ending in `/` names, a redirect to add the slash when the path names a folder, or
 * nothing. Resolves inside root only: `..` segments never escape it.
 */
export async function resolveRequest(
  root: string,
  pathname: string,
): Promise<{file: string} | {redirect: string} | undefined> {
  const wanted = path.join(root, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''))
  if (wanted !== root && !wanted.startsWith(root + path.sep)) return undefined
  if (pathname.endsWith('/')) {
    const index = path.join(wanted, 'index.html')
    return (await kindOf(index)) === 'file' ? {file: index} : undefined
  }
  const kind = await kindOf(wanted)
  if (kind === 'file') return {file: wanted}
  if (kind === 'folder') return {redirect: `${pathname}/`}
  return undefined
}

export async function serveSite(root: string, port: number, host = '127.0.0.1') {
  // The headers of the build last served, read again only when the link names another.
  let served: {build: string; headers: Promise<Record<string, string>>} | undefined
  const current = async () => {
    const build = await realpath(root).catch(() => root)
    if (served?.build !== build) served = {build, headers: readHeaders(build)}
    return {build, headers: await served.headers}
  }
  const server = http.createServer((req, res) => {
    void answer(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const {build, headers} = await current()
    const url = new URL(req.url ?? '/', 'http://site')
    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      res.writeHead(400, headers).end()
      return
    }
    const found = await resolveRequest(build, pathname)
    if (found && 'redirect' in found) {
      // The raw (still encoded) path, so the Location names exactly what was asked for plus `/`.
      res.writeHead(301, {...headers, Location: `${url.pathname}/${url.search}`}).end()
      return
    }
    const file = found?.file ?? path.join(build, '404.html')
    res.writeHead(found ? 200 : 404, {
      ...headers,
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    })
    if (req.method === 'HEAD') res.end()
    else
      createReadStream(file)
        .on('error', () => res.end())
        .pipe(res)
  }
  await new Promise<void>((resolve, reject) => {
    // A port in use (another server left running) fails here, with the port named, not later.
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(new Error(`Cannot serve the site on ${host}:${port}: ${err.code ?? err.message}`))
    })
    server.listen(port, host, resolve)
  })
  return {url: `http://${host}:${(server.address() as AddressInfo).port}/`, close: () => server.close()}
}

if (import.meta.main) {
  const {values} = parseArgs({options: {port: {type: 'string', default: '4321'}, dir: {type: 'string'}}})
  const root = path.resolve(values.dir ?? path.join(webDir, 'dist'))
  const site = await serveSite(root, Number(values.port))
  console.log(`Serving ${root} at ${site.url}`)
}
