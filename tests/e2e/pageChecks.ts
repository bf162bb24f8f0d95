// The checks every built page must pass, shared by the demo site's quality tests and the
// site-at-scale tests: axe at WCAG 2.2 AA plus best practice, valid HTML, and links that
// reach a page, file or anchor that exists, at the address as linked.
import AxeBuilder from '@axe-core/playwright'
import type {APIRequestContext, Page} from '@playwright/test'
import {HtmlValidate} from 'html-validate'

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes boolean and void elements in its own consistent style; neither affects users.
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
  },
})

/** Every page the site's sitemap lists, as paths. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const xml = await (await request.get('/sitemap.xml')).text()
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '/').pathname)
}

/** Axe violations on each of `paths`, one line each. */
export async function axeViolations(page: Page, paths: string[]): Promise<string[]> {
  const failures: string[] = []
  for (const path of paths) {
    await page.goto(path)
    const {violations} = await new AxeBuilder({page}).withTags(AXE_TAGS).analyze()
    for (const violation of violations)
      failures.push(
        `${path}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      )
  }
  return failures
}

/** html-validate's messages on each of `paths`, one line each. */
export async function htmlProblems(request: APIRequestContext, paths: string[]): Promise<string[]> {
  const failures: string[] = []
  for (const path of paths) {
    const html = await (await request.get(path)).text()
    const report = await htmlValidate.validateString(html, path)
    for (const result of report.results)
      for (const message of result.messages)
        failures.push(`${path}:${message.line}:${message.column} ${message.ruleId} ${message.message}`)
  }
  return failures
}

/**
 * The links, images and stylesheets on `paths` that do not answer 200 at the address as
 * linked (a redirect is a hop too many) or name an anchor the target lacks; and how many
 * distinct addresses were checked.
 */
export async function brokenLinks(
  page: Page,
  request: APIRequestContext,
  paths: string[],
): Promise<{broken: string[]; checked: number}> {
  const broken: string[] = []
  const checked = new Map<string, boolean>()
  const idsByPath = new Map<string, Set<string>>()
  const idsOf = async (path: string) => {
    let ids = idsByPath.get(path)
    if (!ids) {
      await page.goto(path)
      ids = new Set(await page.locator('[id]').evaluateAll((elements) => elements.map((e) => e.id)))
      idsByPath.set(path, ids)
    }
    return ids
  }
  for (const path of paths) {
    await page.goto(path)
    const targets = await page
      .locator('a[href], img[src], link[href]')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''))
    for (const target of targets) {
      const url = new URL(target, `http://site${path}`)
      if (url.host !== 'site') continue // external links are not ours to check offline
      if (!checked.has(url.pathname))
        checked.set(url.pathname, (await request.get(url.pathname, {maxRedirects: 0})).status() === 200)
      if (!checked.get(url.pathname)) broken.push(`${path} → ${target}`)
      else if (url.hash && !(await idsOf(url.pathname)).has(decodeURIComponent(url.hash.slice(1))))
        broken.push(`${path} → ${target} (no such anchor)`)
    }
  }
  return {broken, checked: checked.size}
}
