import path from 'node:path'
import {readFile} from 'node:fs/promises'

import {afterAll, expect, it} from 'vitest'

import {clientFor, makeSeedDir, removeDir, tempDir, testLake} from '@itss/lake/testing'
import {exportLake} from './datasetExport.ts'

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir)
})

it('exports the lake in Sanity’s format, and the export seeds an identical lake', async () => {
  const seed = await makeSeedDir()
  const first = await tempDir()
  const out = path.join(await tempDir(), 'export')
  const second = await tempDir()
  dirs.push(seed, first, path.dirname(out), second)

  const lake = await testLake(first, {seedDir: seed})
  await clientFor(lake).create({_id: 'drafts.faq-1', _type: 'faq', question: 'Edited?'})
  const query = '*[!(_id in path("_.**"))] | order(_id) {..., "url": null}'
  const before = await clientFor(lake).fetch<Record<string, unknown>[]>(query, {}, {perspective: 'raw'})
  await exportLake({...lake, outDir: out})
  await lake.close()

  const lines = (await readFile(path.join(out, 'data.ndjson'), 'utf8')).trim().split('\n')
  expect(lines.map((line) => (JSON.parse(line) as {_id: string})._id)).toContain('drafts.faq-1')
  // Asset references point into the folder, as `sanity dataset export` writes them.
  expect(lines.join('\n')).toMatch(/"_sanityAsset":"image@file:\/\/\.\/images\//)

  const again = await testLake(second, {seedDir: out})
  try {
    const after = await clientFor(again).fetch<Record<string, unknown>[]>(query, {}, {perspective: 'raw'})
    const strip = (docs: Record<string, unknown>[]) =>
      docs.map(({_rev: _r, _updatedAt: _u, _createdAt: _c, ...doc}) => doc)
    expect(strip(after)).toEqual(strip(before))
  } finally {
    await again.close()
  }
})
