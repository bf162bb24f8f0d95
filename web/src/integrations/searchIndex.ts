import {fileURLToPath} from 'node:url'
import type {AstroIntegration} from 'astro'
import {close, createIndex} from 'pagefind'
import {onBuildContent} from '../lib/buildContent.ts'
import type {Content} from '../lib/content.ts'
import {searchRecords} from '../lib/searchRecords.ts'

/** Indexes `records` with Pagefind and writes the index to `outputPath`; Pagefind works in a process of its own. */
async function writeIndex(content: Content, outputPath: string): Promise<{urls: string[]; ms: number}> {
  const started = performance.now()
  const {index, errors} = await createIndex({forceLanguage: 'en'})
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  try {
    const records = searchRecords(content)
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)))
    const failed = added.flatMap((result) => result.errors)
    if (failed.length > 0) throw new Error(`Pagefind could not index the content: ${failed.join('; ')}`)
    const written = await index.writeFiles({outputPath})
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`)
    return {urls: records.map((record) => record.url), ms: performance.now() - started}
  } finally {
    await close()
  }
}

/**
 * Builds the Pagefind index, so the search page works on any static host: from the content
 * (searchRecords), as soon as the pages have loaded it, while they render. When the last page
 * is written the index usually is too; the build then only checks that every page the index
 * leads to was built.
 */
export function searchIndex(): AstroIntegration {
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
          indexing = writeIndex(content, fileURLToPath(new URL('pagefind/', outDir)))
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
          `search index: ${String(urls.length)} pages, from the content in ${String(Math.round(ms))} ms beside the ` +
            `rendering, waited for ${String(Math.round(performance.now() - waited))} ms`,
        )
      },
    },
  }
}
