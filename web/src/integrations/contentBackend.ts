import {AsyncLocalStorage} from 'node:async_hooks'
import {randomBytes} from 'node:crypto'
import type {IncomingMessage} from 'node:http'
import type {TLSSocket} from 'node:tls'

import {ensureLocalLake, isLoopbackHostname, loadLocalLake} from '@itss/lake/local'
import {PREVIEW_MODE_ENABLE_PATH} from '@itss/schemas/paths'
import {validatePreviewUrl} from '@sanity/preview-url-secret'
import type {AstroIntegration} from 'astro'
import {prefetchBuildContent} from '../lib/content.ts'
import {PREVIEW_CHANGES_PATH} from '../lib/livePreview.ts'
import {connectContent} from '../lib/sanity.ts'
import {contentChanges, streamChanges} from './previewChanges.ts'

// A build with no Sanity project starts the local backend, whose code loads now: Astro's config
// loader refuses imports once the config has loaded.
if (!process.env.SANITY_PROJECT_ID) await loadLocalLake()

/** Shared with `loadContent` (src/lib/content.ts), which runs in this process in dev. */
const DEV_REQUEST_KEY = Symbol.for('itss.devPageRequest')

/**
 * The attributes of the preview's cookies. The Presentation tool frames the preview, usually from
 * another site (the Studio's), where browsers hold back `SameSite=Lax` cookies; `None` needs
 * `Secure`, which browsers accept over HTTPS and from loopback, and `Partitioned` keeps the cookie
 * where third-party cookies are blocked (it is the Studio's frame's alone). Plain HTTP beyond
 * loopback can only keep them for the same site.
 */
function cookieAttributes(req: Pick<IncomingMessage, 'headers' | 'socket'>): string {
  const secure =
    (req.socket as Partial<TLSSocket>).encrypted === true ||
    req.headers['x-forwarded-proto'] === 'https' ||
    isLoopbackHostname(new URL(`http://${req.headers.host ?? 'localhost'}`).hostname)
  return secure ? 'Path=/; SameSite=None; Secure; Partitioned' : 'Path=/; SameSite=Lax'
}

/** Remembers which release the draft preview shows, so links followed from a page keep showing it. */
const RELEASE_COOKIE = 'itss-preview-release'

/**
 * The release a page request previews: `?release=<id>` chooses one (and an empty value
 * leaves it), otherwise the one chosen before in this browser. Release ids are letters and digits.
 */
function previewRelease(req: IncomingMessage): {release?: string; setCookie?: string} {
  const asked = new URL(req.url ?? '/', 'http://dev').searchParams.get('release')
  if (asked === null) {
    const remembered = new RegExp(`(?:^|;\\s*)${RELEASE_COOKIE}=([A-Za-z0-9_-]+)`).exec(req.headers.cookie ?? '')?.[1]
    return remembered ? {release: remembered} : {}
  }
  const attributes = cookieAttributes(req)
  if (!/^[A-Za-z0-9_-]+$/.test(asked)) return {setCookie: `${RELEASE_COOKIE}=; ${attributes}; Max-Age=0`}
  return {release: asked, setCookie: `${RELEASE_COOKIE}=${asked}; ${attributes}`}
}

/** Marks a browser that came through the Presentation tool's handshake (PREVIEW_MODE_ENABLE_PATH). */
const SESSION_COOKIE = 'itss-preview-session'

/**
 * Presentation's handshake (`@sanity/preview-url-secret`): the secret must match the one the
 * Studio wrote, which only an editor can. Answers with a session cookie and a redirect to the
 * page asked for, or 401.
 */
async function enablePreviewMode(
  req: IncomingMessage & {originalUrl?: string | undefined},
  sessions: Set<string>,
): Promise<{status: number; headers: Record<string, string>}> {
  const url = req.originalUrl ?? req.url ?? ''
  // The token that reads drafts also reads the secret documents.
  const source = await connectContent({...process.env, SANITY_PERSPECTIVE: 'drafts'}, undefined, ensureLocalLake)
  try {
    const {isValid, redirectTo = '/'} = await validatePreviewUrl(source.client, url)
    if (!isValid) return {status: 401, headers: {}}
    const session = randomBytes(24).toString('base64url')
    sessions.add(session)
    // Only a path on this server: validatePreviewUrl has reduced it to path, query and hash.
    return {
      status: 307,
      headers: {
        Location: redirectTo.startsWith('/') ? redirectTo : '/',
        'Set-Cookie': `${SESSION_COOKIE}=${session}; HttpOnly; ${cookieAttributes(req)}`,
      },
    }
  } finally {
    await source.close()
  }
}

/**
 * A route the site renders from content: a page, or a feed, calendar, PDF, robots.txt or host
 * file (`_redirects`), as opposed to Vite's modules, Astro's assets and its image endpoint.
 */
function isContentRequest(url: string | undefined): boolean {
  const pathname = new URL(url ?? '/', 'http://dev').pathname
  if (/^\/(@|_astro\/|_image|src\/|node_modules\/)/.test(pathname)) return false
  const extension = /\.([a-z0-9]+)$/i.exec(pathname)?.[1]
  return extension === undefined || ['html', 'xml', 'ics', 'pdf', 'txt'].includes(extension)
}

/**
 * Keeps the local content backend up for the whole of a build or dev session when the site
 * reads from it (no SANITY_PROJECT_ID): started here if none is running, closed at the end.
 * Pages find it through the same `ensureLake` lookup, so a running backend is reused.
 *
 * In the dev server (draft preview) every page request reads the content afresh, so an
 * editor's saved draft shows on reload, and open pages hear of each commit (PREVIEW_CHANGES_PATH)
 * to re-render in place.
 */
export function contentBackend(): AstroIntegration {
  let close: (() => Promise<void>) | undefined
  const start = async (log: (line: string) => void) => {
    if (process.env.SANITY_PROJECT_ID || close) return
    // Only this build reads from it, so any free port will do.
    const lake = await ensureLocalLake({log, httpPort: 0, httpsPort: false})
    close = () => lake.close()
  }
  const stop = async () => {
    await close?.()
    close = undefined
  }
  return {
    name: 'itss:content-backend',
    hooks: {
      // A build asks for its content as soon as its config is read, so the query runs while
      // Vite bundles the pages.
      'astro:config:setup': async ({command, logger, updateConfig}) => {
        // The draft preview pre-bundles its scripts' dependencies in a folder of its own: a build
        // in the same project (a publish, while editors preview) rewrites Vite's shared one, after
        // which the preview answers its pages' script requests with 504s and they lose live editing.
        if (command === 'dev') updateConfig({vite: {cacheDir: 'node_modules/.vite/draft-preview'}})
        if (command !== 'build') return
        await start((line) => logger.info(line))
        prefetchBuildContent(ensureLocalLake)
      },
      'astro:build:done': stop,
      'astro:server:setup': async ({server, logger}) => {
        // Each page request renders in a context of its own, so loadContent fetches once per
        // request, for that request's release, however requests overlap.
        const requests = new AsyncLocalStorage<{release?: string; drafts: boolean}>()
        ;(globalThis as Record<symbol, unknown>)[DEV_REQUEST_KEY] = requests
        // Listening beyond loopback, drafts go only to browsers that came through the handshake.
        const handshakeRequired = process.env.ITSS_PREVIEW_HANDSHAKE === 'required'
        const sessions = new Set<string>()
        const hasSession = (cookie: string | undefined) => {
          const session = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([A-Za-z0-9_-]+)`).exec(cookie ?? '')?.[1]
          return session !== undefined && sessions.has(session)
        }
        server.middlewares.use(PREVIEW_MODE_ENABLE_PATH, (req, res) => {
          enablePreviewMode(req, sessions).then(
            ({status, headers}) => {
              res.writeHead(status, {...headers, 'Cache-Control': 'no-store'}).end()
            },
            (error: unknown) => {
              logger.error(`Preview mode handshake failed: ${String(error)}`)
              res.writeHead(500).end()
            },
          )
        })
        const changes = contentChanges(
          () => connectContent({...process.env, SANITY_PERSPECTIVE: 'drafts'}, undefined, ensureLocalLake),
          (line) => logger.warn(line),
        )
        server.middlewares.use(PREVIEW_CHANGES_PATH, (req, res) => {
          if (handshakeRequired && !hasSession(req.headers.cookie)) res.writeHead(401).end()
          else streamChanges(changes, req, res)
        })
        server.middlewares.use((req, res, next) => {
          if (req.method !== 'GET' || !isContentRequest(req.url)) {
            next()
            return
          }
          const {release, setCookie} = previewRelease(req)
          if (setCookie) res.setHeader('Set-Cookie', setCookie)
          // Astro keeps getStaticPaths() results until a source file changes, and pages get
          // their document from there; this is the event Astro itself clears them on.
          for (const [name, environment] of Object.entries(server.environments)) {
            if (name !== 'client') environment.hot.send('astro:content-changed', {})
          }
          const drafts = !handshakeRequired || hasSession(req.headers.cookie)
          requests.run(release ? {release, drafts} : {drafts}, next)
        })
        await start((line) => logger.info(line))
      },
      'astro:server:done': stop,
    },
  }
}
