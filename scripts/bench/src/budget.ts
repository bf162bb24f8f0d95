// Performance budgets: what each built page costs a visitor, gzipped — its HTML, the CSS it
// links and the JavaScript it loads — and whether the site stays within the budgets.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {projectEnv, startLake} from '@itss/lake'
import {demoDatasetDir} from '@itss/lake/local'
import {webDir} from '@itss/dev'
import {htmlFiles, runAstroBuild, type BuildRun} from './build.ts'
import {bytes, table} from './format.ts'

/** The only page allowed to load JavaScript: it enhances a plain form with Pagefind. */
export const JS_PAGES = new Set(['/search'])
export const BUDGETS = {
  /** Bytes of JavaScript on every other page. */
  contentPageJs: 0,
  /** Gzipped bytes of all CSS a page loads. */
  cssPerPage: 10_000,
  /** Gzipped bytes of HTML at the 95th percentile of pages. */
  htmlP95: 7_000,
  /** Gzipped bytes of HTML of any one page: long lists are cut into pages to stay within it. */
  htmlPage: 7_000,
}

export interface PageCost {
  /** Site path: `/`, `/about-us/faqs`. */
  path: string
  html: number
  css: number
  /** JavaScript loaded with the page: scripts, module scripts and their static imports. */
  js: number
  /** JavaScript a script imports later with a literal `import('…')`, e.g. on the first search. */
  lazyJs: number
  /** Resources the page loads that are not in the build (other hosts, missing files). */
  unresolved: Array<{url: string; kind: Kind}>
}

type Kind = 'css' | 'js' | 'lazyJs'

export interface BudgetResult {
  name: string
  pass: boolean
  detail: string
}

/** Builds the site from the demo dataset, through a fresh lake, into `<workDir>/site`. */
export async function buildDemoSite(workDir: string): Promise<{outDir: string; build: BuildRun}> {
  const lake = await startLake({
    dataDir: path.join(workDir, 'demo-lake'),
    seedDir: demoDatasetDir,
    httpPort: 0,
    httpsPort: false,
    log: () => undefined,
  })
  try {
    const outDir = path.join(workDir, 'site')
    const build = await runAstroBuild({root: webDir, outDir, cwd: workDir, env: projectEnv(lake)})
    if (build.code !== 0) throw new Error(`The site did not build:\n${build.tail.join('\n')}`)
    return {outDir, build}
  } finally {
    await lake.close()
  }
}

const plural = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`
const gzipSize = (data: Buffer | string) => gzipSync(data).length

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g
function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>()
  const inner = tag.replace(/^<\w+/, '').replace(/\/?>$/, '')
  for (const match of inner.matchAll(ATTRIBUTE)) {
    found.set((match[1] ?? '').toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '')
  }
  return found
}

// Types a browser runs as script; anything else (application/ld+json, importmap…) is data.
const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript'])
// Static `import … from '…'`, `import '…'` and `export … from '…'`; not `import(…)`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^'"`;()]*?\bfrom\s*)?(['"`])([^'"`\n]+)\1/g
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g
const CSS_IMPORT = /@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)/g

/**
 * Measures every HTML page of a build. Sizes are gzip at the default level, each file
 * compressed on its own, as a static host would serve it; a file counts once per page.
 */
export async function measureBuild(outDir: string): Promise<PageCost[]> {
  const root = path.resolve(outDir)
  const sizes = new Map<string, Promise<{gz: number; text: string} | null>>()
  const fileOf = (url: string, base: string): string | null => {
    // Only what the build itself serves can be measured; other hosts are reported.
    if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) || /^[a-z][a-z0-9+.-]*:/i.test(url)) return null
    const resolved = new URL(url, `http://site${base}`)
    const file = path.join(root, decodeURIComponent(resolved.pathname))
    return file.startsWith(root + path.sep) ? file : null
  }
  const load = (file: string) => {
    let entry = sizes.get(file)
    if (!entry) {
      entry = readFile(file).then(
        (data) => ({gz: gzipSize(data), text: data.toString('utf8')}),
        () => null,
      )
      sizes.set(file, entry)
    }
    return entry
  }

  const pages: PageCost[] = []
  for (const relative of await htmlFiles(root)) {
    // Pagefind's own UI files are not pages of the site.
    if (relative.startsWith(`pagefind${path.sep}`)) continue
    const html = await readFile(path.join(root, relative), 'utf8')
    // A page's name in the report: `about-us/faqs/index.html` (directory output) and
    // `about-us/faqs.html` (file output) are both `/about-us/faqs`, `index.html` is `/`.
    const sitePath = `/${relative.split(path.sep).join('/')}`.replace(/\/index\.html$/, '').replace(/\.html$/, '')
    const page: PageCost = {path: sitePath || '/', html: gzipSize(html), css: 0, js: 0, lazyJs: 0, unresolved: []}
    const base = `/${relative.split(path.sep).join('/')}`
    const seen = new Set<string>()

    // Follows a stylesheet or script file and what it imports, counting each file once.
    const follow = async (url: string, from: string, kind: Kind): Promise<void> => {
      const file = fileOf(url, from)
      if (!file) return void page.unresolved.push({url, kind})
      if (seen.has(file)) return
      seen.add(file)
      const loaded = await load(file)
      if (!loaded) return void page.unresolved.push({url, kind})
      page[kind] += loaded.gz
      await followImports(loaded.text, `/${path.relative(root, file).split(path.sep).join('/')}`, kind)
    }
    const followImports = async (code: string, from: string, kind: Kind) => {
      if (kind === 'css') {
        for (const match of code.matchAll(CSS_IMPORT)) await follow(match[1] ?? '', from, 'css')
        return
      }
      for (const match of code.matchAll(STATIC_IMPORT)) await follow(match[2] ?? '', from, kind)
      for (const match of code.matchAll(DYNAMIC_IMPORT)) {
        // Template literals with ${…} are not literal addresses.
        if (!match[2]?.includes('${')) await follow(match[2] ?? '', from, 'lazyJs')
      }
    }

    for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
      const attrs = attributes(match[0])
      const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/)
      const href = attrs.get('href')
      if (!href) continue
      if (rel.includes('stylesheet')) await follow(href, base, 'css')
      else if (rel.includes('modulepreload') || (rel.includes('preload') && attrs.get('as') === 'script'))
        await follow(href, base, 'js')
    }
    for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
      page.css += gzipSize(match[1] ?? '')
      await followImports(match[1] ?? '', base, 'css')
    }
    for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const attrs = attributes(`<script ${match[1] ?? ''}>`)
      if (!SCRIPT_TYPES.has((attrs.get('type') ?? '').toLowerCase().trim())) continue
      const src = attrs.get('src')
      if (src) await follow(src, base, 'js')
      const body = match[2] ?? ''
      if (body.trim()) {
        page.js += gzipSize(body)
        await followImports(body, base, 'js')
      }
    }
    pages.push(page)
  }
  return pages.sort((a, b) => a.path.localeCompare(b.path))
}

/** The value at percentile `p` (0–100) by the nearest-rank method. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

export function checkBudgets(pages: PageCost[]): BudgetResult[] {
  const content = pages.filter((page) => !JS_PAGES.has(page.path))
  // A script the build does not hold (another host) is JavaScript too, even unmeasured.
  const withJs = content.filter(
    (page) =>
      page.js + page.lazyJs > BUDGETS.contentPageJs || page.unresolved.some((resource) => resource.kind !== 'css'),
  )
  const jsPages = pages.filter((page) => JS_PAGES.has(page.path))
  const jsNote = jsPages.map((page) => `${page.path} loads ${bytes(page.js)}, ${bytes(page.lazyJs)} more on use`)
  const p95 = percentile(
    pages.map((page) => page.html),
    95,
  )
  return [
    {
      name: 'JavaScript on content pages',
      pass: withJs.length === 0 && content.length > 0,
      detail:
        withJs.length === 0
          ? `0 B on all ${content.length} content pages (budget ${BUDGETS.contentPageJs} B)${jsNote.length ? `; ${jsNote.join('; ')}` : ''}`
          : `${plural(withJs.length, 'content page')} load JavaScript: ${withJs
              .slice(0, 5)
              .map(
                (page) =>
                  `${page.path} ${bytes(page.js + page.lazyJs)}${page.unresolved.length ? ' and unmeasured files' : ''}`,
              )
              .join(', ')}`,
    },
    perPageBudget('CSS per page', pages, 'css', BUDGETS.cssPerPage),
    {
      name: 'HTML at the 95th percentile',
      pass: p95 <= BUDGETS.htmlP95 && pages.length > 0,
      detail: `p95 ${bytes(p95)} ${p95 <= BUDGETS.htmlP95 ? '≤' : '>'} ${bytes(BUDGETS.htmlP95)} over ${plural(pages.length, 'page')}`,
    },
    perPageBudget('HTML of every page', pages, 'html', BUDGETS.htmlPage),
  ]
}

/** A budget every page must keep: it names the largest page, or the first five over. */
function perPageBudget(name: string, pages: PageCost[], measure: 'css' | 'html', limit: number): BudgetResult {
  const over = pages.filter((page) => page[measure] > limit)
  const largest = pages.reduce<PageCost | undefined>(
    (max, page) => (!max || page[measure] > max[measure] ? page : max),
    undefined,
  )
  return {
    name,
    pass: over.length === 0 && pages.length > 0,
    detail:
      over.length === 0
        ? `largest ${bytes(largest?.[measure] ?? 0)} (${largest?.path ?? '-'}) ≤ ${bytes(limit)}`
        : `${plural(over.length, 'page')} over ${bytes(limit)}: ${over
            .slice(0, 5)
            .map((page) => `${page.path} ${bytes(page[measure])}`)
            .join(', ')}`,
  }
}

/** The per-page table, the totals and one PASS/FAIL line per budget. */
export function budgetReport(pages: PageCost[], results: BudgetResult[], maxRows = 40): string {
  // A big build gets its heaviest pages (by HTML) rather than thousands of rows.
  const cut = pages.length > maxRows
  const shown = cut ? [...pages].sort((a, b) => b.html - a.html).slice(0, maxRows) : pages
  const rows = shown.map((page) => [
    page.path,
    bytes(page.html),
    bytes(page.css),
    bytes(page.js),
    page.lazyJs ? bytes(page.lazyJs) : '-',
    page.unresolved.map((resource) => resource.url).join(' '),
  ])
  const sum = (pick: (page: PageCost) => number) => pages.reduce((n, page) => n + pick(page), 0)
  const html = pages.map((page) => page.html)
  const lines = [
    table(['page', 'HTML gz', 'CSS gz', 'JS gz', 'JS on use', 'not measured'], rows, [false, true, true, true, true]),
  ]
  if (cut) lines.push(`… and ${pages.length - maxRows} more pages; the ${maxRows} with the largest HTML are shown`)
  lines.push(
    '',
    `Totals over ${plural(pages.length, 'page')}: HTML ${bytes(sum((p) => p.html))}, CSS ${bytes(sum((p) => p.css))}, ` +
      `JS ${bytes(sum((p) => p.js))} (+${bytes(sum((p) => p.lazyJs))} on use); ` +
      `median HTML ${bytes(percentile(html, 50))}, p95 HTML ${bytes(percentile(html, 95))}`,
    '',
    ...results.map((result) => `${result.pass ? 'PASS' : 'FAIL'}  ${result.name}: ${result.detail}`),
  )
  return lines.join('\n')
}
