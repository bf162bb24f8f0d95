import {readdir, readFile, rename} from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import {builtFiles, namesEveryPage, pruneOutput, SEEDED_OUTPUT_ENV, seedOutput} from '@itss/dev'
import {clientFor} from '@itss/lake/testing'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildSite, demoDocuments, projectEnv, removeDir, startDemoLake, tempDir} from './site.ts'

/*
 * Incremental builds (SITE_BUILD_CACHE): after edits, a build renders the pages that show what
 * changed, copies the others from the last build, and comes out the same, file for file, as a
 * build from nothing of the same content; the search index (rebuilt every time) finds the edit.
 */

type Doc = Record<string, unknown> & {_id: string; _type: string}

const demo = await demoDocuments<Doc>()
const demoDoc = (id: string): Doc => {
  const doc = demo.find((candidate) => candidate._id === id)
  if (!doc) throw new Error(`The demo dataset has no ${id}`)
  return structuredClone(doc)
}
const span = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: `${key}s0`, text, marks: []}],
})

/** Before the first build: a team member who also writes a publication (shown on two pages), and a page to delete. */
const authorship = {
  id: 'publication-talent-commission-report',
  authors: [{_type: 'reference', _key: 'au0', _ref: 'team-kelly-vere'}],
}
const doomed: Doc = {
  _id: 'page-old-notice',
  _type: 'page',
  title: 'Old notice',
  slug: {_type: 'slug', current: 'old-notice'},
  summary: 'A notice that is about to go.',
  body: [{_type: 'textSection', _key: 'k1', heading: 'Notice', body: [span('k2', 'This notice will be removed.')]}],
}

/** The edits: a page, a shared quote, a team member shown on two pages, a deleted page. */
const privacy = demoDoc('page-privacy')
const editedPage = {
  ...privacy,
  body: [
    {_type: 'textSection', _key: 'k1d90a43', heading: 'Cookies', body: [span('k1', 'Marmalade cookies only.')]},
    ...(privacy.body as unknown[]).slice(1),
  ],
}
const editedQuote = {...demoDoc('quote-andrew-noyes'), text: 'Incremental builds are a quiet joy.'}
const editedMember = {...demoDoc('team-kelly-vere'), role: 'Director of Everything'}
const navigation = demoDoc('navigation') as Doc & {main: Array<{link: {label: string}}>}
const editedNavigation = {
  ...navigation,
  main: navigation.main.map((item, i) =>
    i === 0 ? {...item, link: {...item.link, label: 'About the Institute'}} : item,
  ),
}

/** What every build renders: the routes without getStaticPaths (the home page, the lists' first pages, feeds, the sitemap). */
const ALWAYS_RENDERED = [
  '/404.html',
  '/events/index.html',
  '/events/upcoming.ics',
  '/index.html',
  '/news/index.html',
  '/news/rss.xml',
  '/publications/index.html',
  '/publications/rss.xml',
  '/robots.txt',
  '/rss.xml',
  '/search/a-z/index.html',
  '/search/index.html',
  '/sitemap.xml',
  '/topics/index.html',
]

const BUILD_NOW = '2026-12-02T12:00:00Z'
const PAGEFIND = 'pagefind'

/** Every file of a build but the search index, by path. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(`${PAGEFIND}/`))
    .sort()
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(dir, file))] as const)))
}

/** The files two builds do not agree on: missing from one, or different. */
async function differences(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([filesOf(a), filesOf(b)])
  const names = new Set([...left.keys(), ...right.keys()])
  return [...names].filter((name) => !left.get(name)?.equals(right.get(name) ?? Buffer.alloc(0))).sort()
}

/** Finds text in a build's search index with Pagefind's own script, which fetches the index over HTTP. */
async function searchFinds(outDir: string, term: string): Promise<string[]> {
  const indexDir = path.join(outDir, PAGEFIND)
  const server = http.createServer((request, response) => {
    const file = path.join(indexDir, new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/pagefind\//, ''))
    readFile(file).then(
      (body) => response.end(body),
      () => response.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const {port} = server.address() as {port: number}
    const pagefind = (await import(path.join(indexDir, 'pagefind.js'))) as {
      options: (options: {basePath: string}) => Promise<void>
      search: (term: string) => Promise<{results: Array<{data: () => Promise<{url: string}>}>}>
    }
    await pagefind.options({basePath: `http://127.0.0.1:${String(port)}/pagefind/`})
    const {results} = await pagefind.search(term)
    return await Promise.all(results.map(async (result) => new URL((await result.data()).url, 'http://x').pathname))
  } finally {
    server.close()
  }
}

describe('an incremental build', () => {
  let lake: Awaited<ReturnType<typeof startDemoLake>>
  let work: string
  /** The cache every incremental build of this site keeps; a cold build gets an empty one. */
  let cache: string
  let builds = 0

  /** The last build that kept `cache`, which the next one builds over, as `pnpm start` does. */
  let last: {dir: string; files: string[]} | undefined

  /**
   * Builds the site as it is in the backend into a folder of its own. Every build writes to
   * the same outDir and is then moved, as `pnpm start` does: Astro's image code names the
   * outDir, so a new one each time would count as a change of code on every page. A build
   * with the shared cache starts, as a publish does, from a copy of the last one's pages
   * (seedOutput), and the pages it no longer has are pruned after it.
   */
  async function build(cacheDir: string) {
    const next = path.join(work, 'next')
    const over = cacheDir === cache ? last : undefined
    if (over) await seedOutput(over.dir, over.files, next)
    const result = await buildSite(next, {
      ...projectEnv(lake),
      SITE_BUILD_CACHE: cacheDir,
      BUILD_NOW,
      SITE_URL: 'https://itss.example',
      ...(over ? SEEDED_OUTPUT_ENV : {}),
    })
    expect(result.code, result.output).toBe(0)
    const built = builtFiles(result.output)
    expect(namesEveryPage(result.output, built)).toBe(true)
    if (over) await pruneOutput(next, over.files, built)
    const dir = path.join(work, `build-${String(++builds)}`)
    await rename(next, dir)
    if (cacheDir === cache) last = {dir, files: [...built.rendered, ...built.reused]}
    return {dir, ...built}
  }
  const cold = async () => build(await tempDir('incremental-cold-cache'))
  const save = async (...docs: Doc[]) => {
    const transaction = clientFor(lake).transaction()
    for (const doc of docs) transaction.createOrReplace(doc)
    await transaction.commit()
  }

  beforeAll(async () => {
    // One backend throughout: image addresses name its port, and they show on pages.
    lake = await startDemoLake()
    work = await tempDir('incremental')
    cache = path.join(work, 'cache')
    await save(doomed)
    await clientFor(lake).patch(authorship.id).set({authors: authorship.authors}).commit()
  }, 60_000)
  afterAll(async () => {
    await lake.close()
    await removeDir(lake.dir)
    await removeDir(work)
  })

  test('after edits to a page, a shared quote, a team member on two pages and a deleted page: the pages that show them, and nothing else', async () => {
    const first = await build(cache)
    expect(first.reused).toEqual([])
    expect(first.rendered).toContain('/old-notice/index.html')

    await save(editedPage, editedQuote, editedMember)
    await clientFor(lake).delete(doomed._id)
    const next = await build(cache)
    const again = await cold()

    expect(await differences(next.dir, again.dir)).toEqual([])
    expect(next.rendered.sort()).toEqual(
      [
        ...ALWAYS_RENDERED,
        '/about-us/meet-the-team/index.html',
        '/privacy/index.html',
        '/publications/talent-commission-report/index.html',
        '/what-we-do/research-and-policy/index.html',
      ].sort(),
    )
    // Pages that show none of it are copied: other pages, articles, events, topics, redirects.
    expect(next.reused).toEqual(
      expect.arrayContaining([
        '/about-us/index.html',
        '/about-us/faqs/index.html',
        '/news/institute-opens/index.html',
        '/events/example-event/index.html',
        '/topics/talent/index.html',
        '/about/index.html',
      ]),
    )
    expect(next.rendered.length + next.reused.length).toBe(first.rendered.length - 1)
    expect([...next.rendered, ...next.reused]).not.toContain('/old-notice/index.html')
    expect(await searchFinds(next.dir, 'marmalade')).toEqual(['/privacy/'])
  }, 300_000)

  test('after an edit of the menu: every page again', async () => {
    await save(editedNavigation)
    const next = await build(cache)
    const again = await cold()

    expect(await differences(next.dir, again.dir)).toEqual([])
    // Only files that show no menu are copied: calendars, PDFs, `_redirects`.
    expect(next.reused.filter((file) => file.endsWith('.html'))).toEqual([])
    expect(await readFile(path.join(next.dir, 'index.html'), 'utf8')).toContain('About the Institute')
  }, 300_000)

  test('with no change: every page with a key is copied', async () => {
    const next = await build(cache)
    const previous = path.join(work, `build-${String(builds - 2)}`)

    expect(await differences(next.dir, previous)).toEqual([])
    expect(next.rendered.sort()).toEqual(ALWAYS_RENDERED)
  }, 300_000)
})
