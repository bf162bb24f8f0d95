import {expect, test} from '@playwright/test'
import {HtmlValidate} from 'html-validate'

// The demo content's redirect: /about → the About us page. The browser tests' server reads no
// redirect rules, as many hosts do, so the page at the old address has to send visitors on.
const OLD = '/about/'

test.use({javaScriptEnabled: false})

test('an old address takes a browser without JavaScript to the page it names', async ({page}) => {
  await page.goto(OLD)
  await expect(page).toHaveURL(/\/about-us\/$/)
  await expect(page.getByRole('heading', {level: 1})).toHaveText('About us')
})

test('the page at an old address is valid HTML that redirects at once (html-validate)', async ({request}) => {
  // As quality.spec.ts checks every page: Astro writes void elements in a style of its own.
  const htmlValidate = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {'void-style': 'off', 'no-trailing-whitespace': 'off'},
  })
  const response = await request.get(OLD, {maxRedirects: 0})
  expect(response.status()).toBe(200)
  const report = await htmlValidate.validateString(await response.text(), OLD)
  expect(report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([])
})
