import {pageText} from '../../src/site.ts'
import {previewUrl} from './env.ts'
import {expect, expectSaved, openDocument, test, withPublishedSite} from './fixtures.ts'

test('the Preview action shows an unpublished edit on the draft-preview site; the published build does not', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const draftTitle = `Accessibility, draft of ${Date.now()}`
  await openDocument(page, 'Pages', /Accessibility statement/)
  await page.getByTestId('field-title').getByRole('textbox').fill(draftTitle)
  await expectSaved(page)

  await page.getByTestId('action-menu-button').click()
  const [preview] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('menuitem', {name: 'Preview'}).click(),
  ])
  await expect(preview).toHaveURL(`${previewUrl}/accessibility-statement/`)
  await expect(preview.getByRole('heading', {level: 1})).toHaveText(draftTitle)
  await expect(preview.getByText('Draft preview.')).toBeVisible()

  await withPublishedSite(async (outDir) => {
    const published = await pageText(outDir, '/accessibility-statement')
    expect(published).toContain('Accessibility statement')
    expect(published).not.toContain(draftTitle)
    expect(published).not.toContain('Draft preview')
  })
})
