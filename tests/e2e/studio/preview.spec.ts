import {pageText} from '../../src/site.ts'
import {previewUrl} from './env.ts'
import {chooseMenuItem, expect, expectSaved, openDocument, test, withPublishedSite} from './fixtures.ts'

test('the Preview action opens the page in Presentation with an unpublished edit; the published build does not show it', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const draftTitle = `Accessibility, draft of ${Date.now()}`
  await openDocument(page, 'Pages', /Accessibility statement/)
  await page.getByTestId('field-title').getByRole('textbox').fill(draftTitle)
  await expectSaved(page)

  await chooseMenuItem(page, page.getByTestId('action-menu-button'), 'Preview')
  // The page beside its form, in the Studio's Presentation tool.
  await expect(page).toHaveURL(/\/presentation\/page\/page-accessibility-statement\?/)
  const preview = page.frameLocator(`iframe[src^="${previewUrl}/"]`)
  await expect(preview.getByRole('heading', {level: 1})).toHaveText(draftTitle)
  await expect(preview.getByText('Draft preview.')).toBeVisible()
  await expect(page.getByTestId('field-title').getByRole('textbox')).toHaveValue(draftTitle)

  await withPublishedSite(async (outDir) => {
    const published = await pageText(outDir, '/accessibility-statement')
    expect(published).toContain('Accessibility statement')
    expect(published).not.toContain(draftTitle)
    expect(published).not.toContain('Draft preview')
  })
})
