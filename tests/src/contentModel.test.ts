import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {documentTypes, singletonTypes} from '@itss/schemas'
import {repoRoot} from '@itss/dev'
import {expect, test} from 'vitest'

/*
 * Every document type a developer adds must come with demo content and be read by the site,
 * so a type cannot exist only in the Studio, untested and unseen.
 */

const typeNames = [...documentTypes, ...singletonTypes].map((type) => type.name)

test.each(typeNames)('%s has at least one document in the demo dataset', async (type) => {
  const lines = (await readFile(path.join(repoRoot, 'dataset/data.ndjson'), 'utf8')).split('\n').filter(Boolean)
  const types = new Set(lines.map((line) => (JSON.parse(line) as {_type: string})._type))
  expect(types.has(type), `add a ${type} document to dataset/data.ndjson`).toBe(true)
})

test.each(typeNames)('%s is read by the site query', async (type) => {
  const queries = await readFile(path.join(repoRoot, 'web/src/lib/queries.ts'), 'utf8')
  expect(queries, `query ${type} in web/src/lib/queries.ts`).toContain(`_type == "${type}"`)
})
