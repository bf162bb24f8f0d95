// `pnpm lighthouse`: Lighthouse scores for the key pages of the built site (web/dist; run
// `pnpm build` first), in Debian's Chromium, served as a static host would serve them.
import path from 'node:path'
import {launch} from 'chrome-launcher'
import lighthouse from 'lighthouse'
import {repoRoot} from './repo.ts'
import {serveSite} from './serveSite.ts'

const PAGES = ['/', '/about-us/faqs/', '/about-us/meet-the-team/', '/what-we-do/research-and-policy/']
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

const site = await serveSite(path.join(repoRoot, 'web/dist'), 0)
const chrome = await launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
const rows: Array<Record<string, string | number>> = []
const below: string[] = []
try {
  for (const page of PAGES) {
    const result = await lighthouse(new URL(page, site.url).href, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      // Mobile emulation with simulated slow 4G: Lighthouse's default, and how many visitors arrive.
    })
    if (!result) throw new Error(`Lighthouse returned nothing for ${page}`)
    const row: Record<string, string | number> = {page}
    for (const category of CATEGORIES) {
      const score = Math.round((result.lhr.categories[category]?.score ?? 0) * 100)
      row[category] = score
      if (score < 100) {
        const failing = Object.values(result.lhr.audits)
          .filter(
            (audit) =>
              audit.score !== null &&
              audit.score < 1 &&
              result.lhr.categories[category]?.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0),
          )
          .map((audit) => `${audit.id} (${audit.displayValue ?? audit.score})`)
        below.push(`${page} ${category} ${score}: ${failing.join(', ')}`)
      }
    }
    rows.push(row)
  }
} finally {
  chrome.kill()
  site.close()
}
console.table(rows)
if (below.length) console.log(`Below 100, and the audits that cost points:\n  ${below.join('\n  ')}`)
