import {expect, test, type Locator, type Page} from '@playwright/test'

/*
 * On a phone the main navigation folds away behind a "Menu" control, so the first screen shows
 * the page rather than the menu. The site ships no JavaScript on content pages, so the control
 * is a native disclosure: these tests run with JavaScript off and use only the keyboard.
 */

const menuToggle = (page: Page) => page.locator('header summary', {hasText: 'Menu'})
// Found by selector, not role: a role query skips the menu while it is folded away.
const mainNav = (page: Page) => page.locator('nav[aria-label="Main"]')

/** Presses Tab until `target` has focus, failing if any of `mustNotFocus` gets it on the way. */
async function tabTo(page: Page, target: Locator, mustNotFocus: Locator) {
  for (let presses = 0; presses < 10; presses++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((element) => element === document.activeElement)) return
    expect(await mustNotFocus.evaluateAll((links) => links.some((link) => link === document.activeElement))).toBe(false)
  }
  throw new Error('Tab never reached the element')
}

test.describe('on a 390 px phone, without JavaScript', () => {
  test.use({javaScriptEnabled: false, viewport: {width: 390, height: 844}})

  test('the menu starts closed, so the first screen shows the page heading', async ({page}) => {
    for (const path of ['/', '/about-us/', '/about-us/meet-the-team/']) {
      await page.goto(path)
      await expect(menuToggle(page), path).toBeVisible()
      await expect(mainNav(page), path).toBeHidden()
      await expect(page.getByRole('heading', {level: 1}), path).toBeInViewport({ratio: 1})
      const box = await menuToggle(page).boundingBox()
      expect(box?.width, 'target size').toBeGreaterThanOrEqual(24)
      expect(box?.height, 'target size').toBeGreaterThanOrEqual(24)
    }
  })

  test('Tab reaches Menu, Enter opens it, its links take focus, and Enter closes it', async ({page}) => {
    await page.goto('/about-us/')
    const toggle = menuToggle(page)
    const details = page.locator('header details', {has: page.locator('summary', {hasText: 'Menu'})})
    const links = mainNav(page).locator('a')

    // The skip link comes first, then the site's name, then Menu; the folded links are skipped.
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', {name: 'Skip to main content'})).toBeFocused()
    await tabTo(page, toggle, links)
    await expect(toggle).toBeFocused()
    await expect(details).not.toHaveAttribute('open')

    await page.keyboard.press('Enter')
    await expect(details).toHaveAttribute('open', '')
    await expect(mainNav(page)).toBeVisible()
    expect(await links.count()).toBeGreaterThanOrEqual(8)
    for (const link of await links.all()) await expect(link).toBeVisible()
    // The page being shown is still marked in the menu.
    await expect(mainNav(page).getByRole('link', {name: 'About us', exact: true})).toHaveAttribute(
      'aria-current',
      'page',
    )

    // Every link in the menu, submenus included, in order, from the keyboard.
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))
    for (const href of hrefs) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(href)
    }
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', {name: 'Search', exact: true})).toBeFocused()

    // Back to Menu, and Enter folds the menu away again.
    await toggle.focus()
    await page.keyboard.press('Enter')
    await expect(details).not.toHaveAttribute('open')
    await expect(mainNav(page)).toBeHidden()
    await expect(toggle).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', {name: 'Search', exact: true})).toBeFocused()

    // Space toggles it too, as on any button.
    await toggle.focus()
    await page.keyboard.press('Space')
    await expect(mainNav(page)).toBeVisible()
  })

  test('the open menu is still usable: its link opens the page', async ({page}) => {
    await page.goto('/')
    await menuToggle(page).click()
    await mainNav(page).getByRole('link', {name: 'Meet the team'}).click()
    await expect(page).toHaveURL(/\/about-us\/meet-the-team\/$/)
    await expect(mainNav(page)).toBeHidden()
  })
})

test.describe('on a wide screen, without JavaScript', () => {
  test.use({javaScriptEnabled: false, viewport: {width: 1280, height: 800}})

  test('the menu is always shown, with no Menu control', async ({page}) => {
    await page.goto('/about-us/')
    await expect(menuToggle(page)).toBeHidden()
    const nav = page.getByRole('navigation', {name: 'Main'})
    await expect(nav).toBeVisible()
    const topLinks = nav.locator('.nav > li > a')
    expect(await topLinks.count()).toBeGreaterThanOrEqual(4)
    for (const link of await topLinks.all()) await expect(link).toBeVisible()
    await expect(nav.getByRole('link', {name: 'About us', exact: true})).toHaveAttribute('aria-current', 'page')

    // Tab goes from the site's name straight to the first menu link.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect(page.locator('.site-header__name')).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(topLinks.first()).toBeFocused()
    // Its submenu still opens on focus.
    await expect(nav.locator('.nav__item').first().locator('.nav__sub')).toBeVisible()
  })
})
