import {pageText} from '../../src/site.ts'
import {
  chooseMenuItem,
  expect,
  expectSaved,
  openDocument,
  publish,
  replaceText,
  test,
  withPublishedSite,
} from './fixtures.ts'

test('an editor restores an earlier revision from History and publishes it, and the site shows it again', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const original = 'The University of Nottingham hosts the Institute at its Jubilee Campus.'
  const mistake = `A hasty answer, published by mistake at ${Date.now()}.`
  await openDocument(page, 'FAQs', /Who hosts the Institute/)

  const answer = page.getByTestId('field-answer')
  const editor = answer.locator('[contenteditable="true"]')
  await expect(editor).toHaveText(original)
  await replaceText(page, editor, mistake)
  await expectSaved(page)
  await publish(page)

  // History of the published version (from the draft's, Studio 6.16 cannot open revisions made
  // before the draft existed: sanity-io/sanity#14346). Its first entry is the demo content.
  await page.getByTestId('document-header-Published-chip').click()
  await chooseMenuItem(page, page.getByTestId('document-pane').getByTestId('pane-context-menu-button'), 'History')
  const entries = page.getByTestId('timeline-item-button')
  await expect(entries.first()).toContainText('Published')
  await entries.last().click()
  await expect(answer).toContainText(original)
  await expect(answer).not.toContainText(mistake)

  await page.getByTestId('action-reverttorevision').click()
  await page.getByRole('button', {name: 'Confirm'}).click()
  await expect(page.getByText('was restored')).toBeVisible()

  // The restored text is a draft until the editor publishes it.
  await page.getByTestId('document-header-Draft-chip').click()
  await expect(editor).toHaveText(original)
  await publish(page)

  await withPublishedSite(async (outDir) => {
    const faqs = await pageText(outDir, '/about-us/faqs')
    expect(faqs).toContain(original)
    expect(faqs).not.toContain(mistake)
  })
})
