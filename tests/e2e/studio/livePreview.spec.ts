// The draft preview follows the form as the editor types (docs/editing.md, "Live preview"):
// the page is rendered again and morphed in place, never reloaded.
import {previewUrl} from './env.ts'
import {expect, expectSaved, lakeClient, test} from './fixtures.ts'

/** The FAQ this file edits; editing.spec.ts edits another one. */
const FAQ = 'faq-opened'

/** `length` characters of words and digits, as an editor might type them. */
function typedText(length: number): string {
  const words = 'the institute opened its doors to technicians from every region in year'.split(' ')
  let text = ''
  for (let i = 0; text.length < length; i++) text += `${words[i % words.length] ?? ''} ${String(i)} `
  return text.slice(0, length - 1) + '.'
}

test('as an editor types an FAQ answer, the preview shows the latest text in place: no reload, the scroll kept', async ({
  page,
}) => {
  test.setTimeout(150_000)
  await page.goto(`/presentation/faq/${FAQ}?preview=/about-us/faqs/`)
  const preview = page.frameLocator(`iframe[src^="${previewUrl}/"]`)
  const faq = preview.locator(`details#${FAQ}`)
  const answer = faq.locator('.faq__answer')
  const editor = page.getByTestId('field-answer').locator('[contenteditable="true"]')
  await expect(editor).toContainText('The Institute was announced in March 2023')
  await expect(answer).toContainText('The Institute was announced in March 2023')

  // The reader opens the answer and scrolls to it; a mark on the page's window is lost if the page reloads.
  const scrolled = await faq.evaluate((details: HTMLDetailsElement) => {
    ;(window as unknown as {livePreviewMark?: string}).livePreviewMark = 'not reloaded'
    details.open = true
    details.scrollIntoView({block: 'center'})
    return window.scrollY
  })
  expect(scrolled).toBeGreaterThan(0)

  // 200 characters at 20 ms a keystroke, with two pauses.
  const text = typedText(200)
  expect(text).toHaveLength(200)
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  for (const [index, chunk] of [text.slice(0, 70), text.slice(70, 140), text.slice(140)].entries()) {
    await page.keyboard.type(chunk, {delay: 20})
    if (index < 2) await page.waitForTimeout(index === 0 ? 700 : 1_500)
  }
  await expect(editor).toHaveText(text)

  await expect(answer).toHaveText(text)
  await expectSaved(page)
  // Still the final text once every save is in, not an earlier one arriving late.
  await page.waitForTimeout(1_500)
  await expect(answer).toHaveText(text)

  const after = await faq.evaluate((details: HTMLDetailsElement) => ({
    mark: (window as unknown as {livePreviewMark?: string}).livePreviewMark,
    open: details.open,
    scrollY: window.scrollY,
  }))
  expect(after).toEqual({mark: 'not reloaded', open: true, scrollY: scrolled})

  // The morphed page still opens what is clicked in it.
  const question = page.getByTestId('field-question').getByRole('textbox')
  await expect(async () => {
    await preview.locator('details#faq-host .faq__question').click()
    await expect(question).toHaveValue('Who hosts the Institute?', {timeout: 2_000})
  }).toPass({timeout: 30_000})
})

test('a question typed fast in Presentation and published at once goes out whole, and the preview shows it', async ({
  page,
}) => {
  test.setTimeout(120_000)
  // Plain-text fields hand the form their text in batches while presenting (studio/src/presentationTyping.ts).
  const id = 'faq-technician-commitment-more'
  await page.goto(`/presentation/faq/${id}?preview=/about-us/faqs/`)
  const shown = page.frameLocator(`iframe[src^="${previewUrl}/"]`).locator(`details#${id} .faq__question`)
  const question = page.getByTestId('field-question').getByRole('textbox')
  await expect(question).toHaveValue('How do I find out more about the Technician Commitment?')
  await expect(shown).toHaveText('How do I find out more about the Technician Commitment?')

  // A publish the Studio gives up on midway may or may not land; either way the editor is left unsure.
  const abandoned: string[] = []
  page.on('requestfailed', (request) => {
    if (request.url().includes('document.publish')) abandoned.push(request.url())
  })
  const text = 'Where can I read more about the Technician Commitment and who has signed it?'
  await question.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text, {delay: 20})
  // Publish the moment the last key is typed, before its batch is due.
  await page.getByTestId('action-publish').click()
  await expect
    .poll(async () => (await lakeClient().getDocument<{question?: string}>(id))?.question, {timeout: 30_000})
    .toBe(text)
  await expect(question).toHaveValue(text)
  await expect(shown).toHaveText(text)
  expect(abandoned).toEqual([])
})
