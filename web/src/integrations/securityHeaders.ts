import {closeSync, openSync, readFileSync, readSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {AstroIntegration} from 'astro'
import {headersFile} from '../lib/securityHeaders.ts'

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]+)"/i

/**
 * The policy in a page's meta tag. It sits near the top of the page, so the start of the file
 * is read first, and the rest only if it is not there; read in one go, without a round trip to
 * the thread pool per file, as a build of 10,000 documents has over 12,000 pages.
 */
const head = Buffer.alloc(8192)

function policyOf(page: string): string {
  const file = openSync(page, 'r')
  let text: string
  try {
    text = head.toString('utf8', 0, readSync(file, head, 0, head.length, 0))
  } finally {
    closeSync(file)
  }
  const policy = META_CSP.exec(text)?.[1] ?? META_CSP.exec(readFileSync(page, 'utf8'))?.[1]
  if (!policy) throw new Error(`${page} has no Content-Security-Policy meta tag`)
  return policy.replaceAll('&#39;', "'")
}

/** Writes `_headers` beside the built pages, carrying the same policy as their meta tags. */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'itss:security-headers',
    hooks: {
      'astro:build:done': async ({dir, assets}) => {
        // Every file the build wrote or kept from its cache, by route.
        const pages = [...assets.values()]
          .flat()
          .map((url) => fileURLToPath(url))
          .filter((file) => file.endsWith('.html'))
        if (pages.length === 0) throw new Error('The build wrote no pages to take a security policy from')
        await writeFile(join(fileURLToPath(dir), '_headers'), headersFile(pages.map(policyOf)))
      },
    },
  }
}
