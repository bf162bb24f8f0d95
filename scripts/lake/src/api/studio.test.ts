// The endpoints the Sanity Studio (6.16.0) needs, through the real @sanity/client: the Actions
// API, history, the user and project, key-value settings, and the presence socket.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import WebSocket from 'ws'

import type {Lake} from '../index.ts'
import {EDITOR_USER_ID} from '../index.ts'
import {clientFor, removeDir, tempDir, testLake} from '../testing.ts'

let dir: string
let lake: Lake

beforeAll(async () => {
  dir = await tempDir()
  lake = await testLake(dir)
})

afterAll(async () => {
  await lake.close()
  await removeDir(dir)
})

const client = () => clientFor(lake).withConfig({apiVersion: '2025-02-19'})

describe('POST /data/actions', () => {
  it('edits a published document through a new draft, then publishes it in one transaction', async () => {
    const c = client()
    await c.create({_id: 'faq-a', _type: 'faq', question: 'Old?', order: 1})

    const edit = await c.action(
      {
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.faq-a',
        publishedId: 'faq-a',
        patch: {set: {question: 'New?'}},
      },
      {transactionId: 'tx-edit-1'},
    )
    expect(edit.transactionId).toBe('tx-edit-1')
    const draft = await c.getDocument('drafts.faq-a')
    // The draft starts from the published content; its _rev is the transaction id.
    expect(draft).toMatchObject({question: 'New?', order: 1, _rev: 'tx-edit-1'})

    const published = await c.getDocument('faq-a')
    const stale = await c
      .action({
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.faq-a',
        publishedId: 'faq-a',
        ifPublishedRevisionId: 'not-the-revision',
      })
      .catch((err: unknown) => err)
    expect(stale).toMatchObject({statusCode: 409})
    expect(await c.getDocument('drafts.faq-a')).toBeDefined()

    const publish = await c.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.faq-a',
      publishedId: 'faq-a',
      ...(published && {ifPublishedRevisionId: published._rev}),
    })
    expect(await c.getDocument('drafts.faq-a')).toBeUndefined()
    expect(await c.getDocument('faq-a')).toMatchObject({question: 'New?', _rev: publish.transactionId})
    const [line] = await transactions(['faq-a', 'drafts.faq-a'], `fromTransaction=${publish.transactionId}`)
    expect(line).toMatchObject({id: publish.transactionId, documentIDs: ['faq-a', 'drafts.faq-a']})
  })

  it('creates, unpublishes, discards and deletes', async () => {
    const c = client()
    await c.action({
      actionType: 'sanity.action.document.create',
      publishedId: 'page-x',
      attributes: {_id: 'drafts.page-x', _type: 'page', title: 'X'},
      ifExists: 'fail',
    })
    await expect(
      c.action({
        actionType: 'sanity.action.document.create',
        publishedId: 'page-x',
        attributes: {_id: 'drafts.page-x', _type: 'page'},
        ifExists: 'fail',
      }),
    ).rejects.toMatchObject({statusCode: 409})
    await c.action({actionType: 'sanity.action.document.publish', draftId: 'drafts.page-x', publishedId: 'page-x'})

    await c.action({actionType: 'sanity.action.document.unpublish', draftId: 'drafts.page-x', publishedId: 'page-x'})
    expect(await c.getDocument('page-x')).toBeUndefined()
    expect(await c.getDocument('drafts.page-x')).toMatchObject({title: 'X'})

    await c.action({actionType: 'sanity.action.document.version.discard', versionId: 'drafts.page-x'})
    expect(await c.getDocument('drafts.page-x')).toBeUndefined()

    await c.create({_id: 'page-y', _type: 'page'})
    await c.create({_id: 'drafts.page-y', _type: 'page'})
    await c.action({
      actionType: 'sanity.action.document.delete',
      publishedId: 'page-y',
      includeDrafts: ['drafts.page-y'],
    })
    expect(await c.getDocuments(['page-y', 'drafts.page-y'])).toEqual([null, null])
  })

  it('is atomic: a failing action leaves no trace of the others', async () => {
    const c = client()
    const failed = c.action([
      {
        actionType: 'sanity.action.document.create',
        publishedId: 'page-z',
        attributes: {_id: 'drafts.page-z', _type: 'page'},
        ifExists: 'fail',
      },
      {actionType: 'sanity.action.document.discard', draftId: 'drafts.missing'},
    ])
    await expect(failed).rejects.toMatchObject({statusCode: 409})
    expect(await c.getDocument('drafts.page-z')).toBeUndefined()
  })

  it('echoes every action through the listener, deletes included, with resultRev = transaction id', async () => {
    const c = client()
    await c.create({_id: 'faq-live', _type: 'faq', question: 'Q?'})
    const events: {documentId: string; transactionId: string; resultRev?: string; transition: string}[] = []
    const subscription = c
      .listen('*[_id in $ids]', {ids: ['faq-live', 'drafts.faq-live']}, {effectFormat: 'mendoza'})
      .subscribe((event) => {
        if (event.type === 'mutation') events.push(event)
      })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const edit = await c.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.faq-live',
      publishedId: 'faq-live',
      patch: {set: {question: 'Q2?'}},
    })
    const publish = await c.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.faq-live',
      publishedId: 'faq-live',
    })
    await expect.poll(() => events.length).toBe(3)
    subscription.unsubscribe()
    expect(events).toEqual([
      expect.objectContaining({documentId: 'drafts.faq-live', transactionId: edit.transactionId, transition: 'appear'}),
      expect.objectContaining({documentId: 'faq-live', resultRev: publish.transactionId, transition: 'update'}),
      expect.objectContaining({
        documentId: 'drafts.faq-live',
        resultRev: publish.transactionId,
        transition: 'disappear',
      }),
    ])
  })
})

async function transactions(ids: string[], query: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(
    `${lake.httpUrl}/v2025-02-19/data/history/production/transactions/${ids.join(',')}?${query}`,
    {
      headers: {Authorization: `Bearer ${lake.token}`},
    },
  )
  expect(response.headers.get('content-type')).toContain('ndjson')
  return (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('history', () => {
  it('answers documents at a revision or time, transactions as NDJSON, and document events', async () => {
    const c = client()
    const first = await c.create({_id: 'faq-h', _type: 'faq', question: 'One?'})
    const before = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 20))
    await c.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.faq-h',
      publishedId: 'faq-h',
      patch: {set: {question: 'Two?'}},
    })
    const publish = await c.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.faq-h',
      publishedId: 'faq-h',
    })

    const atFirst = await c.request<{documents: {question: string}[]}>({
      url: `/data/history/production/documents/faq-h?revision=${first._rev}`,
    })
    expect(atFirst.documents.map((doc) => doc.question)).toEqual(['One?'])
    const atTime = await c.request<{documents: {question: string}[]}>({
      url: `/data/history/production/documents/faq-h,drafts.faq-h?time=${before}`,
    })
    expect(atTime.documents.map((doc) => doc.question)).toEqual(['One?'])
    const lastDraft = await c.request<{documents: {_id: string; question: string}[]}>({
      url: '/data/history/production/documents/drafts.faq-h?lastRevision=true',
    })
    expect(lastDraft.documents).toMatchObject([{_id: 'drafts.faq-h', question: 'Two?'}])

    const newestFirst = await transactions(['faq-h', 'drafts.faq-h'], 'reverse=true&limit=2&effectFormat=mendoza')
    expect(newestFirst.map((tx) => tx.id)).toEqual([publish.transactionId, expect.any(String)])
    expect(newestFirst[0]?.effects).toHaveProperty(['faq-h', 'apply'])

    const events = await c.request<{events: Record<string, {type: string}[]>; nextCursor: string}>({
      url: '/data/history/production/events/documents/faq-h?limit=100',
    })
    expect(events.events['faq-h']?.map((event) => event.type)).toEqual([
      'publishDocumentVersion',
      'createDocumentVersion',
      'createLiveDocument',
    ])
  })
})

describe('the Studio platform endpoints', () => {
  it('knows the editor, the project, its datasets and access', async () => {
    const c = client()
    expect(await c.request({url: '/users/me'})).toMatchObject({id: EDITOR_USER_ID, role: 'administrator'})
    expect(await clientFor(lake, false).request({url: '/users/me'})).toEqual({})
    expect(await c.request({url: `/projects/${lake.projectId}`})).toMatchObject({
      id: lake.projectId,
      members: [{id: EDITOR_USER_ID, role: 'administrator'}],
    })
    expect(await c.request({url: `/projects/${lake.projectId}/datasets`})).toEqual([
      {name: 'production', aclMode: 'public'},
    ])
    expect(await c.request({url: `/projects/${lake.projectId}/datasets?datasetProfile=comments`})).toEqual([])
    const acl = await c.request<{permissions: string[]}[]>({url: `/projects/${lake.projectId}/datasets/production/acl`})
    expect(acl).toHaveLength(1)
    expect(acl[0]?.permissions).toEqual(expect.arrayContaining(['read', 'update', 'create', 'history']))
    expect(await c.request({url: '/intake/telemetry-status'})).toEqual({status: 'denied'})
    await c.request({url: '/intake/batch', method: 'POST', body: {batch: [{event: 'x'}]}})
    for (const url of [`/projects/${lake.projectId}/grants`, '/journey/announcements', '/help']) {
      await expect(c.request({url})).resolves.toBeDefined()
    }
  })

  it('switches on the Studio releases UI and sets no limit on releases', async () => {
    // Without these features the Studio offers an upsell instead of releases and Scheduled Drafts.
    expect(await client().request({url: '/features'})).toEqual(
      expect.arrayContaining(['contentReleases', 'singleDocRelease']),
    )
    // The Studio asks with API version vX before creating a release; a limit of 0 or a missing
    // number would make it refuse.
    const limits = await client()
      .withConfig({apiVersion: 'vX'})
      .request<{data: {datasetReleaseLimit: number; orgActiveReleaseLimit: number | null}}>({
        url: `/projects/${lake.projectId}/new-content-release-allowed`,
      })
    expect(limits.data.datasetReleaseLimit).toBeGreaterThan(1000)
    expect(limits.data.orgActiveReleaseLimit).toBeNull()
    await expect(client().request({url: '/projects/elsewhere/new-content-release-allowed'})).rejects.toMatchObject({
      statusCode: 404,
    })
    // A finished release shows when it will be removed only if the plan limits retention.
    const plan = await client().request<{featureTypes: {retention: {features: {attributes: object}[]}}}>({
      url: `/subscriptions/project/${lake.projectId}`,
    })
    expect(plan.featureTypes.retention.features[0]?.attributes).toEqual({maxRetentionDays: null})
  })

  it('stores key-value settings durably, across a restart', async () => {
    const c = client()
    expect(await c.request({url: '/users/me/keyvalue/layout,other'})).toEqual([
      {key: 'layout', value: null},
      {key: 'other', value: null},
    ])
    const stored = await c.request<unknown>({
      method: 'PUT',
      url: '/users/me/keyvalue',
      body: [{key: 'layout', value: {w: 3}}],
    })
    expect(stored).toEqual([{key: 'layout', value: {w: 3}}])
    await expect(clientFor(lake, false).request({url: '/users/me/keyvalue/layout'})).rejects.toMatchObject({
      statusCode: 401,
    })

    await lake.close()
    lake = await testLake(dir)
    expect(await client().request({url: '/users/me/keyvalue/layout'})).toEqual([{key: 'layout', value: {w: 3}}])
  })
})

describe('the presence socket', () => {
  const open = (url: string) =>
    new Promise<{ws: WebSocket; messages: unknown[]}>((resolve, reject) => {
      const ws = new WebSocket(url)
      const messages: unknown[] = []
      ws.on('message', (data: Buffer) => {
        const text = data.toString('utf8')
        messages.push(text === '♥' ? text : JSON.parse(text))
      })
      ws.once('open', () => resolve({ws, messages}))
      ws.once('error', reject)
    })
  const call = (ws: WebSocket, id: string, method: string, params: Record<string, unknown> = {}) =>
    ws.send(JSON.stringify({jsonrpc: '2.0', id, method, params: {...params, apiVersion: 'v1'}}))

  it('authorizes with the token, then relays one session’s announcements to the others', async () => {
    const url = `${lake.httpUrl.replace('http', 'ws')}/v2022-06-30/socket/production?tag=sanity.studio`
    const a = await open(url)
    const b = await open(url)
    try {
      expect(a.messages[0]).toBe('♥')
      call(a.ws, 'auth-a', 'authorization', {authorization: `Bearer ${lake.token}`})
      call(b.ws, 'auth-b', 'authorization', {authorization: `Bearer ${lake.token}`})
      call(b.ws, 'sub-b', 'presence_subscribe')
      await expect.poll(() => b.messages.find((m) => (m as {id?: string}).id === 'sub-b')).toBeDefined()
      const subscription = (b.messages.find((m) => (m as {id?: string}).id === 'sub-b') as {result: string}).result

      call(a.ws, 'announce', 'presence_announce', {data: {sessionId: 'session-a', locations: [{documentId: 'faq-1'}]}})
      await expect
        .poll(() => b.messages.find((m) => (m as {method?: string}).method === 'presence_subscription'))
        .toEqual({
          jsonrpc: '2.0',
          method: 'presence_subscription',
          params: {
            subscription,
            result: {type: 'state', i: EDITOR_USER_ID, m: {sessionId: 'session-a', locations: [{documentId: 'faq-1'}]}},
          },
        })
      expect(a.messages).toContainEqual({jsonrpc: '2.0', id: 'announce', result: true})

      // Closing a tab tells the others it left.
      a.ws.close()
      await expect.poll(() => b.messages.some((m) => JSON.stringify(m).includes('"type":"disconnect"'))).toBe(true)
    } finally {
      a.ws.close()
      b.ws.close()
    }
  })

  it('refuses a wrong token', async () => {
    const {ws, messages} = await open(`${lake.httpUrl.replace('http', 'ws')}/v1/socket/production`)
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    call(ws, 'auth', 'authorization', {authorization: 'Bearer wrong'})
    expect(await closed).toBe(4001)
    // The auth call answered with an error, whatever its wording.
    expect(messages).toContainEqual(
      expect.objectContaining<{id: string; error: unknown}>({id: 'auth', error: expect.anything()}),
    )
  })
})
