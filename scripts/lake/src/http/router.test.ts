import {describe, expect, it} from 'vitest'

import {Router} from './router.ts'
import {router} from './routes.ts'

const segments = (path: string) => path.split('/').filter(Boolean)

describe('Router', () => {
  const table = new Router(
    [
      {methods: ['GET'], path: '/:version/things/:id', handler: 'thing'},
      {methods: ['POST'], path: '/:version/things/:id', handler: 'post-thing'},
      {methods: '*', path: '/files/*', handler: 'files'},
      {methods: ['GET'], path: '/:version/things/:id/*', handler: 'below-thing'},
    ],
    {version: /^v\d+$/},
  )

  it('matches method and path, and hands back the params as they appear', () => {
    const match = table.match('GET', segments('/v1/things/a%2Cb'))
    expect(match?.handler).toBe('thing')
    expect(match?.params.get('id')).toBe('a%2Cb')
    expect(table.match('POST', segments('/v1/things/x'))?.handler).toBe('post-thing')
    expect(table.match('PUT', segments('/v1/things/x'))).toBeUndefined()
  })

  it('checks constrained params', () => {
    expect(table.match('GET', segments('/version1/things/x'))).toBeUndefined()
  })

  it('lets a trailing * take any further segments, none included, first match winning', () => {
    expect(table.match('DELETE', segments('/files'))).toMatchObject({handler: 'files', rest: []})
    expect(table.match('GET', segments('/files/a/b'))).toMatchObject({handler: 'files', rest: ['a', 'b']})
    expect(table.match('GET', segments('/v1/things/x/y'))).toMatchObject({handler: 'below-thing', rest: ['y']})
  })

  it('refuses a * anywhere but last', () => {
    expect(() => new Router([{methods: '*', path: '/a/*/b', handler: 1}])).toThrow(/last/)
  })
})

describe('the route table', () => {
  const handlerOf = (method: string, path: string) => router.match(method, segments(path))?.handler

  it('answers HEAD wherever it answers GET, except for queries', () => {
    expect(handlerOf('HEAD', '/v1/data/doc/production/a')).toBe(handlerOf('GET', '/v1/data/doc/production/a'))
    expect(handlerOf('GET', '/v1/data/query/production')).toBeDefined()
    expect(handlerOf('HEAD', '/v1/data/query/production')).toBeUndefined()
  })

  it('knows the API versions Sanity has', () => {
    for (const version of ['v1', 'vX', 'v2025-02-19']) expect(handlerOf('GET', `/${version}/ping`)).toBeDefined()
    for (const version of ['v', '2025-02-19', 'vY', 'v2025-2-19']) {
      expect(handlerOf('GET', `/${version}/ping`)).toBeUndefined()
    }
  })

  it('has no route where Sanity has none', () => {
    expect(handlerOf('GET', '/v1/no/such/thing')).toBeUndefined()
    expect(handlerOf('GET', '/favicon.ico')).toBeUndefined()
    expect(handlerOf('POST', '/images/itss/production/x.png')).toBeUndefined()
  })
})
