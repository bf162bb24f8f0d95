import type {PublishedAddresses} from '@itss/schemas/redirects'
import {expect, test} from 'vitest'
import {addressMoves} from './addressMoves.ts'

const published: PublishedAddresses = {
  homePageId: 'page-home',
  documents: [
    {_id: 'page-home', _type: 'page', slug: 'home', parentId: null},
    {_id: 'page-about', _type: 'page', slug: 'about-us', parentId: null},
    {_id: 'page-faqs', _type: 'page', slug: 'faqs', parentId: 'page-about'},
    {_id: 'page-privacy', _type: 'page', slug: 'privacy', parentId: null},
    {_id: 'news-opens', _type: 'newsArticle', slug: 'institute-opens'},
  ],
}

test('a news article whose slug changes moves from its old address to its new one', () => {
  expect(addressMoves(published, 'news-opens', {slug: 'the-institute-opens', parentId: null})).toEqual([
    {id: 'news-opens', from: '/news/institute-opens/', to: '/news/the-institute-opens/'},
  ])
})

test('a page whose slug changes takes the pages under it along', () => {
  expect(addressMoves(published, 'page-about', {slug: 'about', parentId: null})).toEqual([
    {id: 'page-about', from: '/about-us/', to: '/about/'},
    {id: 'page-faqs', from: '/about-us/faqs/', to: '/about/faqs/'},
  ])
})

test('a page moved under another page moves too', () => {
  expect(addressMoves(published, 'page-privacy', {slug: 'privacy', parentId: 'page-about'})).toEqual([
    {id: 'page-privacy', from: '/privacy/', to: '/about-us/privacy/'},
  ])
})

test('an unchanged address, or a document never published, moves nothing', () => {
  expect(addressMoves(published, 'news-opens', {slug: 'institute-opens', parentId: null})).toEqual([])
  expect(addressMoves(published, 'news-new', {slug: 'fresh', parentId: null})).toEqual([])
})
