import {SINGLETON_IDS, TEAM_GROUPS} from '@itss/schemas'

import {contentPane, expect, openDocument, test} from './fixtures.ts'

const MENU = [
  'Site settings',
  'Navigation',
  'Pages',
  'News',
  'Publications',
  'Events',
  'Topics',
  'FAQs',
  'Team',
  'Partners',
  'Research roadmap',
  'Milestones',
  'Quotes',
  'Redirects',
]

test('the Studio boots logged in, fetches nothing from outside this machine, and shows the content menu', async ({
  page,
}) => {
  await page.goto('/structure')
  const menu = contentPane(page)
  // The sections editors know, in their order; types added later (pnpm new:type) follow them.
  await expect(menu.getByRole('link').nth(MENU.length - 1)).toHaveText(MENU.at(-1) ?? '')
  expect((await menu.getByRole('link').allInnerTexts()).slice(0, MENU.length)).toEqual(MENU)
  // Logged in as the lake's one editor.
  await expect(page.getByRole('button', {name: /Local editor|LE/}).first()).toBeVisible()

  await menu.getByRole('link', {name: 'Team', exact: true}).click()
  const teamPane = page.locator('[data-testid="structure-tool-list-pane"]').nth(1)
  await expect(teamPane.getByRole('link')).toHaveText(TEAM_GROUPS.map((group) => group.title))

  // FAQs with their category, pages with their addresses.
  await menu.getByRole('link', {name: 'FAQs', exact: true}).click()
  await expect(
    page.getByTestId('document-list-pane').getByRole('link', {name: /^How is the Institute funded/}),
  ).toContainText('Funding')
  await menu.getByRole('link', {name: 'Pages', exact: true}).click()
  const pages = page.getByTestId('document-list-pane')
  await expect(pages.getByRole('link', {name: /^FAQs/})).toContainText('/about-us/faqs')
  await expect(pages.getByRole('link', {name: /^Policy work/})).toContainText(
    '/what-we-do/research-and-policy/policy-work',
  )
})

test('singletons can be published but not created, duplicated or deleted; pages can be all three', async ({page}) => {
  // The document's other actions, behind the button next to Publish (absent when there are none).
  const menuItems = async () => {
    const button = page.getByTestId('action-menu-button')
    if ((await button.count()) === 0) return []
    await button.click()
    // Read the menu once it is open: read at once, it may not have rendered yet.
    await expect(page.getByRole('menuitem').first()).toBeVisible()
    const items = await page.getByRole('menuitem').allInnerTexts()
    await page.keyboard.press('Escape')
    return items.map((item) => item.trim())
  }

  // The Studio's "create" menu offers pages and the rest, never a second settings or navigation.
  await page.goto('/structure')
  await page.getByTestId('new-document-button').click()
  await expect(page.getByTestId('create-new-page')).toBeVisible()
  for (const singleton of SINGLETON_IDS) await expect(page.getByTestId(`create-new-${singleton}`)).toHaveCount(0)
  await page.keyboard.press('Escape')

  await openDocument(page, 'Site settings', /Site settings/)
  await expect(page.getByTestId('action-publish')).toBeVisible()
  const singletonActions = await menuItems()
  expect(singletonActions.join('\n')).not.toMatch(/Duplicate|Delete/)

  // The same menu on an ordinary document does offer both, so the check above means something.
  await openDocument(page, 'Pages', /About us/)
  await expect(page.getByTestId('action-publish')).toBeVisible()
  await expect(page.getByTestId('action-menu-button')).toBeVisible()
  const pageActions = await menuItems()
  expect(pageActions.join('\n')).toMatch(/Duplicate/)
  expect(pageActions.join('\n')).toMatch(/Delete/)
})
