// The budgets per group of pages (every listing page above all) and the sizes of the feeds
// and calendars, for the scale benchmark: a site can pass on the whole while one kind of page,
// such as a topic page listing hundreds of items, is far too heavy.
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {BUDGETS, percentile, type BudgetResult, type PageCost} from './budget.ts'
import {bytes, count, table} from './format.ts'

interface Group {
  name: string
  /** A page that lists other content: the budgets matter most here, since lists grow with the content. */
  listing: boolean
  test: (sitePath: string) => boolean
}

/** In order: a page belongs to the first group whose test it passes. Paths as measureBuild names them. */
export const PAGE_GROUPS: Group[] = [
  {name: 'home page', listing: true, test: (p) => p === '/'},
  {name: 'publications list', listing: true, test: (p) => /^\/publications(\/page\/\d+)?$/.test(p)},
  {name: 'publication filters', listing: true, test: (p) => /^\/publications\/(kind|topic|year|author)\//.test(p)},
  {name: 'publication pages', listing: false, test: (p) => p.startsWith('/publications/')},
  {name: 'news list', listing: true, test: (p) => /^\/news(\/page\/\d+)?$/.test(p)},
  {name: 'news articles', listing: false, test: (p) => p.startsWith('/news/')},
  {name: 'events page', listing: true, test: (p) => p === '/events'},
  {name: 'past events list', listing: true, test: (p) => /^\/events\/past(\/page\/\d+)?$/.test(p)},
  {name: 'upcoming events list', listing: true, test: (p) => /^\/events\/upcoming(\/page\/\d+)?$/.test(p)},
  {name: 'event pages', listing: false, test: (p) => p.startsWith('/events/')},
  {name: 'topics list', listing: true, test: (p) => p === '/topics'},
  {name: 'topic pages', listing: true, test: (p) => p.startsWith('/topics/')},
  {name: 'search', listing: false, test: (p) => p === '/search'},
  {name: 'pages A to Z', listing: true, test: (p) => /^\/search\/a-z(\/page\/\d+)?$/.test(p)},
  {name: 'content pages', listing: false, test: () => true},
]

export interface GroupCost {
  name: string
  listing: boolean
  pages: number
  htmlP50: number
  htmlP95: number
  largest: {path: string; html: number}
  js: number
}

export function groupCosts(pages: PageCost[]): GroupCost[] {
  // Each page's group found once (the first that matches), then the groups in PAGE_GROUPS order.
  const byGroup = new Map<Group, PageCost[]>()
  for (const page of pages) {
    const group = PAGE_GROUPS.find((candidate) => candidate.test(page.path))
    if (!group) continue
    const members = byGroup.get(group) ?? []
    members.push(page)
    byGroup.set(group, members)
  }
  return PAGE_GROUPS.flatMap((group) => {
    const members = byGroup.get(group) ?? []
    if (members.length === 0) return []
    const html = members.map((page) => page.html)
    const largest = members.reduce((max, page) => (page.html > max.html ? page : max))
    return [
      {
        name: group.name,
        listing: group.listing,
        pages: members.length,
        htmlP50: percentile(html, 50),
        htmlP95: percentile(html, 95),
        largest: {path: largest.path, html: largest.html},
        js: members.reduce((n, page) => n + page.js + page.lazyJs, 0),
      },
    ]
  })
}

/** The HTML budget in every group: its 95th percentile within BUDGETS.htmlP95. */
const withinBudget = (group: GroupCost) => group.htmlP95 <= BUDGETS.htmlP95

export function checkGroupBudgets(groups: GroupCost[]): BudgetResult[] {
  return groups.map((group) => ({
    name: `HTML p95 of ${group.name}`,
    pass: withinBudget(group),
    detail: `${bytes(group.htmlP95)} ${withinBudget(group) ? '≤' : '>'} ${bytes(BUDGETS.htmlP95)} over ${count(group.pages)} page${group.pages === 1 ? '' : 's'}`,
  }))
}

export function groupTable(groups: GroupCost[]): string {
  return table(
    ['page group', 'pages', 'HTML p50', 'HTML p95', 'largest page', 'JS', 'p95 budget'],
    groups.map((group) => [
      `${group.name}${group.listing ? ' *' : ''}`,
      count(group.pages),
      bytes(group.htmlP50),
      bytes(group.htmlP95),
      `${bytes(group.largest.html)} ${group.largest.path}`,
      bytes(group.js),
      withinBudget(group) ? 'PASS' : 'FAIL',
    ]),
    [false, true, true, true, false, true, false],
  )
}

export interface FeedSize {
  /** A file, or a kind of file of which there are several (`/events/<slug>/event.ics`). */
  name: string
  files: number
  /** The largest file's size, and gzipped. */
  raw: number
  gz: number
  /** How many items the largest file holds (RSS items or calendar events). */
  items: number
}

/** The feeds, calendars and sitemap of a build: what a feed reader or calendar downloads. */
export async function feedSizes(outDir: string): Promise<FeedSize[]> {
  const entries = await readdir(outDir, {recursive: true, withFileTypes: true})
  const files = entries
    .filter((entry) => entry.isFile() && /\.(xml|ics)$/.test(entry.name))
    .map((entry) => `/${path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`)
  // Each event's own calendar file is one row; the others are one file each.
  const nameOf = (file: string) => (/^\/events\/[^/]+\/event\.ics$/.test(file) ? '/events/<slug>/event.ics' : file)
  const sizes = new Map<string, FeedSize>()
  for (const file of files.sort()) {
    const data = await readFile(path.join(outDir, file))
    const text = data.toString('utf8')
    const items = (text.match(/<item>|<url>|BEGIN:VEVENT/g) ?? []).length
    const size = {name: nameOf(file), files: 1, raw: data.length, gz: gzipSync(data).length, items}
    const known = sizes.get(size.name)
    if (!known) sizes.set(size.name, size)
    else sizes.set(size.name, {...(size.raw > known.raw ? size : known), files: known.files + 1})
  }
  return [...sizes.values()]
}

export function feedTable(feeds: FeedSize[]): string {
  return table(
    ['feed or calendar', 'files', 'items (largest)', 'size (largest)', 'gzipped'],
    feeds.map((feed) => [feed.name, count(feed.files), count(feed.items), bytes(feed.raw), bytes(feed.gz)]),
    [false, true, true, true, true],
  )
}
