import {spawnSync} from 'node:child_process'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {stripVTControlCharacters} from 'node:util'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {pageText, removeDir, tempDir} from './site.ts'
import {copyWorkspace} from './workspaceCopy.ts'

/*
 * `pnpm new:type` on a copy of the repository: the new type's schema, cases, query, page and
 * demo document are written, the types regenerate, its validation tests pass, the Studio's menu
 * lists it, and the site builds with its page showing the demo document.
 */

let copy: string
let lakeDir: string
const node = process.execPath
const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(node, args, {
    cwd,
    encoding: 'utf8',
    env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', ...env},
  })

beforeAll(async () => {
  copy = await tempDir('workspace')
  lakeDir = await tempDir('new-type-lake')
  await copyWorkspace(copy)
  const generated = run([path.join(copy, 'scripts/dev/src/newType.ts'), 'caseStudy'], copy)
  if (generated.status !== 0) throw new Error(`new:type failed:\n${generated.stdout}\n${generated.stderr}`)
}, 180_000)

afterAll(async () => {
  await removeDir(copy)
  await removeDir(lakeDir)
})

test('writes the schema, registers it and regenerates the query types', async () => {
  const index = await readFile(path.join(copy, 'schemas/src/index.ts'), 'utf8')
  expect(index).toMatch(/import \{caseStudy\} from '\.\/documents\/caseStudy\.ts'/)
  expect(index).toMatch(/export const documentTypes = \[[^\]]*caseStudy/)
  const types = await readFile(path.join(copy, 'web/src/sanity.types.ts'), 'utf8')
  expect(types).toMatch(/export type CaseStudy = \{/)
  expect(types).toMatch(/caseStudies: Array<\{/)
})

test('refuses a name that is taken or malformed', () => {
  expect(run([path.join(copy, 'scripts/dev/src/newType.ts'), 'caseStudy'], copy).stderr).toMatch(/already exists/)
  expect(run([path.join(copy, 'scripts/dev/src/newType.ts'), 'Case Study'], copy).stderr).toMatch(/not a type name/)
})

test("passes the schema tests and the content model's checks", () => {
  const vitest = path.join(copy, 'node_modules/vitest/vitest.mjs')
  const result = run(
    [
      vitest,
      'run',
      '--reporter=verbose',
      'schemas',
      'tests/src/schemaValidation.test.ts',
      'tests/src/contentModel.test.ts',
    ],
    copy,
  )
  expect(result.status, result.stdout + result.stderr).toBe(0)
  // The new type's own validation cases and content-model checks ran, and passed.
  const output = stripVTControlCharacters(result.stdout)
  expect(output).toMatch(/caseStudy > fails when title is required/)
  expect(output).toMatch(/caseStudy has at least one document in the demo dataset/)
}, 120_000)

test("is listed in the Studio's content menu", () => {
  const vitest = path.join(copy, 'node_modules/vitest/vitest.mjs')
  const result = run([vitest, 'run', '--reporter=verbose', 'studio/src/structure.test.ts'], copy)
  expect(result.status, result.stdout + result.stderr).toBe(0)
  // The menu built from the copy's Studio configuration has exactly one item opening the new type.
  expect(stripVTControlCharacters(result.stdout)).toMatch(/✓ .*caseStudy is in the Studio's content menu/)
}, 120_000)

test('type-checks and builds, and its page lists the demo document', async () => {
  const check = run([path.join(copy, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'schemas'], copy)
  expect(check.status, check.stdout).toBe(0)
  const outDir = path.join(copy, 'web/dist')
  const build = run([path.join(copy, 'web/node_modules/astro/bin/astro.mjs'), 'build'], path.join(copy, 'web'), {
    LAKE_DATA_DIR: lakeDir,
  })
  expect(build.status, build.stdout + build.stderr).toBe(0)
  expect(await pageText(outDir, '/case-studies')).toContain('Example case study')
}, 180_000)

test('a query changed without rerunning typegen fails the drift check', async () => {
  const queries = path.join(copy, 'web/src/lib/queries.ts')
  const source = await readFile(queries, 'utf8')
  await writeFile(queries, source.replace('{_id, _type, title, summary}', '{_id, _type, title, summary, order}'))
  const check = run([path.join(copy, 'scripts/dev/src/checkTypegen.ts')], copy)
  expect(check.status).not.toBe(0)
  expect(check.stderr).toMatch(/sanity\.types\.ts was out of date/)
  // The check regenerated the types, so a second run passes.
  expect(run([path.join(copy, 'scripts/dev/src/checkTypegen.ts')], copy).status).toBe(0)
}, 180_000)
