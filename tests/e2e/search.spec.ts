import {expect, test} from '@playwright/test'

test('search finds pages by their words, in place, with no errors', async ({page}) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('/search/')
  await page.getByLabel('Search this site').fill('Holman')
  await page.getByRole('button', {name: 'Search'}).click()
  await expect(page.getByRole('status')).toHaveText(/\d+ results? for “Holman”/)
  const results = page.locator('[data-search-results] a')
  await expect(results.first()).toBeVisible()
  await expect(page.locator('[data-search-results]')).toContainText('TALENT Programme')
  expect(errors).toEqual([])

  await results.filter({hasText: 'TALENT Programme'}).first().click()
  await expect(page).toHaveURL(/\/talent-programme\/$/)
})

test('a keyboard user can reach search from any page', async ({page}) => {
  await page.goto('/about-us/')
  await page.getByRole('link', {name: 'Search', exact: true}).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/search\/$/)
  await page.getByLabel('Search this site').focus()
  await page.keyboard.type('Research England')
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-search-results] a').first()).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false})

  test('the search page lists every page instead', async ({page}) => {
    await page.goto('/search/?q=Holman')
    await expect(page.getByRole('heading', {name: 'All pages'})).toBeVisible()
    const links = page.locator('.search__results a')
    expect(await links.count()).toBeGreaterThanOrEqual(12)
    await expect(links.filter({hasText: 'TALENT Programme'})).toHaveAttribute('href', '/talent-programme/')
  })
})
