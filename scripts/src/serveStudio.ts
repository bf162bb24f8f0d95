// The Sanity Studio against a local lake, built once with `sanity build` and served as static
// files: what the Studio's browser tests run, and a way to use the built Studio locally.
//
//   node scripts/src/serveStudio.ts [--data-dir D] [--fresh] [--port 3333] [--lake-port 3400]
//     [--lake-https-port 3443] [--out-dir DIR] [--no-build]
//
// --fresh deletes the data dir first, so the lake is seeded anew from dataset/.
import {spawn} from 'node:child_process'
import {readFile, rm, stat} from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'

import {ensureLake, findRunningLake, startLake} from './lake/index.ts'
import {demoDatasetDir, lakeDataDir, quietEnv, repoRoot} from './repo.ts'

const studioDir = path.join(repoRoot, 'studio')
const sanityBin = path.join(studioDir, 'node_modules/sanity/bin/sanity')

const {values} = parseArgs({
  options: {
    'data-dir': {type: 'string'},
    fresh: {type: 'boolean'},
    port: {type: 'string'},
    'lake-port': {type: 'string'},
    'lake-https-port': {type: 'string'},
    'out-dir': {type: 'string'},
    'no-build': {type: 'boolean'},
  },
})

const dataDir = path.resolve(values['data-dir'] ?? process.env.LAKE_DATA_DIR ?? lakeDataDir)
const port = Number(values.port ?? 3333)
const lakePort = Number(values['lake-port'] ?? 3400)
const lakeHttpsPort = Number(values['lake-https-port'] ?? 3443)
const outDir = path.resolve(values['out-dir'] ?? path.join(os.tmpdir(), `itss-studio-build-${lakeHttpsPort}`))

const lakeOptions = {
  dataDir,
  seedDir: demoDatasetDir,
  httpPort: lakePort,
  httpsPort: lakeHttpsPort,
  log: (line: string) => console.log(line),
}
let lake
if (values.fresh) {
  // A lake from an earlier run may still be shutting down: wait for it rather than wipe its
  // files from under it (and then reuse it with a token it never had).
  for (let waited = 0; await findRunningLake(dataDir); waited += 500) {
    if (waited > 15_000) throw new Error(`A lake is still serving ${dataDir}; stop it first.`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await rm(dataDir, {recursive: true, force: true})
  lake = await startLake(lakeOptions)
} else {
  lake = await ensureLake(lakeOptions)
}
const lakeHttpsPortInUse = lake.httpsUrl ? Number(new URL(lake.httpsUrl).port) : lakeHttpsPort

if (!values['no-build']) {
  // The lake's port is read at build time (SANITY_STUDIO_* variables are baked in).
  // Without SANITY_STUDIO_PROJECT_ID, so the Studio is configured for the lake.
  const inherited = Object.entries(process.env).filter(([key]) => key !== 'SANITY_STUDIO_PROJECT_ID')
  const env = {...Object.fromEntries(inherited), ...quietEnv, SANITY_STUDIO_LAKE_PORT: String(lakeHttpsPortInUse)}
  const build = spawn(process.execPath, [sanityBin, 'build', outDir, '--yes'], {cwd: studioDir, stdio: 'inherit', env})
  const code = await new Promise<number | null>((resolve) => build.on('close', resolve))
  if (code !== 0) {
    await lake.close()
    console.error('sanity build failed; the messages above say why.')
    process.exit(1)
  }
}

// `sanity build` adds a script from Sanity's CDN (the hosted dashboard bridge): nothing a
// local Studio needs, and a request that can only fail offline.
const indexHtml = (await readFile(path.join(outDir, 'index.html'), 'utf8')).replace(
  /<script[^>]*src="https:\/\/core\.sanity-cdn\.com\/bridge\.js"[^>]*><\/script>/,
  '',
)

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
    res.writeHead(200, {'Content-Type': TYPES['.html'] ?? 'text/html', 'Cache-Control': 'no-cache'})
    res.end(indexHtml)
  })().catch(() => {
    res.statusCode = 500
    res.end()
  })
})
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))

const studioUrl = `http://localhost:${port}/`
console.log(
  [
    '',
    `Studio:  ${studioUrl}`,
    `Log in:  ${studioUrl}#token=${lake.token}`,
    `Lake:    ${lake.httpUrl} (browsers: ${lake.httpsUrl?.replace('127.0.0.1', `${lake.projectId}.localhost`) ?? 'no HTTPS'})`,
    'Ctrl-C stops it.',
  ].join('\n'),
)

const stop = async () => {
  server.close()
  server.closeAllConnections()
  await lake.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
