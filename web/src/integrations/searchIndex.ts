import {fileURLToPath} from 'node:url'
import type {AstroIntegration} from 'astro'
import {close, createIndex} from 'pagefind'

/** Indexes the built pages with Pagefind, so the search page works on any static host. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'itss:search-index',
    hooks: {
      'astro:build:done': async ({dir, logger}) => {
        const {index, errors} = await createIndex({forceLanguage: 'en'})
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
        const added = await index.addDirectory({path: fileURLToPath(dir)})
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`)
        await index.writeFiles({outputPath: fileURLToPath(new URL('pagefind/', dir))})
        await close()
        logger.info(`search index: ${added.page_count} pages`)
      },
    },
  }
}
