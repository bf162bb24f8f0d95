import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {expect, test, type Page} from '@playwright/test'
import {RESERVED_PUBLICATION_SLUGS} from '@itss/schemas/rules'
import {runNu} from '../../src/nuChecker.ts'
import {removeDir, tempDir} from '../../src/site.ts'
import {axeViolations, brokenLinks, htmlProblems, sitemapPaths} from '../pageChecks.ts'

/*
 * The site as a mature institute's content makes it (see server.ts): lists that run to many
 * pages, every filter, topic pages with every kind of item, cancelled and past events. A few
 * pages of each kind (each list, filter and topic page, each item page) pass axe, the HTML
 * validator and the link check; and a visitor without JavaScript pages through the lists.
 */

/** What kind of page a path is: `/publications/kind/evaluation/page/2/` is `publications/*\/*\/*\/N`. */
const templateOf = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((segment, i) => (i === 0 ? segment : /^\d+$/.test(segment) ? 'N' : '*'))
    .join('/')

/** Up to `each` pages of every kind, in sitemap order. */
function sample(paths: string[], each = 3): string[] {
  const seen = new Map<string, number>()
  return paths.filter((path) => {
    const key = templateOf(path)
    seen.set(key, (seen.get(key) ?? 0) + 1)
    return (seen.get(key) ?? 0) <= each
  })
}

test.describe('every kind of page', () => {
  test('has no accessibility violations (axe, WCAG 2.2 AA and best practice)', async ({page, request}) => {
    test.setTimeout(240_000)
    expect(await axeViolations(page, sample(await sitemapPaths(request)))).toEqual([])
  })

  test('is valid HTML (html-validate)', async ({request}) => {
    expect(await htmlProblems(request, sample(await sitemapPaths(request)))).toEqual([])
  })

  test('passes the W3C Nu HTML checker with no errors', async ({request}) => {
    test.setTimeout(120_000)
    const dir = await tempDir('scale-nu')
    try {
      const files = await Promise.all(
        sample(await sitemapPaths(request)).map(async (address, i) => {
          const file = path.join(dir, String(i), 'index.html')
          await mkdir(path.dirname(file), {recursive: true})
          await writeFile(file, await (await request.get(address)).text())
          return [file, address] as const
        }),
      )
      const addressOf = new Map<string, string>(files)
      const result = await runNu(files.map(([file]) => file))
      if ('problem' in result) throw new Error(result.problem)
      const errors = result.messages.map(
        (m) => `${addressOf.get(m.url ? fileURLToPath(m.url) : '') ?? m.url ?? '?'}:${m.firstLine ?? 0} ${m.message}`,
      )
      expect(errors).toEqual([])
    } finally {
      await removeDir(dir)
    }
  })

  test('links only to pages, files and anchors that exist', async ({page, request}) => {
    test.setTimeout(240_000)
    const {broken, checked} = await brokenLinks(page, request, sample(await sitemapPaths(request)))
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(100)
  })
})

const PUBLICATION_LINKS = 'main .publication-list__title a'

/** The items a list shows, page by page, following its "Older" link as a visitor would. */
async function walk(page: Page, start: string, items: string, pages: string): Promise<string[]> {
  const seen: string[] = []
  await page.goto(start)
  for (;;) {
    seen.push(...(await page.locator(items).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))))
    const older = page.locator(`nav[aria-label="${pages}"] a[rel="next"]`)
    if ((await older.count()) === 0) return seen
    // The click returns once the next page starts loading; read it only when it has loaded,
    // or a page parsed halfway shows some of its items and no "Older" link yet.
    const next = new URL((await older.getAttribute('href')) ?? '', page.url()).href
    await older.click()
    await page.waitForURL(next, {waitUntil: 'load'})
  }
}

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false})

  test('a visitor pages through every publication, newest first, each once', async ({page, request}) => {
    const reserved = new Set<string>(RESERVED_PUBLICATION_SLUGS)
    const published = (await sitemapPaths(request)).filter((path) => {
      const [section, slug, ...rest] = path.split('/').filter(Boolean)
      return section === 'publications' && slug !== undefined && !reserved.has(slug) && rest.length === 0
    })
    const seen = await walk(page, '/publications/', PUBLICATION_LINKS, 'Publications pages')
    expect(published.length).toBeGreaterThan(20)
    expect([...seen].sort()).toEqual([...published].sort())
  })

  test('a visitor filters publications by kind, topic and year with plain links, across pages', async ({page}) => {
    await page.goto('/publications/')
    const filters = page.locator('nav[aria-label="Filter publications"]')
    const all = await walk(page, '/publications/', PUBLICATION_LINKS, 'Publications pages')
    for (const facet of ['Kind', 'Topic', 'Year']) {
      await page.goto('/publications/')
      const link = filters.locator(`h3:text-is("${facet}") + ul a`).first()
      // “Evaluation (12)”: the filter's name, and how many publications it promises.
      const [, name = '', promised = ''] = /^(.*?)\s*\((\d+)\)$/.exec((await link.innerText()).trim()) ?? []
      await link.click()
      await expect(page.getByRole('heading', {level: 1})).toHaveText(`Publications: ${name}`)
      const shown = await walk(page, page.url(), PUBLICATION_LINKS, 'Publications pages')
      expect(Number(promised), `${facet}: ${name}`).toBeGreaterThan(0)
      expect(shown.length, `${facet}: ${name}`).toBe(Number(promised))
      // In the same order as the whole list: a filter only leaves items out.
      expect(all.filter((href) => shown.includes(href))).toEqual(shown)
    }
  })

  test('a visitor pages through the news', async ({page, request}) => {
    const articles = (await sitemapPaths(request)).filter((path) => /^\/news\/(?!page\/)[^/]+\/$/.test(path))
    const seen = await walk(page, '/news/', 'main .news-list__title a', 'News pages')
    expect(articles.length).toBeGreaterThan(20)
    expect([...seen].sort()).toEqual([...articles].sort())
  })
})
