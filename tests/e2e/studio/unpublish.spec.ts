import {access, readFile} from 'node:fs/promises'
import path from 'node:path'

import {htmlFile} from '../../src/site.ts'
import {
  contentPane,
  expect,
  expectSaved,
  lakeClient,
  openDocument,
  publish,
  test,
  withPublishedSite,
} from './fixtures.ts'

/** What a build holds of one page: its file, and its entry in the sitemap. */
async function builtPage(outDir: string, sitePath: string) {
  const sitemap = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8')
  return {
    file: await access(htmlFile(outDir, sitePath)).then(
      () => true,
      () => false,
    ),
    inSitemap: sitemap.includes(`${sitePath}/</loc>`),
  }
}

test('an editor unpublishes a page, and the next build drops it and its sitemap entry', async ({page}) => {
  test.setTimeout(180_000)
  const title = `Open day ${Date.now()}`
  const sitePath = `/${title.toLowerCase().replace(/ /g, '-')}`

  await page.goto('/structure')
  await contentPane(page).getByRole('link', {name: 'Pages', exact: true}).click()
  await page.getByTestId('action-intent-button').click()
  await page.getByTestId('field-title').getByRole('textbox').fill(title)
  await page.getByTestId('field-slug').getByRole('button', {name: 'Generate'}).click()
  await expect(page.getByTestId('field-slug').getByRole('textbox')).toHaveValue(sitePath.slice(1))
  await page.getByTestId('field-summary').getByRole('textbox').fill('When and where to meet the Institute’s team.')
  await expectSaved(page)
  await publish(page)

  await withPublishedSite(async (outDir) => {
    expect(await builtPage(outDir, sitePath)).toEqual({file: true, inSitemap: true})
  })

  // Unpublishing is an action on the published version.
  await page.getByTestId('document-header-Published-chip').click()
  await page.getByTestId('action-unpublish').click()
  const dialog = page.getByRole('dialog', {name: /Unpublish/})
  await expect(dialog).toContainText(title)
  await dialog.getByRole('button', {name: /Unpublish/}).click()
  await expect(page.getByText('was unpublished')).toBeVisible()

  await withPublishedSite(async (outDir) => {
    expect(await builtPage(outDir, sitePath)).toEqual({file: false, inSitemap: false})
  })
})

test('a page that other documents link to cannot be unpublished; the editor is told why', async ({page, network}) => {
  await openDocument(page, 'Pages', /Privacy and cookies/)
  await page.getByTestId('document-header-Published-chip').click()
  await page.getByTestId('action-unpublish').click()
  const dialog = page.getByRole('dialog', {name: /Unpublish/})
  // The Studio lists who links here (the footer, in Site settings)...
  await expect(dialog).toContainText('Site settings')
  // ...and the lake refuses, as Sanity does, when the editor goes ahead anyway.
  await network.excuseLakeFailures(async () => {
    await dialog.getByRole('button', {name: 'Unpublish anyway'}).click()
    await expect(page.getByText('An error occurred while attempting to unpublish')).toBeVisible()
  })
  expect(await lakeClient().getDocument('page-privacy')).toMatchObject({title: 'Privacy and cookies'})
})
