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

  test('the search page lists everything on the site instead, by kind', async ({page}) => {
    await page.goto('/search/?q=Holman')
    await expect(page.getByRole('heading', {name: 'Everything on this site'})).toBeVisible()
    // The filters need the script, so they are not offered.
    await expect(page.getByLabel('Type of content')).toBeHidden()
    const links = page.locator('.search__results a')
    expect(await links.count()).toBeGreaterThanOrEqual(12)
    await expect(links.filter({hasText: 'TALENT Programme'})).toHaveAttribute('href', '/talent-programme/')
    const under = (heading: string) => page.locator(`h3:text-is("${heading}") + .search__results a`)
    await expect(under('News')).toContainText(['The UK Institute for Technical Skills and Strategy opens'])
    await expect(under('Publications')).toHaveText(['The TALENT Commission report'])
    await expect(under('Events')).toHaveText(['Example event: technical careers workshop'])
    await under('Events').click()
    await expect(page).toHaveURL(/\/events\/example-event\/$/)
  })
})
