import {clientFor} from '@itss/lake/testing'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {buildSite, htmlFile, projectEnv, removeDir, startDemoLake, tempDir, type Build} from './site.ts'
import {readFile} from 'node:fs/promises'

/*
 * A hostile dataset: the demo content plus every kind of bad input the build must refuse.
 * The build has to fail, name each document and field, and write no page.
 */

const block = (key: string, text: string, href?: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: href ? [{_key: `${key}m`, _type: 'link', href}] : [],
  children: [{_type: 'span', _key: `${key}s`, text, marks: href ? [`${key}m`] : []}],
})

const UNSAFE_HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,hi',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
]

let lake: Awaited<ReturnType<typeof startDemoLake>>
let build: Build

beforeAll(async () => {
  lake = await startDemoLake()
  const client = clientFor(lake)
  await client
    .transaction()
    .createOrReplace({
      _id: 'hostile-links',
      _type: 'page',
      title: 'Hostile links',
      slug: {_type: 'slug', current: 'hostile-links'},
      summary: 'Links with unsafe schemes.',
      body: [
        {_type: 'textSection', _key: 't1', body: UNSAFE_HREFS.map((href, i) => block(`b${i}`, `link ${i}`, href))},
      ],
    })
    .createOrReplace({
      _id: 'hostile-unknown-block',
      _type: 'page',
      title: 'Unknown block',
      slug: {_type: 'slug', current: 'unknown-block'},
      summary: 'A block type the site cannot render.',
      body: [
        {_type: 'textSection', _key: 't1', body: [{_type: 'rawHtml', _key: 'h1', html: '<script>alert(1)</script>'}]},
      ],
    })
    .createOrReplace({
      _id: 'hostile-dangling',
      _type: 'page',
      title: 'Dangling reference',
      slug: {_type: 'slug', current: 'dangling'},
      summary: 'Points at a page that does not exist.',
      body: [
        {
          _type: 'pageCardsSection',
          _key: 'c1',
          heading: 'Gone',
          pages: [{_type: 'reference', _key: 'r1', _ref: 'page-gone'}],
        },
      ],
    })
    .createOrReplace({
      _id: 'hostile-duplicate-slug',
      _type: 'page',
      title: 'Another FAQs page',
      slug: {_type: 'slug', current: 'faqs'},
      parent: {_type: 'reference', _ref: 'page-about-us'},
      summary: 'Claims the address of the real FAQs page.',
    })
    .createOrReplace({
      _id: 'hostile-spaced-slug',
      _type: 'page',
      title: 'Spaced slug',
      slug: {_type: 'slug', current: 'our team'},
      summary: 'A slug with a space in it.',
    })
    .commit()
  build = await buildSite(await tempDir('site-hostile'), projectEnv(lake))
}, 180_000)

afterAll(async () => {
  await lake?.close()
  await removeDir(lake.dir)
  await removeDir(build.outDir)
})

test('the build fails and writes no pages', async () => {
  expect(build.code).not.toBe(0)
  await expect(readFile(htmlFile(build.outDir, '/'), 'utf8')).rejects.toThrow()
  await expect(readFile(htmlFile(build.outDir, '/hostile-links'), 'utf8')).rejects.toThrow()
})

test.each(UNSAFE_HREFS.map((href, i) => [href, i] as const))('names the unsafe link %j', (_href, i) => {
  expect(build.output).toContain(`hostile-links body[0].body[${i}].markDefs[0].href`)
})

test('names the unknown block type', () => {
  expect(build.output).toMatch(/hostile-unknown-block body\[0\]\.body\[0\]: unknown text block type “rawHtml”/)
})

test('names the dangling reference', () => {
  expect(build.output).toMatch(/hostile-dangling body\[0\]\.pages\[0\]: links to page page-gone/)
})

test('names the duplicate address', () => {
  expect(build.output).toMatch(
    /hostile-duplicate-slug slug: address \/about-us\/faqs is already used by page page-faqs|page-faqs slug: address \/about-us\/faqs is already used by page hostile-duplicate-slug/,
  )
})

test('names the slug with a space', () => {
  expect(build.output).toMatch(/hostile-spaced-slug slug: “our team”: Use lowercase letters/)
})
