import {readFile} from 'node:fs/promises'
import path from 'node:path'

import {parse} from 'node-html-parser'

import {htmlFile, pageText} from '../../src/site.ts'
import {expect, expectSaved, openDocument, publish, test, withPublishedSite} from './fixtures.ts'

// The demo article this test renames (no other Studio test relies on its address).
const TITLE = 'The UK Institute for Technical Skills and Strategy opens'
const OLD = 'institute-opens'

/** What a build holds for an old address: its `_redirects` rule and its page's refresh target and link. */
async function redirectAt(outDir: string, from: string) {
  const rules = (await readFile(path.join(outDir, '_redirects'), 'utf8')).split('\n')
  const root = parse(await readFile(htmlFile(outDir, from), 'utf8').catch(() => ''))
  return {
    rule: rules.find((line) => line.startsWith(`${from} `)),
    refresh: root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content'),
    link: root.querySelector('main a')?.getAttribute('href'),
  }
}

test('an editor changes a published article’s address; the old address leads to the new one, and back again', async ({
  page,
}) => {
  test.setTimeout(240_000)
  const renamed = `${OLD}-${String(Date.now())}`
  await openDocument(page, 'News', TITLE)
  const slug = page.getByTestId('field-slug').getByRole('textbox')
  await expect(slug).toHaveValue(OLD)

  await slug.fill(renamed)
  await expectSaved(page)
  await publish(page)
  await expect(page.getByText('Redirect created')).toBeVisible()
  await expect(page.getByText(`/news/${OLD}/ now leads to /news/${renamed}/`)).toBeVisible()

  await withPublishedSite(async (outDir) => {
    expect(await redirectAt(outDir, `/news/${OLD}/`)).toEqual({
      rule: `/news/${OLD}/ /news/${renamed}/ 301`,
      refresh: `0; url=/news/${renamed}/`,
      link: `/news/${renamed}/`,
    })
    expect(await pageText(outDir, `/news/${renamed}/`)).toContain(TITLE)
  })

  // Back to the first address: it is the article's again, and the second one leads there.
  await slug.fill(OLD)
  await expectSaved(page)
  await publish(page)
  await expect(page.getByText(`/news/${renamed}/ now leads to /news/${OLD}/`)).toBeVisible()

  await withPublishedSite(async (outDir) => {
    expect((await redirectAt(outDir, `/news/${OLD}/`)).rule).toBeUndefined()
    expect(await pageText(outDir, `/news/${OLD}/`)).toContain(TITLE)
    expect(await redirectAt(outDir, `/news/${renamed}/`)).toEqual({
      rule: `/news/${renamed}/ /news/${OLD}/ 301`,
      refresh: `0; url=/news/${OLD}/`,
      link: `/news/${OLD}/`,
    })
  })
})
