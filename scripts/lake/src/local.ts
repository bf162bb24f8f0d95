// This repository's own lake: the working data in `.lake/` (git-ignored), seeded from the
// demo dataset in `dataset/`. The one entry the site imports from the lake package.
import path from 'node:path'
import type {Lake, LakeOptions} from './index.ts'

export {isLoopbackHostname} from './http/cors.ts'

const repoRoot = path.resolve(import.meta.dirname, '../../..')

/** The local backend's working data and the demo dataset it is seeded from. */
export const lakeDataDir = path.join(repoRoot, '.lake')
export const demoDatasetDir = path.join(repoRoot, 'dataset')

/**
 * The local content backend the site and Studio use when no Sanity project is configured:
 * the one already serving the working data if there is one, or a new one seeded from the
 * demo dataset. LAKE_DATA_DIR moves the working data (tests use throwaway copies).
 */
export async function ensureLocalLake(options: Partial<LakeOptions> = {}): Promise<Lake> {
  const dataDir = process.env.LAKE_DATA_DIR ? path.resolve(process.env.LAKE_DATA_DIR) : lakeDataDir
  const {ensureLake} = await loadLocalLake()
  return ensureLake({dataDir, seedDir: demoDatasetDir, ...options})
}

let backend: Promise<typeof import('./index.ts')> | undefined

/**
 * The backend's code, loaded on first need: a build from a Sanity project (as publishing and
 * the benchmark run it) imports this module without the server's dependencies, a third of a
 * second of its start. Astro's config calls this as it loads, because it cannot import later.
 */
export const loadLocalLake = () => (backend ??= import('./index.ts'))
