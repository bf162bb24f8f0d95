import {expect, test, type Page} from '@playwright/test'

/** Fails the test on any console error or failed request the visitor's browser sees. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('requestfailed', (request) => {
    // A request the browser cancels itself (leaving the page before the icon loads) is not an error.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()}`)
  })
  return errors
}

test('every page in the main navigation opens, with its heading, breadcrumbs and no errors', async ({page}) => {
  const errors = watchForErrors(page)
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB')
  await expect(page.getByRole('heading', {level: 1})).toBeVisible()

  const nav = page.getByRole('navigation', {name: 'Main'})
  // Every link, submenus included (they stay hidden until hovered or focused).
  const links = await nav
    .locator('a')
    .evaluateAll((anchors) => anchors.map((a) => ({href: a.getAttribute('href') ?? '', label: a.textContent.trim()})))
  expect(links.length).toBeGreaterThanOrEqual(8)

  for (const {href, label} of links) {
    const response = await page.goto(href)
    expect(response?.status(), `${label} (${href})`).toBe(200)
    await expect(page.getByRole('heading', {level: 1}), `${label} has a heading`).toBeVisible()
    // Inner pages show where they are: Home » … » this page.
    const crumbs = page.getByRole('navigation', {name: 'Breadcrumb'})
    await expect(crumbs.getByRole('link', {name: 'Home'})).toBeVisible()
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText(label)
  }
  expect(errors).toEqual([])
})

test('News, Publications and Events are in the main menu, each marked current on its own list', async ({page}) => {
  const nav = page.getByRole('navigation', {name: 'Main'})
  for (const [label, path] of [
    ['News', '/news/'],
    ['Publications', '/publications/'],
    ['Events', '/events/'],
  ] as const) {
    await page.goto('/')
    await nav.getByRole('link', {name: label, exact: true}).click()
    await expect(page).toHaveURL(new RegExp(`${path}$`))
    await expect(page.getByRole('heading', {level: 1})).toHaveText(label)
    await expect(nav.getByRole('link', {name: label, exact: true})).toHaveAttribute('aria-current', 'page')
  }
})

test('the footer links open too', async ({page}) => {
  const errors = watchForErrors(page)
  await page.goto('/')
  const footer = page.getByRole('navigation', {name: 'Footer'})
  const hrefs = await footer
    .getByRole('link')
    .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))
  expect(hrefs.length).toBeGreaterThan(0)
  for (const href of hrefs) {
    expect((await page.goto(href))?.status(), href).toBe(200)
    await expect(page.getByRole('heading', {level: 1})).toBeVisible()
  }
  expect(errors).toEqual([])
})

test('a page address without its trailing slash redirects once, as a static host does', async ({request}) => {
  const response = await request.get('/about-us/faqs?from=old-link', {maxRedirects: 0})
  expect(response.status()).toBe(301)
  expect(response.headers()['location']).toBe('/about-us/faqs/?from=old-link')
  expect((await request.get('/about-us/faqs')).url()).toMatch(/\/about-us\/faqs\/$/)
})

test('an unknown address gets the 404 page', async ({page}) => {
  const response = await page.goto('/no-such-page-here')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', {level: 1})).toHaveText('Page not found')
  await expect(page.getByRole('link', {name: 'Go to the home page'})).toHaveAttribute('href', '/')
})

test('content pages ship no JavaScript', async ({page}) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url())
  })
  for (const path of ['/', '/about-us/', '/about-us/meet-the-team/', '/what-we-do/research-and-policy/']) {
    await page.goto(path)
  }
  expect(scripts).toEqual([])
})

test('FAQ answers open and close from the keyboard', async ({page}) => {
  await page.goto('/about-us/faqs/')
  const question = page.getByText('How is the Institute funded?')
  const faq = page.locator('details', {has: question})
  await expect(faq).not.toHaveAttribute('open', '')
  await faq.locator('summary').focus()
  await page.keyboard.press('Enter')
  await expect(faq).toHaveAttribute('open', '')
  await expect(faq.getByText('Research England')).toBeVisible()
})
