import type {IncomingMessage, ServerResponse} from 'node:http'
import type {AstroIntegration, ViteUserConfig} from 'astro'

/** Vite's, Astro's and dotfile paths, which are never pages (as Astro's own check). */
const INTERNAL = /^\/[_@./]/
/** A last segment with an extension names a file (`/sitemap.xml`, `/src/x.ts`), not a page. */
const FILE = /\/[^/]+\.\w+$/

/**
 * Where the dev server would answer a page address that lacks its trailing slash: the same
 * address with it, as a static host answers `/about-us` when `about-us/` is a folder.
 */
export function slashRedirect(url: string): string | undefined {
  const {pathname, search} = new URL(url, 'http://dev')
  if (pathname.endsWith('/') || INTERNAL.test(pathname) || FILE.test(pathname)) return undefined
  return `${pathname}/${search}`
}

function redirectToSlash(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const location = req.method === 'GET' || req.method === 'HEAD' ? slashRedirect(req.url ?? '/') : undefined
  if (!location) {
    next()
    return
  }
  res.writeHead(301, {Location: location}).end()
}

/**
 * Makes the dev server (the draft preview) answer like the built site on a static host:
 * `/about-us/` is the page, and `/about-us` redirects there. Astro's dev server would answer
 * `/about-us` with a 404 under `trailingSlash: 'always'`, which breaks links typed or kept
 * from before; a build is unaffected.
 */
export function servedPaths(): AstroIntegration {
  const plugin: NonNullable<ViteUserConfig['plugins']>[number] = {
    name: 'itss:served-paths',
    configureServer: {
      // Last of the post hooks, so this goes in front of the trailing-slash check Astro puts first.
      order: 'post',
      handler: (server) => () => {
        server.middlewares.stack.unshift({route: '', handle: redirectToSlash})
      },
    },
  }
  return {
    name: 'itss:served-paths',
    hooks: {
      'astro:config:setup': ({command, updateConfig}) => {
        if (command === 'dev') updateConfig({vite: {plugins: [plugin]}})
      },
    },
  }
}
