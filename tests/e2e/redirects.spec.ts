import {expect, test} from '@playwright/test'

// A host that reads no redirect rules (the browser tests' server) still sends an old address on.
test.use({javaScriptEnabled: false})

test('an old address takes a browser without JavaScript to the page it names', async ({page}) => {
  // The demo content's redirect: /about → the About us page.
  await page.goto('/about/')
  await expect(page).toHaveURL(/\/about-us\/$/)
  await expect(page.getByRole('heading', {level: 1})).toHaveText('About us')
})
