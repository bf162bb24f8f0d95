import path from 'node:path'
import {ensureLake, type Lake, type LakeOptions} from './lake/index.ts'
import {demoDatasetDir, lakeDataDir} from './repo.ts'

/**
 * The local content backend the site and Studio use when no Sanity project is configured:
 * the one already serving the working data if there is one, or a new one seeded from the
 * demo dataset. LAKE_DATA_DIR moves the working data (tests use throwaway copies).
 */
export function ensureLocalLake(options: Partial<LakeOptions> = {}): Promise<Lake> {
  const dataDir = process.env.LAKE_DATA_DIR ? path.resolve(process.env.LAKE_DATA_DIR) : lakeDataDir
  return ensureLake({dataDir, seedDir: demoDatasetDir, ...options})
}
