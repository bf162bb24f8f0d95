import {ensureLocalLake} from '@itss/scripts/localLake.ts'
import type {AstroIntegration} from 'astro'

/**
 * Keeps the local content backend up for the whole of a build or dev session when the site
 * reads from it (no SANITY_PROJECT_ID): started here if none is running, closed at the end.
 * Pages find it through the same `ensureLake` lookup, so a running backend is reused.
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
      'astro:build:start': ({logger}) => start((line) => logger.info(line)),
      'astro:build:done': stop,
      'astro:server:setup': ({logger}) => start((line) => logger.info(line)),
      'astro:server:done': stop,
    },
  }
}
