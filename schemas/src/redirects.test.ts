import {expect, test} from 'vitest'
import {
  checkRedirectAddress,
  checkRedirectSource,
  normaliseRedirectSource,
  REDIRECT_SOURCE_MESSAGE,
} from './redirects.ts'

test.each([
  ['about', '/about/'],
  ['/about', '/about/'],
  ['/about/', '/about/'],
  [' about//us ', '/about/us/'],
  ['/', '/'],
])('the old address %j is served as %s', (from, path) => {
  expect(normaliseRedirectSource(from)).toBe(path)
})

test.each(['/old-page', 'old-page', '/news/old-headline/', '/about-us/old-team'])('%s may be redirected', (from) => {
  expect(checkRedirectSource(from)).toBe(true)
})

test.each([
  'https://example.org/old',
  '//example.org/old',
  'mailto:someone@example.org',
  '/old page',
  '/old?page=2',
  '/old#part',
  '/old/*',
  '/old/:slug',
  '/report.pdf',
  'report.pdf',
  '/a/../b',
  '/_astro/x',
])('%s is not a page address on this site', (from) => {
  expect(checkRedirectSource(from)).toBe(REDIRECT_SOURCE_MESSAGE)
})

test.each([
  '/',
  '/news',
  '/news/page/2',
  '/publications/kind/other/',
  '/events/past',
  '/events/past/page/2',
  '/search/',
  '/search/a-z/page/2',
  '/pagefind/x',
])('%s belongs to the site itself', (from) => {
  expect(checkRedirectSource(from)).not.toBe(true)
})

test.each(['/about-us', '/about-us/#team', 'https://example.org/report', 'http://example.org'])(
  'a redirect may lead to %s',
  (to) => {
    expect(checkRedirectAddress(to)).toBe(true)
  },
)

test.each(['javascript:alert(1)', 'about-us', '//example.org', 'https://', 'ftp://example.org', '/a b'])(
  'a redirect may not lead to %s',
  (to) => {
    expect(checkRedirectAddress(to)).not.toBe(true)
  },
)
