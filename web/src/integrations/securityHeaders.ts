import {readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {AstroIntegration} from 'astro'
import {headersFile} from '../lib/securityHeaders.ts'

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]+)"/i

/** Writes `_headers` beside the built pages, carrying the same policy as their meta tags. */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'itss:security-headers',
    hooks: {
      'astro:build:done': async ({dir}) => {
        const root = fileURLToPath(dir)
        const pages = (await readdir(root, {recursive: true})).filter((file) => file.endsWith('.html'))
        const policies = await Promise.all(
          pages.map(async (page) => {
            const policy = META_CSP.exec(await readFile(join(root, page), 'utf8'))?.[1]
            if (!policy) throw new Error(`${page} has no Content-Security-Policy meta tag`)
            return policy.replaceAll('&#39;', "'")
          }),
        )
        await writeFile(join(root, '_headers'), headersFile(policies))
      },
    },
  }
}
