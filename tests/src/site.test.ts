import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {clientFor} from '@itss/lake/testing'
import sharp from 'sharp'
import {documentTypes, singletonTypes} from '@itss/schemas'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {contentFacts} from './contentFacts.ts'
import {
  buildSite,
  builtFiles,
  htmlFile,
  pageText,
  projectEnv,
  removeDir,
  startDemoLake,
  tempDir,
  type Build,
} from './site.ts'

/*
 * The site as a fresh clone builds it (no SANITY_* variables: the embedded backend), and as
 * a real project builds it (SANITY_* variables pointing at a backend on another port).
 */

const contentQueries = (requests: Array<{method: string; path: string}>) =>
  requests.filter((request) => /^\/v[^/]+\/data\/query\//.test(request.path))

let embedded: Build
let embeddedLakeDir: string

beforeAll(async () => {
  embeddedLakeDir = await tempDir('embedded-lake')
  embedded = await buildSite(await tempDir('site-embedded'), {LAKE_DATA_DIR: embeddedLakeDir})
  if (embedded.code !== 0) throw new Error(`The embedded-default build failed:\n${embedded.output}`)
}, 180_000)

afterAll(async () => {
  await removeDir(embeddedLakeDir)
  await removeDir(embedded.outDir)
})

describe('built from the embedded default', () => {
  test.each(contentFacts.map((fact) => [fact.fact, fact] as const))('states: %s', async (_name, fact) => {
    const text = await pageText(embedded.outDir, fact.path)
    for (const expected of fact.expect) expect(text, `on ${fact.path}`).toContain(expected)
  })

  test('shows the roadmap stages in order: Map, Understand, Transform', async () => {
    const text = await pageText(embedded.outDir, '/what-we-do/research-and-policy/')
    const positions = ['Map the landscape', 'Understand the landscape', 'Transform the landscape'].map((title) =>
      text.indexOf(title),
    )
    expect(positions.every((at) => at >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  test('says in the build log that it made one content request', () => {
    const line = embedded.output.split('\n').find((l) => l.includes('[content]'))
    expect(line).toMatch(/\[content\] 1 request to local content backend/)
  })

  test('builds every page, the 404 page and no page twice', async () => {
    const html = (await builtFiles(embedded.outDir)).filter((file) => file.endsWith('.html'))
    expect(html).toContain('404.html')
    expect(html).toContain('index.html')
    expect(html).toContain('about-us/faqs/index.html')
    // Directory output only: no `x.html` beside an `x/` folder for a host to trip over.
    expect(html.filter((file) => path.basename(file) !== 'index.html')).toEqual(['404.html'])
    expect(html.length).toBe(new Set(html).size)
    expect(html.length).toBeGreaterThanOrEqual(13)
  })
})

describe('built from a Sanity project (SANITY_* variables)', () => {
  let lake: Awaited<ReturnType<typeof startDemoLake>>
  const requests: Array<{method: string; path: string}> = []
  let remote: Build

  /** What afterAll undoes, newest first: as much as beforeAll got as far as making. */
  const cleanups: (() => Promise<unknown>)[] = []

  beforeAll(async () => {
    lake = await startDemoLake({onRequest: (request) => requests.push(request)})
    cleanups.push(
      () => removeDir(lake.dir),
      () => lake.close(),
    )
    requests.length = 0
    remote = await buildSite(await tempDir('site-remote'), projectEnv(lake))
    cleanups.push(() => removeDir(remote.outDir))
    if (remote.code !== 0) throw new Error(`The project build failed:\n${remote.output}`)
  }, 180_000)

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  test('asks for content over HTTP at most once per document type', () => {
    const queries = contentQueries(requests)
    const documentTypeCount = documentTypes.length + singletonTypes.length
    console.log(`content requests in one build: ${queries.length} (document types: ${documentTypeCount})`)
    expect(queries.length).toBeGreaterThan(0)
    expect(queries.length).toBeLessThanOrEqual(documentTypeCount)
    expect(remote.output).toContain(`[content] ${queries.length} request to Sanity project ${lake.projectId}`)
  })

  test('comes out the same as the embedded-default build', async () => {
    // Image file names carry a hash of the address they were fetched from, which differs by port.
    const normalise = (text: string) => text.replace(/(_astro\/[\w-]+?)_[\w-]+(\.\w+)/g, '$1$2')
    // The search index is derived from the HTML compared below, image names and all.
    const listing = async (dir: string) =>
      (await builtFiles(dir)).filter((file) => !file.startsWith('pagefind/')).map(normalise)
    expect(await listing(remote.outDir)).toEqual(await listing(embedded.outDir))
    for (const file of (await builtFiles(remote.outDir)).filter((f) => f.endsWith('.html'))) {
      const [ours, theirs] = await Promise.all([
        readFile(path.join(remote.outDir, file), 'utf8'),
        readFile(path.join(embedded.outDir, file), 'utf8'),
      ])
      expect(normalise(ours), file).toBe(normalise(theirs))
    }
  })

  test('never writes the read token into the output', async () => {
    for (const file of await builtFiles(remote.outDir)) {
      const content = await readFile(path.join(remote.outDir, file))
      expect(content.includes(lake.token), file).toBe(false)
    }
  })

  test('an edited document shows on the page after a rebuild', async () => {
    const client = clientFor(lake)
    const before = await pageText(remote.outDir, '/about-us/faqs/')
    const answer = 'The Institute is funded by Research England until July 2026 (edited in a test).'
    expect(before).not.toContain(answer)
    await client
      .patch('faq-funding')
      .set({
        answer: [
          {
            _type: 'block',
            _key: 'a1',
            style: 'normal',
            markDefs: [],
            children: [{_type: 'span', _key: 's1', text: answer, marks: []}],
          },
        ],
      })
      .commit()

    const rebuilt = await buildSite(await tempDir('site-edited'), projectEnv(lake))
    try {
      expect(rebuilt.code, rebuilt.output).toBe(0)
      expect(await pageText(rebuilt.outDir, '/about-us/faqs/')).toContain(answer)
    } finally {
      await removeDir(rebuilt.outDir)
    }
  }, 180_000)

  test('a team photo is cropped, sized for each screen, and has its alt text', async () => {
    const client = clientFor(lake)
    const photo = await sharp({create: {width: 600, height: 400, channels: 3, background: {r: 20, g: 90, b: 120}}})
      .png()
      .toBuffer()
    const asset = await client.assets.upload('image', photo, {filename: 'portrait.png'})
    await client
      .patch('team-kelly-vere')
      .set({
        photo: {
          _type: 'accessibleImage',
          asset: {_type: 'reference', _ref: asset._id},
          alt: 'Kelly Vere at a lab bench',
        },
      })
      .commit()
    const rebuilt = await buildSite(await tempDir('site-photo'), projectEnv(lake))
    try {
      expect(rebuilt.code, rebuilt.output).toBe(0)
      const html = await readFile(htmlFile(rebuilt.outDir, '/about-us/meet-the-team/'), 'utf8')
      const img = /<img[^>]*alt="Kelly Vere at a lab bench"[^>]*>/.exec(html)?.[0] ?? ''
      expect(img).toMatch(/width="80"/)
      expect(img).toMatch(/height="80"/)
      expect(img).toMatch(/loading="lazy"/)
      expect(img).toMatch(/srcset="[^"]+ 80w, [^"]+ 160w"/)
      expect(html).toMatch(/<source type="image\/avif" srcset="[^"]+\.avif 80w/)
      // The image ships with the site, square-cropped from the 3:2 original.
      const file = /src="(\/_astro\/[^"]+\.webp)"/.exec(img)?.[1] ?? ''
      const {width, height} = await sharp(path.join(rebuilt.outDir, file)).metadata()
      expect([width, height]).toEqual([80, 80])
    } finally {
      await removeDir(rebuilt.outDir)
    }
  }, 180_000)

  test('a broken document stops the build with its id and field named', async () => {
    const client = clientFor(lake)
    const page = await client.getDocument<{slug?: {_type: 'slug'; current: string}}>('page-privacy')
    await client.patch('page-privacy').set({'slug.current': 'Privacy Policy'}).commit()
    const broken = await buildSite(await tempDir('site-broken'), projectEnv(lake))
    try {
      expect(broken.code).not.toBe(0)
      expect(broken.output).toMatch(/page-privacy slug: “Privacy Policy”: Use lowercase letters/)
      await expect(readFile(htmlFile(broken.outDir, '/privacy/'), 'utf8')).rejects.toThrow()
    } finally {
      await client.patch('page-privacy').set({slug: page?.slug}).commit()
      await removeDir(broken.outDir)
    }
  }, 180_000)
})
