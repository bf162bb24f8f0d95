// The performance budgets `pnpm bench budget` reports, enforced on one build of the demo site;
// and the measuring itself, on a small hand-made build.
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {makeWorkDir, removeDir} from '@itss/bench'
import {BUDGETS, buildDemoSite, checkBudgets, measureBuild, percentile, type PageCost} from '@itss/bench'

describe('performance budgets of the demo site', () => {
  let workDir = ''
  let pages: PageCost[] = []
  const budget = (name: string) => checkBudgets(pages).find((result) => result.name === name)

  beforeAll(async () => {
    workDir = await makeWorkDir('budget-test')
    const {outDir} = await buildDemoSite(workDir)
    pages = await measureBuild(outDir)
  })
  afterAll(() => removeDir(workDir))

  test('every page is measured, and the search page’s script is seen', () => {
    expect(pages.map((page) => page.path)).toEqual(expect.arrayContaining(['/', '/404', '/about-us/faqs', '/search']))
    // Guards against a measurer that silently finds nothing.
    expect(pages.find((page) => page.path === '/search')?.js).toBeGreaterThan(0)
    expect(pages.every((page) => page.css > 0 && page.unresolved.length === 0)).toBe(true)
  })

  test('content pages load no JavaScript; only /search does', () => {
    const withJs = pages.filter((page) => page.path !== '/search' && page.js + page.lazyJs > 0)
    expect(withJs.map((page) => page.path)).toEqual([])
    expect(budget('JavaScript on content pages')?.pass).toBe(true)
  })

  test(`each page loads at most ${BUDGETS.cssPerPage} B of CSS, gzipped`, () => {
    const over = pages.filter((page) => page.css > BUDGETS.cssPerPage)
    expect(over.map((page) => `${page.path} ${page.css} B`)).toEqual([])
    expect(budget('CSS per page')?.pass).toBe(true)
  })

  test(`HTML is at most ${BUDGETS.htmlP95} B gzipped at the 95th percentile`, () => {
    const p95 = percentile(
      pages.map((page) => page.html),
      95,
    )
    expect(p95).toBeLessThanOrEqual(BUDGETS.htmlP95)
    expect(budget('HTML at the 95th percentile')?.pass).toBe(true)
  })

  test(`no page has more than ${BUDGETS.htmlPage} B of HTML gzipped`, () => {
    const over = pages.filter((page) => page.html > BUDGETS.htmlPage)
    expect(over.map((page) => `${page.path} ${page.html} B`)).toEqual([])
    expect(budget('HTML of every page')?.pass).toBe(true)
    // One page over is a failure, however small the rest.
    const swollen = pages.map((page, i) => (i === 0 ? {...page, html: BUDGETS.htmlPage + 1} : page))
    expect(checkBudgets(swollen).find((result) => result.name === 'HTML of every page')?.pass).toBe(false)
  })
})

describe('measuring a build', () => {
  let dir = ''
  let pages: PageCost[] = []
  const page = (sitePath: string) => pages.find((p) => p.path === sitePath)

  beforeAll(async () => {
    dir = await makeWorkDir('budget-fixture')
    const files: Record<string, string> = {
      'index.html':
        '<html><head><link rel="stylesheet" href="/a.css"><script type="application/ld+json">{"@type":"Thing"}</script></head><body>Home</body></html>',
      'docs/page.html':
        '<html><head><link rel=stylesheet href="../a.css"><style>p{color:red}</style></head>' +
        '<body><script type="module" src="/app.js"></script><script>console.log(1)</script></body></html>',
      'elsewhere.html': '<html><body><script src="https://cdn.example/app.js"></script></body></html>',
      'a.css': '@import "b.css"; body{margin:0}',
      'b.css': 'p{padding:0}',
      'app.js': 'import {x} from "./lib.js"; export * from "./lib.js"; const lazy = () => import("/lazy.js"); x(lazy)',
      'lib.js': 'export const x = (f) => f',
      'lazy.js': 'export default 1',
    }
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), {recursive: true})
      await writeFile(path.join(dir, name), text)
    }
    pages = await measureBuild(dir)
  })
  afterAll(() => removeDir(dir))

  test('JSON-LD is data, not JavaScript; linked and imported CSS count', () => {
    expect(page('/')?.js).toBe(0)
    expect(page('/')?.css).toBeGreaterThan(0)
  })

  test('script files, their static imports and inline scripts count; dynamic imports count apart', () => {
    const docs = page('/docs/page')
    expect(docs?.js).toBeGreaterThan(page('/')?.js ?? 0)
    expect(docs?.lazyJs).toBeGreaterThan(0)
    // a.css and b.css through @import, plus the inline style: more than the home page's two files.
    expect(docs?.css).toBeGreaterThan(page('/')?.css ?? 0)
    expect(docs?.unresolved).toEqual([])
  })

  test('a content page with JavaScript fails its budget, even a script from another host', () => {
    const jsBudget = (measured: PageCost[]) =>
      checkBudgets(measured).find((result) => result.name === 'JavaScript on content pages')?.pass
    expect(jsBudget(pages)).toBe(false)
    const elsewhere = pages.filter((p) => p.path === '/elsewhere')
    expect(elsewhere[0]?.unresolved).toEqual([{url: 'https://cdn.example/app.js', kind: 'js'}])
    expect(jsBudget(elsewhere)).toBe(false)
    expect(jsBudget(pages.filter((p) => p.path === '/'))).toBe(true)
  })
})
