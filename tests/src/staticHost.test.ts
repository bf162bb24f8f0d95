// The built site on any static host, with no rewrite rule: served by a host that looks for
// a file and then a folder (nginx's usual `try_files $uri $uri/ =404`), every page answers at
// the address it names as canonical and every link points at, with no redirect; and
// `pnpm start`'s server (serveSite, which the browser tests use too) answers the same way.
import {mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {gunzipSync} from 'node:zlib'
import {serveSite} from '@itss/dev'
import {parse} from 'node-html-parser'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildDemoSite, builtPages, htmlFile, type Build} from './site.ts'

/**
 * A host set up as nginx most often is, and nothing more:
 *
 *   location / { index index.html; try_files $uri $uri/ =404; }
 *   error_page 404 /404.html;
 *
 * The path's file if there is one; else, if it is a folder, a 301 to add the slash, then the
 * folder's index.html (403 without one); else 404.html with status 404. `/x` is never `x.html`.
 */
async function folderFirstHost(root: string) {
  const kind = async (file: string) => {
    const found = await stat(file).catch(() => null)
    return found?.isFile() ? 'file' : found?.isDirectory() ? 'folder' : undefined
  }
  const send = (res: http.ServerResponse, status: number, file?: string) =>
    file
      ? readFile(file).then((body) => res.writeHead(status, {'Content-Type': 'text/html; charset=utf-8'}).end(body))
      : res.writeHead(status).end()
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://host')
    const wanted = path.join(root, decodeURIComponent(url.pathname))
    if (!wanted.startsWith(root)) return send(res, 404, path.join(root, '404.html'))
    // $uri: a file.
    if (!url.pathname.endsWith('/') && (await kind(wanted)) === 'file') return send(res, 200, wanted)
    // $uri/: a folder.
    if ((await kind(wanted)) === 'folder') {
      if (!url.pathname.endsWith('/')) return res.writeHead(301, {Location: `${url.pathname}/${url.search}`}).end()
      const index = path.join(wanted, 'index.html')
      return (await kind(index)) === 'file' ? send(res, 200, index) : send(res, 403)
    }
    // =404, answered by error_page.
    return send(res, 404, path.join(root, '404.html'))
  }
  const server = http.createServer((req, res) => {
    answer(req, res).catch(() => res.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

interface Answer {
  status: number
  location: string | null
  headers: Headers
  body: string
}

/** One request, redirects not followed: a redirect is an answer of its own here. */
async function get(origin: string, address: string): Promise<Answer> {
  const response = await fetch(new URL(address, origin), {redirect: 'manual'})
  return {
    status: response.status,
    location: response.headers.get('location'),
    headers: response.headers,
    body: await response.text(),
  }
}

/** The URL path a built page is served at: `about-us/index.html` is `/about-us/`. */
const servedAt = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`

/** Every address a page points at on this site: links, assets, the form, its structured data. */
function addressesIn(html: string, siteOrigin: string): string[] {
  const root = parse(html)
  const found = [
    ...root.querySelectorAll('a[href], link[href]').map((element) => element.getAttribute('href') ?? ''),
    ...root.querySelectorAll('img[src], script[src]').map((element) => element.getAttribute('src') ?? ''),
    ...root
      .querySelectorAll('img[srcset], source[srcset]')
      .flatMap((element) =>
        (element.getAttribute('srcset') ?? '').split(',').map((entry) => entry.trim().split(/\s+/)[0] ?? ''),
      ),
    ...root.querySelectorAll('form[action]').map((element) => element.getAttribute('action') ?? ''),
    ...root
      .querySelectorAll('meta[property="og:url"], meta[property="og:image"]')
      .map((e) => e.getAttribute('content') ?? ''),
  ]
  // schema.org `url`, `item` and `@id` values.
  for (const script of root.querySelectorAll('script[type="application/ld+json"]'))
    for (const match of script.textContent.matchAll(/"(?:url|item|@id)":"([^"]+)"/g)) found.push(match[1] ?? '')
  return found
    .map((address) => new URL(address, `${siteOrigin}/`))
    .filter((url) => url.origin === siteOrigin)
    .map((url) => `${url.pathname}${url.search}`)
}

let build: Build & {remove: () => Promise<void>}
let host: Awaited<ReturnType<typeof folderFirstHost>>
/** The sitemap's URLs: the site's public addresses, as search engines are told them. */
let sitemap: URL[]
let pages: string[]
/** What afterAll undoes, newest first: as much as beforeAll got as far as making. */
const cleanups: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  build = await buildDemoSite('site-static-host')
  cleanups.push(() => build.remove())
  host = await folderFirstHost(build.outDir)
  cleanups.push(() => host.close())
  const xml = await readFile(path.join(build.outDir, 'sitemap.xml'), 'utf8')
  sitemap = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? ''))
  pages = await builtPages(build.outDir)
}, 180_000)

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('on a static host with no rewrite rule (folder first, as nginx)', () => {
  test('every sitemap URL answers 200 at exactly that address, with no redirect', async () => {
    expect(sitemap.length).toBeGreaterThanOrEqual(12)
    const problems: string[] = []
    for (const url of sitemap) {
      const answer = await get(host.origin, url.pathname)
      if (answer.status !== 200 || answer.location)
        problems.push(`${url.pathname}: ${answer.status} ${answer.location ?? ''}`)
    }
    expect(problems).toEqual([])
  })

  test('each page names the URL it is requested at as canonical, and as og:url', async () => {
    const problems: string[] = []
    for (const url of sitemap) {
      const root = parse((await get(host.origin, url.pathname)).body)
      const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute('href')
      const ogUrl = root.querySelector('meta[property="og:url"]')?.getAttribute('content')
      if (canonical !== url.href || ogUrl !== url.href)
        problems.push(`${url.pathname}: canonical ${canonical ?? 'none'}, og:url ${ogUrl ?? 'none'}`)
    }
    expect(problems).toEqual([])
  })

  test('every built page answers at its folder’s address, the search page too', async () => {
    const folders = pages.filter((file) => file !== '404.html').map(servedAt)
    expect(folders).toEqual(expect.arrayContaining(['/', '/about-us/', '/about-us/faqs/', '/search/']))
    const answers = await Promise.all(
      folders.map(async (folder) => `${folder} ${(await get(host.origin, folder)).status}`),
    )
    expect(answers).toEqual(folders.map((folder) => `${folder} 200`))
  })

  test('an unknown address gets the 404 page with status 404, and no redirect', async () => {
    for (const address of ['/no-such-page/', '/no-such-page', '/about-us/no-such-page/', '/what-we-do/nothing']) {
      const answer = await get(host.origin, address)
      expect([answer.status, answer.location], address).toEqual([404, null])
      expect(parse(answer.body).querySelector('h1')?.text, address).toBe('Page not found')
    }
  })

  test('every address a page or the 404 page points at answers 200, with no redirect', async () => {
    const siteOrigin = sitemap[0]?.origin ?? ''
    const linked = new Map<string, string>()
    for (const file of pages) {
      for (const address of addressesIn(await readFile(path.join(build.outDir, file), 'utf8'), siteOrigin))
        if (!linked.has(address)) linked.set(address, file)
    }
    // Navigation, breadcrumbs, content links, the search fallback list, images, styles.
    expect(linked.size).toBeGreaterThan(20)
    const problems: string[] = []
    for (const [address, file] of linked) {
      const answer = await get(host.origin, address)
      if (answer.status !== 200 || answer.location)
        problems.push(`${address} (from ${file}): ${answer.status} ${answer.location ?? ''}`)
    }
    expect(problems).toEqual([])
  })

  test('search results link to the pages as served', async () => {
    const dir = path.join(build.outDir, 'pagefind/fragment')
    const urls = await Promise.all(
      (await readdir(dir)).map(async (name) => {
        const text = gunzipSync(await readFile(path.join(dir, name))).toString('utf8')
        return (JSON.parse(text.replace(/^pagefind_dcd/, '')) as {url: string}).url
      }),
    )
    // Every page the sitemap lists that is meant to be found (lists' later pages and the A to Z
    // of pages are not) is in the index.
    const meantToBeFound = await Promise.all(
      sitemap.map(async (url) =>
        (await readFile(htmlFile(build.outDir, url.pathname), 'utf8')).includes('data-pagefind-body'),
      ),
    )
    expect(meantToBeFound.filter(Boolean).length).toBeGreaterThan(20)
    expect(urls.length).toBeGreaterThanOrEqual(meantToBeFound.filter(Boolean).length)
    const answers = await Promise.all(urls.map(async (url) => `${url} ${(await get(host.origin, url)).status}`))
    expect(answers).toEqual(urls.map((url) => `${url} 200`))
  })
})

describe('pnpm start and the browser tests (serveSite)', () => {
  let served: Awaited<ReturnType<typeof serveSite>>
  // Closed after the tests if it started: vitest runs what beforeAll returns then.
  beforeAll(async () => {
    served = await serveSite(build.outDir, 0)
    return () => served.close()
  })

  test('answers every address as the folder-first host does', async () => {
    const addresses = [
      ...sitemap.flatMap((url) => [url.pathname, url.pathname.replace(/(.)\/$/, '$1')]),
      '/about-us/faqs?from=an-old-link',
      '/search/?q=technicians',
      '/no-such-page',
      '/no-such-page/',
      '/sitemap.xml',
      '/robots.txt',
      '/favicon.svg',
      '/pagefind/pagefind.js',
      '/404.html',
    ]
    const answers = async (origin: string) =>
      Promise.all(
        addresses.map(async (address) => {
          const {status, location} = await get(origin, address)
          return `${address} ${status} ${location ?? ''}`
        }),
      )
    const expected = await answers(host.origin)
    // Guards against two hosts that agree on answering nothing.
    expect(expected.filter((line) => / 200 $/.test(line)).length).toBeGreaterThanOrEqual(sitemap.length)
    expect(expected).toContain('/about-us 301 /about-us/')
    expect(await answers(served.url)).toEqual(expected)
  })

  test('sends calendar files, feeds and PDFs with their media types, so browsers open them as such', async () => {
    const [pdf] = await readdir(path.join(build.outDir, 'publications', 'files'))
    const types = await Promise.all(
      ['/events/upcoming.ics', '/news/rss.xml', `/publications/files/${pdf ?? 'none'}`].map(
        async (address) => `${address} ${(await get(served.url, address)).headers.get('content-type') ?? ''}`,
      ),
    )
    expect(types).toEqual([
      '/events/upcoming.ics text/calendar; charset=utf-8',
      '/news/rss.xml application/xml',
      `/publications/files/${pdf ?? 'none'} application/pdf`,
    ])
  })

  test('answers from the build a publish switched to, with that build’s own headers', async () => {
    // As pnpm start serves it: a link that each publish points at a new build (publishedSite.ts).
    const dir = await mkdtemp(path.join(os.tmpdir(), 'itss-serve-switch-'))
    const build = async (name: string, policy: string) => {
      await mkdir(path.join(dir, name))
      await writeFile(path.join(dir, name, 'index.html'), `<p>${name}</p>`)
      await writeFile(path.join(dir, name, '_headers'), `/*\n  Content-Security-Policy: ${policy}\n`)
    }
    await build('first', "script-src 'self'")
    await build('second', "script-src 'self' 'sha256-new'")
    const link = path.join(dir, 'site')
    await symlink('first', link)
    const site = await serveSite(link, 0)
    try {
      const seen = async () => {
        const answer = await get(site.url, '/')
        return `${answer.body} ${answer.headers.get('content-security-policy') ?? ''}`
      }
      expect(await seen()).toBe("<p>first</p> script-src 'self'")
      await symlink('second', `${link}.next`)
      await rename(`${link}.next`, link)
      expect(await seen()).toBe("<p>second</p> script-src 'self' 'sha256-new'")
    } finally {
      site.close()
      await rm(dir, {recursive: true, force: true})
    }
  })

  test('refuses a port that is already in use, naming it, instead of failing later', async () => {
    const port = Number(new URL(served.url).port)
    await expect(serveSite(build.outDir, port)).rejects.toThrow(`127.0.0.1:${port}: EADDRINUSE`)
  })

  test('sends the `_headers` policy with every page, allowing what that page’s own policy allows', async () => {
    const headersFile = await readFile(path.join(build.outDir, '_headers'), 'utf8')
    // One block for every path, which hosts that read `_headers` apply to `/about-us/` and the rest.
    expect(headersFile.split('\n').filter((line) => /^\S/.test(line))).toEqual(['/*'])
    const directives = (policy: string) =>
      new Map(
        policy
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .filter(([name]) => name)
          .map(([name = '', ...sources]) => [name, new Set(sources)]),
      )
    const problems: string[] = []
    for (const file of pages) {
      const address = file === '404.html' ? '/no-such-page/' : servedAt(file)
      const answer = await get(served.url, address)
      const header = directives(answer.headers.get('content-security-policy') ?? '')
      if (!header.get('frame-ancestors')?.has("'none'")) problems.push(`${address}: no frame-ancestors 'none'`)
      const meta = parse(answer.body)
        .querySelector('meta[http-equiv="content-security-policy"]')
        ?.getAttribute('content')
      if (!meta) problems.push(`${address}: no policy meta tag`)
      for (const [name, sources] of directives(meta ?? ''))
        for (const source of sources)
          if (!header.get(name)?.has(source)) problems.push(`${address}: header ${name} lacks ${source}`)
    }
    expect(problems).toEqual([])
  })
})
