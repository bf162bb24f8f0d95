import {resolve} from 'node:path'
import {defineConfig} from 'astro/config'
import {contentBackend} from './src/integrations/contentBackend.ts'
import {searchIndex} from './src/integrations/searchIndex.ts'
import {securityHeaders} from './src/integrations/securityHeaders.ts'
import {servedPaths} from './src/integrations/servedPaths.ts'
import {CSP_DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES} from './src/lib/securityHeaders.ts'
import {DEFAULT_SITE_URL} from './src/lib/siteUrl.ts'

// The public address the site is served from, for canonical links and the sitemap.
const site = process.env.SITE_URL ?? DEFAULT_SITE_URL

// Incremental builds (src/lib/cacheKeys.ts) when SITE_BUILD_CACHE names a folder to keep the last
// build's pages in: one folder per deployment, so that a build copies only pages it rendered from
// the same site. Without it, every build renders every page and keeps nothing.
const buildCache = process.env.SITE_BUILD_CACHE ? resolve(process.env.SITE_BUILD_CACHE) : undefined
// A publisher that has copied the last build's pages into the output folder (seedOutput in
// scripts/dev) sets SITE_OUTPUT_SEEDED: the folder is not emptied, and Astro leaves each page it
// would have copied from the cache where it is.
const seeded = process.env.SITE_OUTPUT_SEEDED === '1'

export default defineConfig({
  site,
  ...(buildCache ? {cacheDir: buildCache} : {}),
  experimental: {incrementalBuild: buildCache !== undefined},
  output: 'static',
  // Every page is a folder with an index.html, addressed with a trailing slash (`/about-us/`):
  // any static host serves that URL as it is, with no rewrite rule and no redirect, so the
  // address pages link to and name as canonical is the one that answers.
  trailingSlash: 'always',
  // Stylesheets as files, never inline, so the CSP can allow styles from 'self' only. Pages
  // render 32 at a time: while some wait on file writes and image lookups, others render
  // (a 10,000-document build takes 40% less time than one page at a time).
  build: {format: 'directory', inlineStylesheets: 'never', concurrency: 32},
  integrations: [contentBackend(), servedPaths(), securityHeaders(), searchIndex()],
  // No code blocks on this site; Shiki's inline styles would need 'unsafe-inline'.
  markdown: {syntaxHighlight: false},
  security: {
    // A Content-Security-Policy meta tag on every page, with hashes for Astro's own inline scripts.
    csp: {
      algorithm: 'SHA-256',
      directives: [...CSP_DIRECTIVES],
      scriptDirective: {resources: [...SCRIPT_SOURCES]},
      styleDirective: {resources: [...STYLE_SOURCES]},
    },
  },
  // The draft preview is what editors see beside the form: Astro's developer toolbar stays out of
  // it (and so do the dependencies it would have Vite bundle on its first load).
  devToolbar: {enabled: false},
  // The draft preview's visual-editing script (src/scripts/visualEditing.ts) is linked from
  // pages rather than found by Vite's scan; bundled at start, its first load causes no reload.
  vite: {
    optimizeDeps: {include: ['@sanity/visual-editing', 'idiomorph']},
    // One stylesheet for the whole site (3 kB gzipped): a visitor fetches it once, for every
    // page, and a build hashes one stylesheet link per page for the CSP, not four.
    build: {cssCodeSplit: false, ...(seeded ? {emptyOutDir: false} : {})},
  },
  image: {
    // Images are fetched from the content backend at build time and shipped with the site.
    remotePatterns: [{protocol: 'https', hostname: 'cdn.sanity.io'}, {hostname: 'localhost'}, {hostname: '127.0.0.1'}],
  },
})
