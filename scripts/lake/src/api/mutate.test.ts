import {describe, expect, it} from 'vitest'

import {lakeForFile} from '../lakeForFile.ts'
import {clientFor} from '../testing.ts'

const lake = await lakeForFile()

describe('POST /data/mutate', () => {
  it('runs a transaction of every mutation kind, stamping _rev and timestamps', async () => {
    const client = clientFor(lake)
    await client.create({_id: 'old', _type: 'note', title: 'to be deleted'})
    await client.create({_id: 'bulk-1', _type: 'bulk', n: 1})
    await client.create({_id: 'bulk-2', _type: 'bulk', n: 2})

    const result = await client
      .transaction()
      .create({
        _id: 'a',
        _type: 'article',
        title: 'Hello',
        tags: [{_key: 't1', name: 'one'}],
        body: 'hello world',
        views: 10,
      })
      .createOrReplace({_id: 'b', _type: 'article', title: 'B'})
      .createIfNotExists({_id: 'b', _type: 'article', title: 'ignored'})
      .patch('a', (p) =>
        p
          .set({title: 'Hello again'})
          .setIfMissing({subtitle: 'sub'})
          .inc({views: 5})
          .dec({views: 1})
          .insert('after', 'tags[-1]', [{_key: 't2', name: 'two'}])
          .diffMatchPatch({body: '@@ -1,5 +1,5 @@\n-hello\n+jello\n'}),
      )
      .patch('b', (p) => p.unset(['title']))
      .delete('old')
      .patch({query: '*[_type == "bulk"]'}, (p) => p.inc({n: 100}))
      .commit()

    expect(result.results.map((r) => r.operation)).toEqual([
      'create',
      'create',
      'none',
      'update',
      'update',
      'delete',
      'update',
      'update',
    ])
    const a = await client.getDocument('a')
    expect(a).toMatchObject({
      title: 'Hello again',
      subtitle: 'sub',
      views: 14,
      body: 'jello world',
      tags: [
        {_key: 't1', name: 'one'},
        {_key: 't2', name: 'two'},
      ],
      _rev: result.transactionId,
    })
    expect(a?._createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(a?._updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(await client.getDocument('b')).not.toHaveProperty('title')
    expect(await client.getDocument('old')).toBeUndefined()
    expect(await client.fetch('*[_type == "bulk"] | order(n asc).n')).toEqual([101, 102])
  })

  it('generates ids and returns documents when asked', async () => {
    const client = clientFor(lake)
    const created = await client.create({_type: 'note', title: 'no id'})
    expect(created._id).toMatch(/^[A-Za-z0-9]{22}$/)
    const draft = await client.create({_id: 'drafts.', _type: 'note'})
    expect(draft._id).toMatch(/^drafts\.[A-Za-z0-9]{22}$/)
    const keyed = await client.create({_type: 'note', items: [{name: 'x'}]}, {autoGenerateArrayKeys: true})
    expect((keyed.items as {_key?: string; name: string}[])[0]?._key).toEqual(expect.any(String))
  })

  it('answers 409 for a stale ifRevisionID and for creating an existing id', async () => {
    const client = clientFor(lake)
    const doc = await client.create({_id: 'rev', _type: 'note', n: 1})
    await client.patch('rev').ifRevisionId(doc._rev).set({n: 2}).commit()
    const stale = await client
      .patch('rev')
      .ifRevisionId(doc._rev)
      .set({n: 3})
      .commit()
      .catch((err: unknown) => err)
    expect(stale).toMatchObject({statusCode: 409, details: {type: 'mutationError'}})
    await expect(client.create({_id: 'rev', _type: 'note'})).rejects.toMatchObject({statusCode: 409})
    expect((await client.getDocument('rev'))?.n).toBe(2)
  })

  it('refuses to delete a document another references strongly, as Sanity does', async () => {
    const client = clientFor(lake)
    await client
      .transaction()
      .create({_id: 'target', _type: 'page', title: 'Linked to'})
      .create({_id: 'menu', _type: 'navigation', items: [{_key: 'k', page: {_type: 'reference', _ref: 'target'}}]})
      .create({_id: 'card', _type: 'note', about: {_type: 'reference', _ref: 'target', _weak: true}})
      .commit()

    const refused = await client.delete('target').catch((err: unknown) => err)
    expect(refused).toMatchObject({
      statusCode: 409,
      details: {
        type: 'mutationError',
        items: [{error: {type: 'documentHasExistingReferencesError', id: 'target', referencingIDs: ['menu']}}],
      },
    })
    expect(await client.getDocument('target')).toMatchObject({title: 'Linked to'})

    // The weak reference never blocks; deleting the referrer in the same transaction unblocks.
    await client.transaction().delete('menu').delete('target').commit()
    expect(await client.getDocuments(['menu', 'target', 'card'])).toEqual([null, null, expect.anything()])
  })

  it('is atomic: a failing mutation leaves no trace of the others', async () => {
    const client = clientFor(lake)
    await client.create({_id: 'exists', _type: 'note'})
    const failed = client
      .transaction()
      .create({_id: 'fresh', _type: 'note'})
      .create({_id: 'exists', _type: 'note'})
      .commit()
    await expect(failed).rejects.toMatchObject({statusCode: 409})
    expect(await client.getDocument('fresh')).toBeUndefined()
  })

  it('serializes concurrent writers', async () => {
    const client = clientFor(lake)
    await client.create({_id: 'counter', _type: 'counter', n: 0})
    await Promise.all(Array.from({length: 20}, () => client.patch('counter').inc({n: 1}).commit()))
    expect((await client.getDocument('counter'))?.n).toBe(20)
  })

  it('dry runs without writing', async () => {
    const client = clientFor(lake)
    await client.create({_id: 'dry', _type: 'note'}, {dryRun: true})
    expect(await client.getDocument('dry')).toBeUndefined()
  })
})
