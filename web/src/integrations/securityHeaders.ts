import {writeFile} from 'node:fs/promises'
import type {AstroIntegration} from 'astro'
import {headersFile} from '../lib/securityHeaders.ts'

/** Writes `_headers` beside the built pages, for static hosts that read it. */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'itss:security-headers',
    hooks: {
      'astro:build:done': async ({dir}) => {
        await writeFile(new URL('_headers', dir), headersFile())
      },
    },
  }
}
