import {spawnSync} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {quietEnv, repoRoot} from '@itss/dev'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {builtFiles, removeDir, tempDir} from './site.ts'

/*
 * The Studio built for a real Sanity project (SANITY_STUDIO_PROJECT_ID set) must carry none
 * of the local backend's settings: no localhost API host, no token login, no lake port.
 */

let outDir: string
let bundle: string

beforeAll(async () => {
  outDir = await tempDir('studio-bundle')
  const env = {
    ...process.env,
    ...quietEnv,
    SANITY_STUDIO_PROJECT_ID: 'abc123xy',
    SANITY_STUDIO_DATASET: 'production',
  }
  const sanity = path.join(repoRoot, 'studio/node_modules/sanity/bin/sanity')
  const build = spawnSync(process.execPath, [sanity, 'build', outDir, '--yes'], {
    cwd: path.join(repoRoot, 'studio'),
    encoding: 'utf8',
    env,
  })
  if (build.status !== 0) throw new Error(`sanity build failed:\n${build.stdout}\n${build.stderr}`)
  const scripts = (await builtFiles(outDir)).filter((file) => file.endsWith('.js'))
  bundle = (await Promise.all(scripts.map((file) => readFile(path.join(outDir, file), 'utf8')))).join('\n')
}, 300_000)

afterAll(async () => {
  await removeDir(outDir)
})

test('is configured for the project', () => {
  expect(bundle).toContain('abc123xy')
})

test('has no local-backend settings', () => {
  // Booleans, not the bundle itself: a failure message with megabytes of code helps no one.
  expect(bundle.includes('https://localhost:'), 'the local API host').toBe(false)
  expect(bundle.includes('SANITY_STUDIO_LAKE_PORT'), "the local backend's port").toBe(false)
  expect(/projectId:\s*[`"']itss[`"']/.test(bundle), 'the local project id').toBe(false)
})
