import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {SanityClient} from '@sanity/client'
import {clientFor} from '@itss/lake/testing'
import {startLake, type Lake} from '@itss/lake'
import {seedDataset} from '@itss/lake'
import {demoDatasetDir} from '@itss/lake/local'
import {repoRoot} from '@itss/dev'
import {documentTypes, singletonTypes} from '@itss/schemas'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildSite, builtFiles, projectEnv, removeDir, tempDir, type Build} from './site.ts'

/*
 * docs/going-live.md, steps 3 and 5, with the local backend standing in for a new Sanity
 * project: an empty dataset, the demo dataset imported with @sanity/import (what
 * `sanity datasets import` runs), then a build configured only by SANITY_* variables.
 * The result must be the site a fresh clone builds.
 */

let project: Lake & {dir: string}
let client: SanityClient
let imported: number
let live: Build
let embedded: Build
let embeddedLakeDir: string
/** What afterAll undoes, newest first: as much as beforeAll got as far as making. */
const cleanups: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  const dir = await tempDir('new-project')
  cleanups.push(() => removeDir(dir))
  // No seedDir: a new project's dataset starts empty.
  project = Object.assign(await startLake({dataDir: dir, httpPort: 0, httpsPort: false, log: () => {}}), {dir})
  cleanups.push(() => project.close())
  client = clientFor(project)
  expect(await client.fetch<number>('count(*)')).toBe(0)

  imported = await seedDataset(
    demoDatasetDir,
    {httpUrl: project.httpUrl, projectId: project.projectId, dataset: 'production', token: project.token},
    () => {},
  )

  // One after the other: Astro builds share web/.astro/ and trip over each other in parallel.
  live = await buildSite(await tempDir('site-live'), projectEnv(project))
  cleanups.push(() => removeDir(live.outDir))
  embeddedLakeDir = await tempDir('embedded-lake')
  cleanups.push(() => removeDir(embeddedLakeDir))
  embedded = await buildSite(await tempDir('site-embedded'), {LAKE_DATA_DIR: embeddedLakeDir})
  cleanups.push(() => removeDir(embedded.outDir))
}, 120_000)

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('going live: import the demo dataset into an empty project and build from it', () => {
  test('imports every document in dataset/data.ndjson, images included', async () => {
    const lines = (await readFile(path.join(demoDatasetDir, 'data.ndjson'), 'utf8')).split('\n').filter(Boolean)
    const ids = lines.map((line) => (JSON.parse(line) as {_id: string})._id)
    expect(imported).toBe(ids.length)
    const stored = await client.fetch<string[]>('*[_id in $ids]._id', {ids})
    expect(stored.sort()).toEqual([...ids].sort())
    expect(await client.fetch<number>('count(*[_type == "sanity.imageAsset"])')).toBeGreaterThan(0)
  })

  test('builds with only the SANITY_* variables, from that project', () => {
    expect(live.code, live.output).toBe(0)
    expect(live.output).toContain(`Sanity project ${project.projectId}, dataset production at ${project.httpUrl}`)
  })

  test('comes out the same as the embedded-default build', async () => {
    expect(embedded.code, embedded.output).toBe(0)
    // Image file names carry a hash of the address they were fetched from, which differs by
    // port; the search index's file names hash its content, which holds those image names.
    const normalise = (text: string) =>
      text
        .replace(/(_astro\/[\w-]+?)_[\w-]+(\.\w+)/g, '$1$2')
        .replace(/(pagefind\/(?:[\w-]+\/)*[\w.-]+?)_[0-9a-f]+(\.pf_\w+)/g, '$1$2')
    const files = await builtFiles(live.outDir)
    expect(files.map(normalise)).toEqual((await builtFiles(embedded.outDir)).map(normalise))
    const pages = files.filter((file) => file.endsWith('.html'))
    expect(pages.length).toBeGreaterThanOrEqual(13)
    for (const file of pages) {
      const [ours, theirs] = await Promise.all([
        readFile(path.join(live.outDir, file), 'utf8'),
        readFile(path.join(embedded.outDir, file), 'utf8'),
      ])
      expect(normalise(ours), file).toBe(normalise(theirs))
    }
  })

  test('never writes the read token into the output', async () => {
    for (const file of await builtFiles(live.outDir)) {
      const content = await readFile(path.join(live.outDir, file))
      expect(content.includes(project.token), file).toBe(false)
    }
  })
})

describe('going live: the webhook', () => {
  test('the filter docs/going-live.md gives the webhook names every type the site renders', async () => {
    const guide = await readFile(path.join(repoRoot, 'docs', 'going-live.md'), 'utf8')
    const filter = /_type in \[([^\]]*)\]/.exec(guide)?.[1] ?? ''
    const named = [...filter.matchAll(/"([^"]+)"/g)].map((match) => match[1])
    const rendered = [...documentTypes, ...singletonTypes].map((type) => type.name)
    expect([...named].sort()).toEqual([...rendered].sort())
  })
})
