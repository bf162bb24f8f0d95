import {buildSite, pageText, removeDir, tempDir} from '../../src/site.ts'
import {lakeHttpUrl, PROJECT_ID} from './env.ts'
import {editorToken, expect, openDocument, test} from './fixtures.ts'

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
  const footer = page.getByTestId('pane-footer')
  await expect(footer).toContainText('Saved')
  await expect(footer).not.toContainText('Saving')

  const publish = page.getByTestId('action-publish')
  await expect(publish).toBeEnabled()
  await publish.click()
  await expect(publish).toBeDisabled()
  await expect(page.getByTestId('document-header-Published-chip')).toBeVisible()

  const outDir = await tempDir('studio-build')
  try {
    const build = await buildSite(outDir, {
      SANITY_PROJECT_ID: PROJECT_ID,
      SANITY_DATASET: 'production',
      SANITY_API_HOST: lakeHttpUrl,
      SANITY_API_READ_TOKEN: editorToken(),
    })
    expect(build.code, build.output).toBe(0)
    expect(await pageText(outDir, '/about-us/faqs')).toContain(answer)
  } finally {
    await removeDir(outDir)
  }
})
