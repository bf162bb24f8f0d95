import {readdir} from 'node:fs/promises'
import {expect, test} from 'vitest'
import {sectionTypes} from './index.ts'
import {PAGE_SECTION_TYPES} from './vocabulary.ts'

// PAGE_SECTION_TYPES is the list of page sections; the schemas (and the site's components,
// type-checked in Sections.astro) follow it.

test('the section schemas are PAGE_SECTION_TYPES, in its order', () => {
  expect(sectionTypes.map((type) => type.name)).toEqual([...PAGE_SECTION_TYPES])
})

test('every schema in sections/ is a page section type', async () => {
  const files = (await readdir(new URL('./sections/', import.meta.url))).filter((file) => !file.endsWith('.test.ts'))
  expect(files.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual([...PAGE_SECTION_TYPES].sort())
})
