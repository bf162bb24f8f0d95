import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {Lake} from '../index.ts'
import {clientFor, removeDir, tempDir, testLake} from '../testing.ts'

let dir: string
let lake: Lake

beforeAll(async () => {
  dir = await tempDir()
  lake = await testLake(dir)
  await clientFor(lake)
    .transaction()
    .create({_id: 'faq-1', _type: 'faq', question: 'Published question', order: 1})
    .create({_id: 'drafts.faq-1', _type: 'faq', question: 'Draft question', order: 1})
    .create({_id: 'drafts.faq-2', _type: 'faq', question: 'New draft only', order: 2})
    .create({_id: 'versions.rSpring.faq-1', _type: 'faq', question: 'Release question', order: 1})
    .create({_id: 'person-1', _type: 'person', name: 'Ada', team: {_type: 'reference', _ref: 'team-1'}})
    .create({_id: 'team-1', _type: 'team', title: 'Research'})
    .commit()
})

afterAll(async () => {
  await lake.close()
  await removeDir(dir)
})

describe('GET/POST /data/query', () => {
  it('evaluates GROQ with parameters, joins and projections', async () => {
    const result = await clientFor(lake).fetch<{name: string; team: string | null}[]>(
      '*[_type == $type]{name, "team": team->title}',
      {type: 'person'},
      {perspective: 'published'},
    )
    expect(result).toEqual([{name: 'Ada', team: 'Research'}])
  })

  it('answers {query, result, ms} like Sanity', async () => {
    const response = await clientFor(lake).fetch(
      'count(*[_type == "faq"])',
      {},
      {filterResponse: false, perspective: 'raw'},
    )
    expect(response).toMatchObject({query: 'count(*[_type == "faq"])', result: 4})
    expect(typeof response.ms).toBe('number')
  })

  it('applies the raw, published and drafts perspectives', async () => {
    const client = clientFor(lake)
    const query = '*[_type == "faq"] | order(order asc){_id, _originalId, question}'
    type Row = {_id: string; _originalId: string | null; question: string}
    const raw = await client.fetch<Row[]>(query, {}, {perspective: 'raw'})
    expect(raw.map((doc) => doc._id).sort()).toEqual([
      'drafts.faq-1',
      'drafts.faq-2',
      'faq-1',
      'versions.rSpring.faq-1',
    ])

    const published = await client.fetch<Row[]>(query, {}, {perspective: 'published'})
    expect(published).toEqual([{_id: 'faq-1', _originalId: null, question: 'Published question'}])

    const drafts = await client.fetch<Row[]>(query, {}, {perspective: 'drafts'})
    expect(drafts).toEqual([
      {_id: 'faq-1', _originalId: 'drafts.faq-1', question: 'Draft question'},
      {_id: 'faq-2', _originalId: 'drafts.faq-2', question: 'New draft only'},
    ])

    const release = await client.fetch<Row[]>(query, {}, {perspective: ['rSpring', 'drafts']})
    expect(release[0]).toEqual({_id: 'faq-1', _originalId: 'versions.rSpring.faq-1', question: 'Release question'})
  })

  it('defaults to published from API version 2025-02-19 and to raw before, as Sanity does', async () => {
    const ids = (client: ReturnType<typeof clientFor>) => client.fetch<string[]>('*[_type == "faq"]._id')
    expect(await ids(clientFor(lake))).toEqual(['faq-1'])
    expect(await ids(clientFor(lake).withConfig({apiVersion: '2021-06-07'}))).toHaveLength(4)
  })

  it('shows only published documents to callers without a token, whatever the perspective', async () => {
    const anonymous = clientFor(lake, false)
    expect(await anonymous.fetch('*[_type == "faq"]._id', {}, {perspective: 'raw'})).toEqual(['faq-1'])
    expect(await anonymous.fetch('*[_type == "faq"].question', {}, {perspective: 'drafts'})).toEqual([
      'Published question',
    ])
  })

  it('takes long queries by POST', async () => {
    const padding = 'x'.repeat(12_000)
    const result = await clientFor(lake).fetch<string | null>('*[_id == $id && $padding != ""][0].name', {
      id: 'person-1',
      padding,
    })
    expect(result).toBe('Ada')
  })

  it('answers a GROQ syntax error with 400 queryParseError', async () => {
    const error = await clientFor(lake)
      .fetch<unknown>('*[_type == ]')
      .catch((err: unknown) => err)
    expect(error).toMatchObject({statusCode: 400, details: {type: 'queryParseError'}})
  })
})

describe('GET /data/doc', () => {
  it('returns documents by id, and null for missing ones', async () => {
    const client = clientFor(lake)
    expect(await client.getDocument('person-1')).toMatchObject({_id: 'person-1', name: 'Ada'})
    expect(await client.getDocument('nope')).toBeUndefined()
    const docs = await client.getDocuments(['team-1', 'missing', 'drafts.faq-1'])
    expect(docs.map((doc) => doc?._id ?? null)).toEqual(['team-1', null, 'drafts.faq-1'])
  })

  it('omits drafts from anonymous callers', async () => {
    const response = await fetch(`${lake.httpUrl}/v2025-02-19/data/doc/production/faq-1,drafts.faq-1,gone`)
    expect(await response.json()).toEqual({
      documents: [expect.objectContaining({_id: 'faq-1'})],
      omitted: [
        {id: 'drafts.faq-1', reason: 'permission'},
        {id: 'gone', reason: 'existence'},
      ],
    })
  })
})

describe('bad requests', () => {
  const url = (path: string) => `${lake.httpUrl}/v2025-02-19${path}`
  const auth = () => ({Authorization: `Bearer ${lake.token}`, 'Content-Type': 'application/json'})

  it('refuses malformed JSON with 400', async () => {
    const response = await fetch(url('/data/mutate/production'), {
      method: 'POST',
      headers: auth(),
      body: '{"mutations": [',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toHaveProperty('error.description', expect.stringMatching(/JSON/))
  })

  it('refuses an unknown dataset with 404', async () => {
    const response = await fetch(url('/data/query/staging?query=*'))
    expect(response.status).toBe(404)
    const body: unknown = await response.json()
    expect(body).toMatchObject({statusCode: 404})
    expect(body).toHaveProperty('error.description', expect.stringContaining('staging'))
    const client = clientFor(lake).withConfig({dataset: 'staging'})
    await expect(client.fetch('*')).rejects.toMatchObject({statusCode: 404})
  })

  it('refuses an oversized body with 413', async () => {
    const body = JSON.stringify({query: '*', params: {big: 'x'.repeat(9 * 1024 * 1024)}})
    const response = await fetch(url('/data/query/production'), {method: 'POST', headers: auth(), body})
    expect(response.status).toBe(413)
  })

  it('refuses writes without the token, and any request with a wrong one', async () => {
    await expect(clientFor(lake, false).create({_type: 'faq'})).rejects.toMatchObject({statusCode: 401})
    const wrong = clientFor(lake).withConfig({token: 'not-the-token'})
    await expect(wrong.fetch('*')).rejects.toMatchObject({statusCode: 401})
  })

  it('answers unknown routes with 404, bad params with 400, and keeps serving', async () => {
    expect((await fetch(url('/no/such/thing'))).status).toBe(404)
    expect((await fetch(`${lake.httpUrl}/favicon.ico`)).status).toBe(404)
    expect((await fetch(url('/data/query/production?query=*&$bad={'))).status).toBe(400)
    expect(await clientFor(lake).fetch('count(*)')).toBeGreaterThan(0)
  })

  it('lists datasets and answers ping', async () => {
    expect(await (await fetch(url('/projects/itss/datasets'))).json()).toEqual([
      {name: 'production', aclMode: 'public'},
    ])
    expect(await (await fetch(`${lake.httpUrl}/v1/ping`)).text()).toBe('PONG')
  })
})
