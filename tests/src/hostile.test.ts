import {clientFor} from '@itss/lake/testing'
import {CASE_FIXTURES, loadCasesFiles, type BrokenCase, type Doc} from '@itss/schemas/cases'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {buildSite, htmlFile, projectEnv, removeDir, startDemoLake, tempDir, type Build} from './site.ts'
import {readFile} from 'node:fs/promises'

/*
 * A hostile dataset: the demo content plus every broken validation case the build must
 * refuse too (those marked `build` in schemas/src/{documents,singletons}/<type>.cases.ts),
 * each as a document of its own, and input only the build can catch. The build has to fail,
 * name each document and field, and write no page.
 *
 * Each broken document is a copy of its type's valid document with one change, and the valid
 * documents are written too and must draw no complaint, so a problem named for a copy comes
 * from its change. The site reads a singleton by its one id, so a singleton's cases take
 * turns: build r holds each singleton's r-th refused case, or its valid document once they
 * run out. A build that fails on content stops before rendering, so each takes seconds.
 */

/** A problem build `round` must report. */
interface Refusal {
  round: number
  id: string
  /** The field path the build must name. */
  at: string
  type: string
  rule: string
}

/** Written once, before the first build. */
const documents: Doc[] = [...CASE_FIXTURES]
/** Written before each build: the singletons' documents for that round. */
const rounds: Doc[][] = []
const singletonsOf = (round: number) => (rounds[round] ??= [])
const refusals: Refusal[] = []
/** Documents build `round` must not name. */
const valid: Array<{round: number; id: string}> = CASE_FIXTURES.map((doc) => ({round: 0, id: doc._id}))

/** The valid document under another id and, for a page or a redirect, another address, so copies do not clash. */
function copyOf(doc: Doc, suffix: string): Doc {
  const slug = doc.slug as {current?: string} | undefined
  return {
    ...doc,
    _id: `${doc._id}-${suffix}`,
    ...(slug?.current ? {slug: {...slug, current: `${slug.current}-${suffix}`}} : {}),
    ...(typeof doc.from === 'string' ? {from: `${doc.from}-${suffix}`} : {}),
  }
}

const refusal = (round: number, id: string, type: string, b: BrokenCase): Refusal => ({
  round,
  id,
  at: typeof b.build === 'string' ? b.build : b.field,
  type,
  rule: b.rule,
})

for (const {singleton, cases} of await loadCasesFiles()) {
  for (const [type, c] of Object.entries(cases)) {
    const refused = c.broken.filter((b) => b.build !== undefined)
    if (singleton) {
      refused.forEach((b, round) => {
        singletonsOf(round).push(b.change(c.valid))
        refusals.push(refusal(round, c.valid._id, type, b))
      })
      singletonsOf(refused.length).push(c.valid)
      valid.push({round: refused.length, id: c.valid._id})
    } else {
      documents.push(c.valid)
      valid.push({round: 0, id: c.valid._id})
      refused.forEach((b, i) => {
        const copy = b.change(copyOf(c.valid, `broken-${String(i)}`))
        documents.push(copy)
        refusals.push(refusal(0, copy._id, type, b))
      })
    }
  }
}

let lake: Awaited<ReturnType<typeof startDemoLake>> | undefined
const builds: Build[] = []

/** Writes documents into the lake in one transaction. */
async function write(docs: Doc[]) {
  if (!lake) throw new Error('the lake is not running')
  const transaction = clientFor(lake).transaction()
  for (const doc of docs) transaction.createOrReplace(doc)
  await transaction.commit()
}

beforeAll(async () => {
  lake = await startDemoLake()
  await write([
    ...documents,
    // The Studio's validator passes block types it does not know; the build must not.
    {
      _id: 'hostile-unknown-block',
      _type: 'page',
      title: 'Unknown block',
      slug: {_type: 'slug', current: 'unknown-block'},
      summary: 'A block type the site cannot render.',
      body: [
        {_type: 'textSection', _key: 't1', body: [{_type: 'rawHtml', _key: 'h1', html: '<script>alert(1)</script>'}]},
      ],
    },
  ])
  for (const singletons of rounds) {
    await write(singletons)
    builds.push(await buildSite(await tempDir('site-hostile'), projectEnv(lake)))
  }
}, 180_000)

afterAll(async () => {
  if (lake) {
    await lake.close()
    await removeDir(lake.dir)
  }
  for (const build of builds) await removeDir(build.outDir)
})

function buildOf(round: number): Build {
  const build = builds[round]
  if (!build) throw new Error(`build ${String(round)} did not run`)
  return build
}
const output = (round: number) => buildOf(round).output

test.each(rounds.map((_, round) => round))('build %i fails and writes no pages', async (round) => {
  const build = buildOf(round)
  expect(build.code).not.toBe(0)
  for (const sitePath of ['/', '/about-us', '/unknown-block'])
    await expect(readFile(htmlFile(build.outDir, sitePath), 'utf8')).rejects.toThrow()
})

test.each(refusals)('names $id $at ($type: $rule)', ({round, id, at}) => {
  expect(output(round)).toContain(`${id} ${at}: `)
})

test.each(valid)('names nothing in the valid document $id', ({round, id}) => {
  expect(output(round)).not.toMatch(new RegExp(`- ${id} `))
})

test('names the unknown block type', () => {
  expect(output(0)).toMatch(/hostile-unknown-block body\[0\]\.body\[0\]: unknown text block type “rawHtml”/)
})
