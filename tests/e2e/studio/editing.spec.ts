import {expect, expectSaved, openDocument, publish, replaceText, test, withServedSite} from './fixtures.ts'

test('an editor changes an FAQ answer and publishes it, and the site shows it seconds later, with no one building it', async ({
  page,
}) => {
  test.setTimeout(150_000)
  // A word no page has yet, for the site's search to find: letters only, as a searcher types.
  const word = `verified${Date.now()
    .toString(36)
    .replace(/\d/g, (digit) => 'abcdefghij'.charAt(Number(digit)))}`
  const answer = `Research England funds the Institute through UKRI; ${word}.`
  await withServedSite(async (siteUrl) => {
    const faqs = new URL('about-us/faqs/', siteUrl)
    await openDocument(page, 'FAQs', /How is the Institute funded/)

    const editor = page.getByTestId('field-answer').locator('[contenteditable="true"]')
    await expect(editor).toContainText('Research England, part of UK Research and Innovation')
    await replaceText(page, editor, answer)

    // Every keystroke reached the lake and came back through the listener: no "Saving…" left.
    await expectSaved(page)
    expect(await (await fetch(faqs)).text()).not.toContain(answer)
    // The Studio shows the document published once the lake has acknowledged the publish.
    await publish(page)
    const published = performance.now()
    await expect.poll(async () => (await fetch(faqs)).text(), {timeout: 60_000, intervals: [50]}).toContain(answer)
    // Publish to live, the editor's wait (goal: under 3 s at the demo's size), printed for the record.
    console.log(`publish to live through the Studio: ${((performance.now() - published) / 1000).toFixed(1)} s`)

    // The site's search finds the new word soon after: its index is written once the page is live.
    const visitor = await page.context().newPage()
    await expect(async () => {
      await visitor.goto(new URL(`search/?q=${word}`, siteUrl).href)
      await expect(visitor.getByRole('status')).toHaveText(`1 result for “${word}”`, {timeout: 3000})
    }).toPass({timeout: 60_000})
    await expect(visitor.locator('[data-search-results] a').first()).toHaveAttribute('href', /\/about-us\/faqs\/$/)
  })
})
