import type {APIRoute, GetStaticPaths} from 'astro'
import {pageKey} from '../lib/cacheKeys.ts'
import {loadContent} from '../lib/content.ts'
import {redirectsFile} from '../lib/redirects.ts'

// Astro leaves files whose names start with `_` out of routing, so the name is a parameter.
export const getStaticPaths = (async () => {
  const content = await loadContent()
  return [{params: {redirectsFile: '_redirects'}, cacheKey: pageKey(content, content.redirects)}]
}) satisfies GetStaticPaths

/** `_redirects`: the site's redirects as rules for hosts that read them (Netlify, Cloudflare Pages). */
export const GET: APIRoute = async () =>
  new Response(redirectsFile((await loadContent()).redirects), {headers: {'Content-Type': 'text/plain; charset=utf-8'}})
