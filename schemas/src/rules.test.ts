import {describe, expect, test} from 'vitest'
import {hrefScheme, isAllowedHref, SLUG_PATTERN} from './rules.ts'

describe('links', () => {
  test.each([
    'https://www.ukri.org/',
    'http://example.org',
    'mailto:contact@itss.example',
    'tel:+441151234567',
    '/about-us',
    '#main',
    'about-us/faqs',
  ])('allows %s', (href) => expect(isAllowedHref(href)).toBe(true))

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'jav\u0000ascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,hi',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/path',
    '',
  ])('refuses %j', (href) => expect(isAllowedHref(href)).toBe(false))

  test('reads the scheme a browser would', () => {
    expect(hrefScheme(' JaVa\tScRipt:x')).toBe('javascript')
    expect(hrefScheme('/relative')).toBeNull()
  })
})

describe('slugs', () => {
  test.each(['about-us', 'faqs', 'talent-programme', 'a1'])('allows %s', (slug) =>
    expect(SLUG_PATTERN.test(slug)).toBe(true),
  )
  test.each(['About-us', 'about us', 'about--us', '-about', 'about-', 'about_us', ''])('refuses %j', (slug) =>
    expect(SLUG_PATTERN.test(slug)).toBe(false),
  )
})
