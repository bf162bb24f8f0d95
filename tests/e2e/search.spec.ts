import {expect, test} from '@playwright/test'

test('search finds pages by their words, in place, with no errors', async ({page}) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('/search/')
  // The script runs, so the page does not claim that it cannot search.
  await expect(page.getByText('Searching needs JavaScript')).toHaveCount(0)
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

test('the results narrow by type of content and by topic, and the address keeps the choice', async ({page}) => {
  await page.goto('/search/')
  const results = page.locator('[data-search-results] a')
  const filters = page.getByRole('group', {name: 'Narrow the results'})
  await filters.getByLabel('Type of content').selectOption('Events')
  await expect(page.getByRole('status')).toHaveText('1 result in Events')
  await expect(results).toHaveText(['Example event: technical careers workshop'])

  // Words and a kind together: “TALENT” is on pages, news and the report, but only one is a publication.
  await filters.getByLabel('Type of content').selectOption('Publications')
  await page.getByLabel('Search this site').fill('TALENT')
  await page.getByRole('button', {name: 'Search'}).click()
  await expect(page.getByRole('status')).toHaveText('1 result for “TALENT” in Publications')
  await expect(results).toHaveText(['The TALENT Commission report'])

  // A topic: the news filed under Technician Commitment, and nothing filed elsewhere.
  await page.getByLabel('Search this site').fill('')
  await filters.getByLabel('Type of content').selectOption('News')
  await filters.getByLabel('Topic').selectOption('Technician Commitment')
  await expect(page.getByRole('status')).toHaveText('1 result in News on Technician Commitment')
  await expect(results).toHaveText(['The UK Institute for Technical Skills and Strategy opens'])
  await expect(page).toHaveURL(/[?&]kind=News(&|$)/)

  // The address brings the same search back.
  await page.reload()
  await expect(filters.getByLabel('Topic')).toHaveValue('Technician Commitment')
  await expect(page.getByRole('status')).toHaveText('1 result in News on Technician Commitment')
})

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false})

  test('the search page says why it cannot search, and leads to every page by lists instead', async ({page}) => {
    await page.goto('/search/?q=Holman')
    await expect(page.getByRole('heading', {name: 'Browse the site'})).toBeVisible()
    await expect(page.getByText('Searching needs JavaScript')).toBeVisible()
    // The filters need the script, so they are not offered.
    await expect(page.getByLabel('Type of content')).toBeHidden()
    const lists = page.locator('[data-search-fallback] a')
    await expect(lists).toHaveText(['Pages A to Z', 'News', 'Publications', 'Events', 'Topics'])

    // A keyboard user goes from the letter to the page.
    await lists.filter({hasText: 'Pages A to Z'}).focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/search\/a-z\/$/)
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Pages A to Z')
    const letters = page.getByRole('navigation', {name: 'Pages by first letter'})
    await letters.getByRole('link', {name: 'T', exact: true}).click()
    await expect(page).toHaveURL(/#az-t$/)
    await expect(page.locator('#az-t')).toBeInViewport()
    await page.getByRole('region', {name: 'Pages'}).getByRole('link', {name: 'TALENT Programme'}).click()
    await expect(page).toHaveURL(/\/talent-programme\/$/)
  })

  test('the pages A to Z fit a phone screen without scrolling sideways', async ({page}) => {
    await page.setViewportSize({width: 390, height: 844})
    await page.goto('/search/a-z/')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})
