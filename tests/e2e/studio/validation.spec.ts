import {LINK_SCHEME_MESSAGE} from '@itss/schemas'

import {expect, expectTooltip, openDocument, test} from './fixtures.ts'

test('a page with a slug another page uses and a javascript: link cannot be published', async ({page}) => {
  await openDocument(page, 'Pages', /About us/)
  const publish = page.getByTestId('action-publish')
  const slugField = page.getByTestId('field-slug')
  await expect(slugField.getByRole('textbox')).toHaveValue('about-us')
  await slugField.getByRole('textbox').fill('what-we-do')

  // The slug check asks the lake whether another page has it; the editor sees the answer.
  await expectTooltip(page, slugField.getByTestId('input-validation-icon-error'), 'Slug is already in use')
  await expect(publish).toBeDisabled()

  // A link in the first text section, to a javascript: address.
  await page.getByRole('button', {name: 'Our story Text'}).click()
  const dialog = page.getByRole('dialog', {name: 'Sections / Our story'})
  await dialog.locator('[contenteditable="true"]').first().getByText(/\w+/).first().dblclick()
  await dialog.getByRole('button', {name: 'Link elsewhere'}).click()
  const linkEditor = page.getByTestId('popover-edit-dialog')
  await linkEditor.getByRole('textbox', {name: 'Address'}).fill('javascript:alert(1)')
  await expectTooltip(page, linkEditor.getByTestId('input-validation-icon-error'), LINK_SCHEME_MESSAGE)

  await linkEditor.getByTestId('close-popover-edit-dialog-button').click()
  await dialog.getByRole('button', {name: 'Close dialog'}).click()

  // With the slug put back, the link alone still keeps Publish disabled.
  await slugField.getByRole('textbox').fill('about-us')
  await expect(slugField.getByTestId('input-validation-icon-error')).toHaveCount(0)
  await expect(page.getByRole('button', {name: 'Our story Text'})).toBeVisible()
  await expect(publish).toBeDisabled()
})
