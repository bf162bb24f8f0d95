import {pageText} from '../../src/site.ts'
import {expect, expectSaved, openDocument, publish, test, withPublishedSite} from './fixtures.ts'

test('an editor changes an FAQ answer and publishes it, and the next build shows it', async ({page}) => {
  const answer = `Research England funds the Institute through UKRI; checked ${Date.now()}.`
  await openDocument(page, 'FAQs', /How is the Institute funded/)

  const editor = page.getByTestId('field-answer').locator('[contenteditable="true"]')
  await expect(editor).toContainText('Research England, part of UK Research and Innovation')
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(answer)
  await expect(editor).toHaveText(answer)

  // Every keystroke reached the lake and came back through the listener: no "Saving…" left.
  await expectSaved(page)
  await publish(page)

  await withPublishedSite(async (outDir) => expect(await pageText(outDir, '/about-us/faqs')).toContain(answer))
})
