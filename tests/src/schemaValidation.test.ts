import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {createClient, type SanityClient} from '@sanity/client'
import {startLake, type Lake} from '@itss/lake'
import {validateDocumentWithWorkspace} from '@sanity/validation'
import {createSchema} from 'sanity'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {documentTypes, schemaTypes, singletonTypes} from '@itss/schemas'
import {clientConfigFor} from '@itss/schemas/api'
import {CASE_FIXTURES, loadCasesFiles, type Doc} from '@itss/schemas/cases'

/*
 * For every document and singleton type, the cases in its `<type>.cases.ts`: a valid document
 * passes the schema's own rules, and a document breaking each rule fails with the field named.
 * Validation runs the Studio's validator with a real client against the local backend, so
 * custom rules, slug uniqueness and references to missing documents are checked too. It lives
 * here, not in schemas/, because it needs the lake, and the lake needs the schemas' contract.
 */

const schema = createSchema({name: 'test', types: schemaTypes})
const casesFiles = await loadCasesFiles()

let dataDir: string
let lake: Lake | undefined
let client: SanityClient

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'schema-test-'))
  lake = await startLake({dataDir, httpPort: 0, httpsPort: false, log: () => {}})
  client = createClient(clientConfigFor({apiHost: lake.httpUrl, projectId: lake.projectId, token: lake.token}))
  const transaction = client.transaction()
  for (const doc of CASE_FIXTURES) transaction.createOrReplace(doc)
  await transaction.commit()
})

afterAll(async () => {
  await lake?.close()
  await rm(dataDir, {recursive: true, force: true})
})

async function errorsFor(doc: Doc) {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- its replacement, validateDocument, always validates as 'cli'
  const markers = await validateDocumentWithWorkspace({
    document: {_createdAt: '', _updatedAt: '', _rev: '', ...doc},
    // Validate as the Studio does. Outside it ('cli'), Sanity 6.16 appends an unknown-fields
    // check with .warning() to object fields' rules, which turns their errors into warnings.
    environment: 'studio',
    workspace: {schema, getClient: () => client, i18n: undefined as never},
    // The Studio asks the dataset; a reference to a missing document is an error.
    getDocumentExists: async ({id}) => (await client.getDocument(id)) !== undefined,
  })
  return markers.filter((marker) => marker.level === 'error')
}

test('every document and singleton type has a cases file beside its schema', () => {
  const expected = [
    ...documentTypes.map((type) => ({type: type.name, singleton: false})),
    ...singletonTypes.map((type) => ({type: type.name, singleton: true})),
  ]
  const found = casesFiles.map(({type, singleton}) => ({type, singleton}))
  const byType = (a: {type: string}, b: {type: string}) => a.type.localeCompare(b.type)
  expect(found.sort(byType)).toEqual(expected.sort(byType))
})

test.each(casesFiles.map((file) => [file.type, file] as const))(
  '%s.cases.ts holds the cases of its own type',
  (type, {cases}) => {
    expect(Object.keys(cases)).toEqual([type])
    expect(cases[type]?.valid._type).toBe(type)
  },
)

describe.each(casesFiles.flatMap(({cases}) => Object.entries(cases)))('%s', (_type, {valid, broken}) => {
  test('a valid document passes', async () => {
    expect(await errorsFor(valid)).toEqual([])
  })

  test.each(broken)('fails when $rule, naming $field', async ({field, change}) => {
    const errors = await errorsFor(change(valid))
    expect(errors.length, 'an error is reported').toBeGreaterThan(0)
    expect(errors.map((marker) => marker.path[0])).toContain(field)
  })
})
