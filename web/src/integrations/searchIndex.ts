import {writeFile} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'
import type {AstroIntegration} from 'astro'
import {onBuildContent} from '../lib/buildContent.ts'
import type {Content} from '../lib/content.ts'
import {writeSearchIndex} from '../lib/searchIndexFiles.ts'
import {searchRecords} from '../lib/searchRecords.ts'

/**
 * The search index for the pages being built: indexed into `pagefind/` in the output, or, when
 * `recordsFile` is given, only its records written there, for the publisher to index after the
 * pages are live (`pnpm start` does, so that a publish does not wait for a whole re-index).
 */
async function indexContent(content: Content, outDir: URL, recordsFile: string | undefined) {
  const started = performance.now()
  const records = searchRecords(content)
  if (recordsFile) await writeFile(recordsFile, JSON.stringify(records))
  else await writeSearchIndex(records, fileURLToPath(new URL('pagefind/', outDir)))
  return {urls: records.map((record) => record.url), ms: performance.now() - started}
}

/**
 * Builds the Pagefind index, so the search page works on any static host: from the content
 * (searchRecords), as soon as the pages have loaded it, while they render. When the last page
 * is written the index usually is too; the build then only checks that every page the index
 * leads to was built. With SITE_SEARCH_RECORDS set, the build writes the records to that file
 * and no index.
 */
export function searchIndex(): AstroIntegration {
  const recordsFile = process.env.SITE_SEARCH_RECORDS || undefined
  let outDir: URL | undefined
  let indexing: Promise<{urls: string[]; ms: number}> | undefined
  let stopListening: (() => void) | undefined
  return {
    name: 'itss:search-index',
    hooks: {
      'astro:config:done': ({config}) => {
        outDir = config.outDir
      },
      'astro:build:start': () => {
        stopListening = onBuildContent((content) => {
          if (indexing || !outDir) return
          indexing = indexContent(content, outDir, recordsFile)
          // Reported when awaited after the last page; until then a failure must not stop the rendering.
          indexing.catch(() => undefined)
        })
      },
      'astro:build:done': async ({pages, logger}) => {
        stopListening?.()
        if (!indexing) throw new Error('The search index has no content to index: no page loaded it')
        const waited = performance.now()
        const {urls, ms} = await indexing
        // A result that leads to a page the build did not write would be a dead end.
        const built = new Set(pages.map(({pathname}) => `/${pathname}`.replace(/\/*$/, '/').replace(/^\/+/, '/')))
        const missing = urls.filter((url) => !built.has(url))
        if (missing.length > 0)
          throw new Error(`The search index leads to pages that were not built: ${missing.join(', ')}`)
        logger.info(
          recordsFile
            ? `search records: ${String(urls.length)} pages, written for indexing after the build`
            : `search index: ${String(urls.length)} pages, from the content in ${String(Math.round(ms))} ms beside ` +
                `the rendering, waited for ${String(Math.round(performance.now() - waited))} ms`,
        )
      },
    },
  }
}
