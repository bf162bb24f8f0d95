// The scale benchmark: synthetic datasets of 1,000 and 10,000 documents, each built by the
// real site through a fresh lake and, side by side, by a plain Astro project from JSON.
import {cp, mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {projectEnv, startLake} from '@itss/lake'
import {demoDatasetDir} from '@itss/lake/local'
import {webDir} from '@itss/dev'
import {checkBudgets, measureBuild, percentile, type BudgetResult} from './budget.ts'
import {htmlFiles, memorySource, removeDir, runAstroBuild} from './build.ts'
import {generateDataset, readDemoDocuments} from './dataset.ts'
import {bytes, count, mebibytes, ratio, seconds, table} from './format.ts'
import {
  checkGroupBudgets,
  feedSizes,
  feedTable,
  groupCosts,
  groupTable,
  type FeedSize,
  type GroupCost,
} from './groups.ts'
import {measureIncremental, type IncrementalRun} from './incremental.ts'
import {loadIntoLake} from './load.ts'
import {measurePublishToLive} from './publishToLive.ts'

const plainProject = path.join(import.meta.dirname, '../plain')

export interface Measured {
  pages: number
  wallMs: number
  peakRss: number | null
  /** Start-up and bundling (and, for the site, the content query) before the first page. */
  beforeMs: number
  /** From the first rendered route to the last. */
  renderMs: number
  /** After the last route: images, and for the site Pagefind and _headers. */
  afterMs: number
}

export interface ScaleResult {
  documents: number
  /** How many documents of each type, most first. */
  counts: Array<[type: string, count: number]>
  pagesInData: number
  loadMs: number
  runs: number
  /** The fastest run of each (other work on the machine only ever adds time), with the highest peak memory. */
  ours: Measured
  plain: Measured
  /** Every run's wall time, in the order they ran. */
  oursTimes: number[]
  plainTimes: number[]
  /** The site's incremental builds: filling the cache, then rebuilds after edits and with none. */
  incremental: IncrementalRun[]
  /** Milliseconds from the lake's acknowledgement of a one-document edit to the served page showing it. */
  publishToLive: number[]
  /** GROQ queries (`/data/query/` requests) per site build, and all its requests to the lake. */
  queries: number
  requests: number
  /** How long the build's content query took, as the build logged it (fastest run). */
  queryMs: number | null
  /** The site build's pages against the HTML budget: p95 and the largest page, gzipped. */
  htmlP95: number
  largest: {path: string; html: number}
  /** The site build per group of pages, its feeds and calendars, and the budgets at this size. */
  groups: GroupCost[]
  feeds: FeedSize[]
  budgets: BudgetResult[]
}

type Who = 'site' | 'plain'
const label = (size: number) => (size >= 1000 && size % 1000 === 0 ? `${size / 1000}k` : String(size))

export async function runScale(
  sizes: number[],
  runs: number,
  workDir: string,
  log: (line: string) => void,
): Promise<ScaleResult[]> {
  const demo = await readDemoDocuments(demoDatasetDir)
  const results: ScaleResult[] = []
  for (const size of sizes) {
    const name = label(size)
    const dir = path.join(workDir, name)
    await mkdir(dir, {recursive: true})

    let started = performance.now()
    const dataset = generateDataset(size, demo)
    const plainData = path.join(dir, 'pages.json')
    await writeFile(plainData, JSON.stringify(dataset.plain))
    // The plain project is copied beside the work folder's node_modules link, so Vite finds astro.
    const plainRoot = path.join(dir, 'plain')
    await cp(plainProject, plainRoot, {recursive: true})
    const counts = Object.entries(dataset.counts).sort((a, b) => b[1] - a[1])
    const types = counts.map(([type, n]) => `${count(n)} ${type}`).join(', ')
    log(
      `${name}: generated ${count(dataset.documents.length)} documents (${types}) in ${seconds(performance.now() - started)}`,
    )

    const requests = {queries: 0, all: 0}
    const lake = await startLake({
      dataDir: path.join(dir, 'lake'),
      httpPort: 0,
      httpsPort: false,
      log: () => undefined,
      onRequest: ({path: requestPath}) => {
        requests.all++
        if (requestPath.includes('/data/query/')) requests.queries++
      },
    })
    try {
      started = performance.now()
      let lastLine = started
      await loadIntoLake(lake, dataset.documents, demoDatasetDir, (loaded, total) => {
        if (loaded === total || performance.now() - lastLine > 5000) {
          lastLine = performance.now()
          log(`${name}: loaded ${count(loaded)}/${count(total)} documents into the lake`)
        }
      })
      const loadMs = performance.now() - started
      log(`${name}: lake ready in ${seconds(loadMs)}`)

      const measured: Record<Who, Measured[]> = {site: [], plain: []}
      const queryTimes: number[] = []
      const perBuild: Array<{queries: number; all: number}> = []
      let lastSiteOut = ''
      let previousOut = ''
      // Alternating order (plain, site, site, plain, …) so drift in the machine's load hits both.
      const order: Who[] = Array.from({length: runs}, (_, r): Who[] =>
        r % 2 === 0 ? ['plain', 'site'] : ['site', 'plain'],
      ).flat()
      for (const [i, who] of order.entries()) {
        const title = who === 'site' ? 'site' : 'plain Astro'
        const outDir = path.join(dir, `out-${who}-${i}`)
        log(`${name} ${title}: building (run ${Math.floor(i / 2) + 1} of ${runs})…`)
        requests.queries = 0
        requests.all = 0
        const build = await runAstroBuild({
          root: who === 'site' ? webDir : plainRoot,
          outDir,
          cwd: workDir,
          env: who === 'site' ? projectEnv(lake) : {BENCH_PLAIN_DATA: plainData},
          progress: (rendered, elapsed) =>
            log(`${name} ${title}: ${count(rendered)} routes rendered after ${seconds(elapsed)}`),
          onLine: (line) => {
            const ms = /\[content\] \d+ requests? .* in (\d+) ms/.exec(line)?.[1]
            if (ms) queryTimes.push(Number(ms))
          },
        })
        if (build.code !== 0) throw new Error(`The ${title} build of ${name} failed:\n${build.tail.join('\n')}`)
        // Everything below happens after the timed build.
        if (who === 'site') perBuild.push({...requests})
        const pages = (await htmlFiles(outDir)).filter((file) => !file.startsWith('pagefind')).length
        const first = build.firstRouteMs ?? build.wallMs
        const last = build.lastRouteMs ?? build.wallMs
        measured[who].push({
          pages,
          wallMs: build.wallMs,
          peakRss: build.peakRss,
          beforeMs: first,
          renderMs: last - first,
          afterMs: build.wallMs - last,
        })
        log(`${name} ${title}: ${count(pages)} pages in ${seconds(build.wallMs)}, peak ${mebibytes(build.peakRss)}`)
        // Keep RAM-disk use down: drop the previous output, but keep the last site build to measure.
        if (previousOut && previousOut !== lastSiteOut) await removeDir(previousOut)
        if (who === 'site') {
          if (lastSiteOut) await removeDir(lastSiteOut)
          lastSiteOut = outDir
        }
        previousOut = outDir
      }

      // The budgets again at this size, on the whole site and on each group of pages.
      const costs = await measureBuild(lastSiteOut)
      const incremental = await measureIncremental(lake, dataset.documents, dir, workDir, (line) => {
        log(`${name} ${line}`)
      })
      const publishToLive = await measurePublishToLive(lake, dataset.documents, dir, (line) => {
        log(`${name} ${line}`)
      })
      const groups = groupCosts(costs)
      const largest = costs.reduce((max, page) => (page.html > max.html ? page : max), {path: '-', html: 0})
      // Times from the fastest run; memory is the highest peak of any run.
      const best = (list: Measured[]) => ({
        ...list.reduce((min, m) => (m.wallMs < min.wallMs ? m : min)),
        peakRss: list.some((m) => m.peakRss === null) ? null : Math.max(...list.map((m) => m.peakRss ?? 0)),
      })
      results.push({
        documents: dataset.documents.length,
        counts,
        pagesInData: dataset.counts.page ?? 0,
        loadMs,
        runs,
        ours: best(measured.site),
        plain: best(measured.plain),
        oursTimes: measured.site.map((m) => m.wallMs),
        plainTimes: measured.plain.map((m) => m.wallMs),
        incremental,
        publishToLive,
        queries: Math.max(...perBuild.map((r) => r.queries)),
        requests: Math.max(...perBuild.map((r) => r.all)),
        queryMs: queryTimes.length ? Math.min(...queryTimes) : null,
        htmlP95: percentile(
          costs.map((page) => page.html),
          95,
        ),
        largest: {path: largest.path, html: largest.html},
        groups,
        feeds: await feedSizes(lastSiteOut),
        budgets: [...checkBudgets(costs), ...checkGroupBudgets(groups)],
      })
    } finally {
      await lake.close()
    }
    // Outputs go once every build of this size is measured.
    await removeDir(dir)
  }
  return results
}

export function scaleReport(results: ScaleResult[], benchPeakRss: number | null): string {
  const rows: string[][] = []
  for (const r of results) {
    const rate = (m: Measured) => m.pages / (m.wallMs / 1000)
    const phases = (m: Measured) => `${seconds(m.beforeMs)} / ${seconds(m.renderMs)} / ${seconds(m.afterMs)}`
    const all = (times: number[]) => times.map((ms) => (ms / 1000).toFixed(1)).join(', ')
    rows.push(
      [`${count(r.documents)} docs`, 'pages built', count(r.ours.pages), count(r.plain.pages), ''],
      [
        '',
        'wall time (fastest run)',
        seconds(r.ours.wallMs),
        seconds(r.plain.wallMs),
        ratio(r.ours.wallMs, r.plain.wallMs),
      ],
      ['', '  every run, s', all(r.oursTimes), all(r.plainTimes), ''],
      ['', '  before / render / after', phases(r.ours), phases(r.plain), ratio(r.ours.renderMs, r.plain.renderMs)],
      ['', 'pages per second', rate(r.ours).toFixed(1), rate(r.plain).toFixed(1), ratio(rate(r.ours), rate(r.plain))],
      [
        '',
        'peak memory (highest run)',
        mebibytes(r.ours.peakRss),
        mebibytes(r.plain.peakRss),
        ratio(r.ours.peakRss, r.plain.peakRss),
      ],
      [
        '',
        'content requests per build',
        `${r.queries} query${r.queryMs === null ? '' : ` (${seconds(r.queryMs)})`}, ${r.requests} in all`,
        'none (JSON file)',
        '',
      ],
      ...r.incremental.map((run) => [
        '',
        `incremental: ${run.what}`,
        `${seconds(run.wallMs)} (${run.phasesMs.map((ms) => seconds(ms)).join(' / ')}; ${count(run.rendered)} rendered, ${count(run.reused)} reused)`,
        '',
        ratio(run.wallMs, r.plain.wallMs),
      ]),
      [
        '',
        'publish to live, one edit (median)',
        `${seconds(percentile(r.publishToLive, 50))} (each: ${all(r.publishToLive)} s)`,
        '',
        '',
      ],
      ['', 'HTML p95 / largest page', `${bytes(r.htmlP95)} / ${bytes(r.largest.html)} ${r.largest.path}`, '', ''],
    )
  }
  const perSize = results.flatMap((r) => [
    '',
    `${count(r.documents)} documents: ${r.counts.map(([type, n]) => `${count(n)} ${type}`).join(', ')}`,
    '',
    'The site build per group of pages, HTML gzipped (* lists other content):',
    '',
    groupTable(r.groups),
    '',
    'Feeds, calendars and the sitemap (the largest file of each):',
    '',
    feedTable(r.feeds),
    '',
    ...r.budgets.map((result) => `${result.pass ? 'PASS' : 'FAIL'}  ${result.name}: ${result.detail}`),
  ])
  return [
    table(['dataset', 'measure', 'site (lake)', 'plain Astro', 'site / plain'], rows, [false, false, true, true, true]),
    '',
    `Memory: ${memorySource}. Times: wall clock of the whole \`astro build\`, the fastest of`,
    'the runs (other work on the machine only adds time). "before" is start-up, bundling and, for the site,',
    'the content query, up to the first page; "after" is images and, for the site only, the Pagefind',
    'index and _headers. The lake ran in the benchmark process, which peaked at',
    `${mebibytes(benchPeakRss)} (generated datasets and the lake together; not in the build figures).`,
    'Both build the same pages; the site also writes feeds, calendars, PDFs and the search index.',
    'Incremental: the site with SITE_BUILD_CACHE, one cache, each build after the one above it; the',
    'ratio is to the plain cold build. Rendered and reused count files (pages, feeds, calendars, PDFs);',
    'the pages without getStaticPaths (home, first list pages, feeds, sitemap) are rendered every time.',
    'Publish to live: from the lake acknowledging an edit of one publication to the page served by',
    "`pnpm start`'s rebuild-on-publish (publishSite) showing it; three edits, one after another.",
    ...perSize,
  ].join('\n')
}
