import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parse} from 'node-html-parser'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildDemoSiteWith, htmlFile} from './site.ts'

/*
 * Redirects as hosts and visitors meet them: the demo content plus redirects of every kind,
 * built into a `_redirects` file and a page at each old address; and redirects that would
 * send visitors round in circles, through several hops, away from a live page or to nowhere,
 * which the build must refuse, naming each document and field.
 */

type Doc = Record<string, unknown> & {_id: string; _type: string}
const ref = (id: string) => ({_type: 'reference', _ref: id})
const redirect = (id: string, from: string, to: Record<string, unknown>, kind = 'permanent'): Doc => ({
  _id: id,
  _type: 'redirect',
  from,
  ...to,
  kind,
})

const SITE_URL = 'https://itss.example'

/** Builds the demo content plus `docs` from a backend of its own. */
const buildWith = (docs: Doc[]) => buildDemoSiteWith('site-redirects', docs, {SITE_URL})

describe('redirects that lead somewhere in one hop', () => {
  let build: Awaited<ReturnType<typeof buildWith>>

  beforeAll(async () => {
    build = await buildWith([
      redirect('redirect-article', '/news/old-headline', {to: ref('news-institute-opens')}),
      redirect('redirect-section', 'whats-on/', {toAddress: '/events'}, 'temporary'),
      redirect('redirect-elsewhere', 'old//report', {toAddress: 'https://example.org/report'}),
    ])
    expect(build.code, build.output).toBe(0)
  }, 300_000)
  afterAll(() => build.remove())

  test('_redirects lists each old address, as the site serves addresses, with where it leads and 301 or 302', async () => {
    const lines = (await readFile(path.join(build.outDir, '_redirects'), 'utf8'))
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
    expect(lines).toEqual([
      '/about/ /about-us/ 301',
      '/news/old-headline/ /news/institute-opens/ 301',
      '/old/report/ https://example.org/report 301',
      '/whats-on/ /events/ 302',
    ])
  })

  test.each([
    ['/news/old-headline/', '/news/institute-opens/', `${SITE_URL}/news/institute-opens/`],
    ['/whats-on/', '/events/', `${SITE_URL}/events/`],
    ['/old/report/', 'https://example.org/report', 'https://example.org/report'],
  ])('the page at %s sends browsers on to %s and links there', async (from, to, canonical) => {
    const root = parse(await readFile(htmlFile(build.outDir, from), 'utf8'))
    expect(root.querySelector('html')?.getAttribute('lang')).toBe('en-GB')
    expect(root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=${to}`)
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(canonical)
    expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex')
    const link = root.querySelector('main a')
    expect(link?.getAttribute('href')).toBe(to)
    expect(link?.text).toBe(canonical)
    expect(root.querySelector('h1')?.text).toBe('This page has moved')
  })

  test('old addresses are not listed as pages in the sitemap', async () => {
    const sitemap = await readFile(path.join(build.outDir, 'sitemap.xml'), 'utf8')
    expect(sitemap).toContain(`<loc>${SITE_URL}/news/institute-opens/</loc>`)
    for (const from of ['/about/', '/news/old-headline/', '/whats-on/', '/old/report/'])
      expect(sitemap).not.toContain(`<loc>${SITE_URL}${from}</loc>`)
  })
})

describe('redirects that would break', () => {
  let build: Awaited<ReturnType<typeof buildWith>>

  beforeAll(async () => {
    build = await buildWith([
      redirect('redirect-loop-a', '/loop-a', {toAddress: '/loop-b'}),
      redirect('redirect-loop-b', '/loop-b', {toAddress: '/loop-a'}),
      redirect('redirect-self', '/self', {toAddress: '/self/'}),
      redirect('redirect-chain-start', '/chain-a', {toAddress: '/chain-b'}),
      redirect('redirect-chain-end', '/chain-b', {toAddress: '/about-us'}),
      redirect('redirect-live-page', '/about-us/faqs', {toAddress: '/privacy'}),
      redirect('redirect-live-article', '/news/institute-opens/', {to: ref('page-privacy')}),
      redirect('redirect-missing-document', '/gone', {to: ref('news-gone')}),
      redirect('redirect-missing-address', '/nowhere-old', {toAddress: '/nowhere-new'}),
      redirect('redirect-same-source', '/about', {to: ref('page-privacy')}),
    ])
  }, 300_000)
  afterAll(() => build.remove())

  test('the build fails and writes no pages', async () => {
    expect(build.code).not.toBe(0)
    for (const sitePath of ['/', '/about-us/', '/about/'])
      await expect(readFile(htmlFile(build.outDir, sitePath), 'utf8')).rejects.toThrow()
  })

  test.each([
    ['redirect-loop-a', 'toAddress', 'redirects in a loop: /loop-a/ → /loop-b/ → /loop-a/'],
    ['redirect-loop-b', 'toAddress', 'redirects in a loop: /loop-b/ → /loop-a/ → /loop-b/'],
    ['redirect-self', 'toAddress', 'redirects in a loop: /self/ → /self/'],
    ['redirect-chain-start', 'toAddress', '/chain-a/ → /chain-b/ → /about-us/ is a chain of redirects'],
    ['redirect-live-page', 'from', '/about-us/faqs/ is the address of the published page-faqs'],
    ['redirect-live-article', 'from', '/news/institute-opens/ is the address of the published news-institute-opens'],
    ['redirect-missing-document', 'to', 'leads to news-gone, which does not exist or is not published'],
    ['redirect-missing-address', 'toAddress', '/nowhere-new/ is not an address on this site'],
    // The demo content's redirect-about has the address already.
    ['redirect-same-source', 'from', '/about/ is already redirected by redirect-about'],
  ])('names %s %s', (id, field, message) => {
    expect(build.output).toContain(`${id} ${field}: ${message}`)
  })

  test('names nothing in the redirect a chain ends with, nor in the demo redirect', () => {
    expect(build.output).not.toMatch(/- redirect-chain-end |- redirect-about /)
  })
})
