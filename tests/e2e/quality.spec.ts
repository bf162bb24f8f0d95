import {expect, test} from '@playwright/test'
import {axeViolations, brokenLinks, htmlProblems, sitemapPaths} from './pageChecks.ts'

/*
 * Every page in the sitemap, and the 404 page, checked as the visitors' issue asks: no axe
 * violations at WCAG 2.2 AA plus best practice, valid HTML, and no broken link or anchor.
 */

const NOT_FOUND_PATH = '/this-page-does-not-exist'

test('the sitemap lists every page in the navigation', async ({page, request}) => {
  const paths = await sitemapPaths(request)
  expect(paths.length).toBeGreaterThanOrEqual(12)
  await page.goto('/')
  const navPaths = await page
    .locator('nav[aria-label="Main"] a')
    .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))
  for (const path of navPaths) expect(paths).toContain(path)
})

test('each page names the address it is served at as canonical, with no redirect', async ({request}) => {
  const problems: string[] = []
  for (const path of await sitemapPaths(request)) {
    const response = await request.get(path, {maxRedirects: 0})
    const html = await response.text()
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]
    const ogUrl = /<meta property="og:url" content="([^"]+)"/.exec(html)?.[1]
    if (response.status() !== 200) problems.push(`${path}: ${response.status()}`)
    else if (!canonical || new URL(canonical).pathname !== path) problems.push(`${path}: canonical ${canonical}`)
    else if (ogUrl !== canonical) problems.push(`${path}: og:url ${ogUrl}`)
  }
  expect(problems).toEqual([])
})

test('robots.txt points at the sitemap', async ({request}) => {
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/m)
})

test.describe('every page', () => {
  test('has no accessibility violations (axe, WCAG 2.2 AA and best practice)', async ({page, request}) => {
    test.setTimeout(120_000)
    expect(await axeViolations(page, [...(await sitemapPaths(request)), NOT_FOUND_PATH])).toEqual([])
  })

  test('is valid HTML (html-validate)', async ({request}) => {
    expect(await htmlProblems(request, [...(await sitemapPaths(request)), NOT_FOUND_PATH])).toEqual([])
  })

  test('links only to pages, files and anchors that exist', async ({page, request}) => {
    test.setTimeout(120_000)
    const {broken, checked} = await brokenLinks(page, request, await sitemapPaths(request))
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(10)
  })
})

test('a keyboard user can skip to the content, use the menu and open an FAQ', async ({page}) => {
  await page.goto('/')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', {name: 'Skip to main content'})
  await expect(skip).toBeFocused()
  await expect(skip).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()

  // The submenu opens when its entry has focus, and its links are reachable with Tab.
  await page.goto('/')
  const about = page.locator('nav[aria-label="Main"] a', {hasText: 'About us'})
  await about.focus()
  const submenuLink = page.locator('nav[aria-label="Main"] .nav__sub a').first()
  await expect(submenuLink).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(submenuLink).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/about-us\/.+/)

  await page.goto('/about-us/faqs/')
  // The first FAQ, not the header's Menu disclosure (also a <details>).
  const firstFaq = page.locator('details.faq').first()
  await firstFaq.locator('summary').focus()
  await page.keyboard.press('Enter')
  await expect(firstFaq).toHaveAttribute('open', '')
  await page.keyboard.press('Enter')
  await expect(firstFaq).not.toHaveAttribute('open', '')
})

test('pages carry the security policy and structured data', async ({page}) => {
  await page.goto('/about-us/faqs/')
  const csp = await page.locator('meta[http-equiv="content-security-policy" i]').getAttribute('content')
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('unsafe-inline')
  const data = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent) as {'@type': string}))
  expect(data.map((d) => d['@type'])).toEqual(expect.arrayContaining(['BreadcrumbList', 'FAQPage']))
  await page.goto('/')
  const home = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent) as {'@type': string}))
  expect(home.map((d) => d['@type'])).toEqual(expect.arrayContaining(['ResearchOrganization', 'WebSite']))
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    'content',
    /^https?:\/\/.+\.(jpe?g|png|webp)$/,
  )
})
