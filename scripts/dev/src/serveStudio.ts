// The Sanity Studio against a local lake, built once with `sanity build` and served as static
// files: what the Studio's browser tests run, and a way to use the built Studio locally.
//
//   node scripts/dev/src/serveStudio.ts [--data-dir D] [--port 3333] [--lake-port 3400]
//     [--lake-https-port 3443] [--out-dir DIR] [--no-build]
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {readFile, stat} from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'

import {ensureLake, type Lake} from '@itss/lake'
import {demoDatasetDir, lakeDataDir} from '@itss/lake/local'
import {quietEnv, repoRoot} from './repo.ts'

const studioDir = path.join(repoRoot, 'studio')
const sanityBin = path.join(studioDir, 'node_modules/sanity/bin/sanity')

/** Where a Studio built for a lake's HTTPS port goes unless told otherwise. */
export const defaultStudioOutDir = (lakeHttpsPort: number) =>
  path.join(os.tmpdir(), `itss-studio-build-${lakeHttpsPort}`)

/** The lake's HTTPS port, which the Studio is built against; null when it serves no HTTPS. */
export function lakeHttpsPort(lake: Pick<Lake, 'httpsUrl'>): number | null {
  return lake.httpsUrl ? Number(new URL(lake.httpsUrl).port) : null
}

/**
 * `sanity build` of the Studio into outDir, configured for a lake on `httpsPort` (the
 * SANITY_STUDIO_* variables are baked in at build time). Resolves to whether it built.
 */
export async function buildStudio(options: {
  outDir: string
  httpsPort: number
  /** Where the Studio's Preview action opens pages; the Studio's own default when not given. */
  previewUrl?: string
  /** Told each line of the build's output; by default it goes to this process's output. */
  log?: (line: string) => void
  /** Stops the build (SIGTERM) when aborted. */
  signal?: AbortSignal
}): Promise<boolean> {
  // Without SANITY_STUDIO_PROJECT_ID, so the Studio is configured for the lake.
  const inherited = Object.entries(process.env).filter(([key]) => key !== 'SANITY_STUDIO_PROJECT_ID')
  const env = {
    ...Object.fromEntries(inherited),
    ...quietEnv,
    SANITY_STUDIO_LAKE_PORT: String(options.httpsPort),
    ...(options.previewUrl ? {SANITY_STUDIO_PREVIEW_URL: options.previewUrl} : {}),
  }
  const {log} = options
  const build = spawn(process.execPath, [sanityBin, 'build', options.outDir, '--yes'], {
    cwd: studioDir,
    stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env,
    ...(options.signal ? {signal: options.signal} : {}),
  })
  build.on('error', () => undefined)
  if (log) {
    for (const stream of [build.stdout, build.stderr]) {
      let rest = ''
      stream?.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n')
        rest = lines.pop() ?? ''
        for (const line of lines) if (line.trim()) log(line)
      })
      stream?.on('end', () => rest.trim() && log(rest))
    }
  }
  const code = await new Promise<number | null>((resolve) => build.on('close', resolve))
  return code === 0
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

/** Every address on this machine, for each scheme the Studio uses. */
const LOOPBACK = ['localhost', '*.localhost', '127.0.0.1']
  .flatMap((host) => ['http', 'https', 'ws', 'wss'].map((scheme) => `${scheme}://${host}:*`))
  .join(' ')

/**
 * The local Studio may load and call only this machine: the content backend, its images and
 * the preview server. Sanity's version check and error reporting, which would otherwise
 * reach Sanity's hosted services at every start, are refused by the browser before any
 * request is made. The Studio's inline boot script is allowed by its hash.
 */
export function studioContentSecurityPolicy(indexHtml: string): string {
  const inlineScripts = [...indexHtml.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1] ?? '')
    .filter((script) => script.trim() !== '')
    .map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`)
  return [
    `default-src 'self' ${LOOPBACK}`,
    `script-src 'self' ${inlineScripts.join(' ')}`,
    // styled-components writes style elements at run time.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: ${LOOPBACK}`,
    `font-src 'self' data:`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `frame-ancestors 'self'`,
  ].join('; ')
}

export interface StudioServer {
  /** `http://localhost:<port>/` */
  url: string
  close(): void
}

/** The index.html `sanity build` writes, without what only Sanity's hosted services can serve. */
export function localIndexHtml(html: string): string {
  return (
    html
      // The hosted dashboard's bridge script: nothing a local Studio needs.
      .replace(/<script[^>]*src="https:\/\/core\.sanity-cdn\.com\/bridge\.js"[^>]*><\/script>/, '')
      // Inter from Sanity's CDN: the Studio's stylesheet brings its own (studio/src/selfHostedFonts.ts).
      .replace(/@font-face\s*{[^}]*https:\/\/studio-static\.sanity\.io\/[^}]*}/g, '')
  )
}

/** Serves a built Studio on loopback; every path that is not a file gets the app's index.html. */
export async function serveStudioFiles(outDir: string, port: number): Promise<StudioServer> {
  const indexHtml = localIndexHtml(await readFile(path.join(outDir, 'index.html'), 'utf8'))
  const contentSecurityPolicy = studioContentSecurityPolicy(indexHtml)

  const server = http.createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://studio').pathname)
      const file = path.join(outDir, path.normalize(pathname))
      const isFile = file.startsWith(outDir + path.sep) && (await stat(file).catch(() => null))?.isFile()
      if (isFile && !file.endsWith('index.html')) {
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Cache-Control': pathname.startsWith('/static/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        })
        res.end(await readFile(file))
        return
      }
      // Every other path is a Studio route: the single-page app answers it.
      res.writeHead(200, {
        'Content-Type': TYPES['.html'] ?? 'text/html',
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': contentSecurityPolicy,
      })
      res.end(indexHtml)
    })().catch(() => {
      res.statusCode = 500
      res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () => {
      server.close()
      server.closeAllConnections()
    },
  }
}

/** The address that logs a browser in to the Studio (the lake's editor token, read once). */
export function studioLoginUrl(studioUrl: string, lake: Pick<Lake, 'token'>): string {
  return `${studioUrl}#token=${lake.token}`
}

async function main() {
  const {values} = parseArgs({
    options: {
      'data-dir': {type: 'string'},
      port: {type: 'string'},
      'lake-port': {type: 'string'},
      'lake-https-port': {type: 'string'},
      'out-dir': {type: 'string'},
      'no-build': {type: 'boolean'},
    },
  })

  const dataDir = path.resolve(values['data-dir'] ?? process.env.LAKE_DATA_DIR ?? lakeDataDir)
  const port = Number(values.port ?? 3333)
  const lakeOptions = {
    dataDir,
    seedDir: demoDatasetDir,
    httpPort: Number(values['lake-port'] ?? 3400),
    httpsPort: Number(values['lake-https-port'] ?? 3443),
    log: (line: string) => console.log(line),
  }
  // The lake serving the data dir, or one started here (`pnpm dataset:reset` reseeds it).
  const lake = await ensureLake(lakeOptions)
  const httpsPort = lakeHttpsPort(lake) ?? lakeOptions.httpsPort
  const outDir = path.resolve(values['out-dir'] ?? defaultStudioOutDir(httpsPort))

  if (!values['no-build'] && !(await buildStudio({outDir, httpsPort}))) {
    await lake.close()
    console.error('sanity build failed; the messages above say why.')
    process.exit(1)
  }

  const studio = await serveStudioFiles(outDir, port)
  console.log(
    [
      '',
      `Studio:  ${studio.url}`,
      `Log in:  ${studioLoginUrl(studio.url, lake)}`,
      `Lake:    ${lake.httpUrl} (browsers: ${lake.httpsUrl?.replace('127.0.0.1', `${lake.projectId}.localhost`) ?? 'no HTTPS'})`,
      'Ctrl-C stops it.',
    ].join('\n'),
  )

  const stop = async () => {
    studio.close()
    await lake.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

if (import.meta.main) await main()
