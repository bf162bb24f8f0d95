import {expect, test} from 'vitest'
import {redirectPlan} from './redirectPlan.ts'

const move = {id: 'news-opens', from: '/news/institute-opens/', to: '/news/the-institute-opens/'}

test('an old address with no redirect gets one to its document', () => {
  expect(redirectPlan([move], [])).toEqual({
    remove: [],
    repoint: [],
    create: [{from: '/news/institute-opens/', documentId: 'news-opens'}],
  })
})

test('a redirect already leaving from the old address, however written, is pointed at the document', () => {
  const existing = [{_id: 'redirect-old', from: 'news/institute-opens', toAddress: '/somewhere-else'}]
  expect(redirectPlan([move], existing)).toEqual({
    remove: [],
    repoint: [{redirectId: 'redirect-old', documentId: 'news-opens'}],
    create: [],
  })
})

test('a redirect leading to the old address leads to the document instead, not through a second redirect', () => {
  const existing = [{_id: 'redirect-older', from: '/opening/', toAddress: '/news/institute-opens'}]
  expect(redirectPlan([move], existing)).toEqual({
    remove: [],
    repoint: [{redirectId: 'redirect-older', documentId: 'news-opens'}],
    create: [{from: '/news/institute-opens/', documentId: 'news-opens'}],
  })
})

test('changing an address back removes the redirect away from it', () => {
  const back = {id: 'news-opens', from: '/news/the-institute-opens/', to: '/news/institute-opens/'}
  const existing = [{_id: 'redirect-first', from: '/news/institute-opens/', toAddress: null}]
  expect(redirectPlan([back], existing)).toEqual({
    remove: ['redirect-first'],
    repoint: [],
    create: [{from: '/news/the-institute-opens/', documentId: 'news-opens'}],
  })
})
