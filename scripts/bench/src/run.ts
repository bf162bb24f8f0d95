// `pnpm bench`: the performance budgets of the demo site, then the scale benchmark.
//   pnpm bench                  budgets, then 1k and 10k documents against plain Astro
//   pnpm bench --quick          budgets, then 1k only
//   pnpm bench budget [--dir d] budgets only, of a fresh demo build or of the build in d
//   pnpm bench scale [--quick]  the scale benchmark only
//   pnpm bench live             keystroke-to-preview latency in the Studio's Presentation tool
//                               (Chromium; --keystrokes 40); not part of the default run
//   --sizes 1000,5000 and --runs 3 change how many documents and how many runs of each build
// Exits 1 when a budget is exceeded (for live: p95 of 1 s or more) or a build fails.
import {rmSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {budgetReport, buildDemoSite, checkBudgets, measureBuild, percentile} from './budget.ts'
import {makeWorkDir, removeDir} from './build.ts'
import {seconds} from './format.ts'
import {LIVE_PREVIEW_P95_MS, livePreviewReport, runLivePreview} from './livePreview.ts'
import {runScale, scaleReport} from './scale.ts'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    quick: {type: 'boolean', default: false},
    dir: {type: 'string'},
    sizes: {type: 'string'},
    runs: {type: 'string'},
    keystrokes: {type: 'string'},
    help: {type: 'boolean', short: 'h', default: false},
  },
})
const mode = positionals[0] ?? 'all'
if (values.help || !['all', 'budget', 'scale', 'live'].includes(mode)) {
  console.log(
    'usage: pnpm bench [budget|scale] [--quick] [--dir <built site>] [--sizes 1000,10000] [--runs 2]\n       pnpm bench live [--keystrokes 40]',
  )
  process.exit(values.help ? 0 : 2)
}
const sizes = values.sizes
  ? values.sizes.split(',').map((n) => Number(n.trim()))
  : values.quick
    ? [1000]
    : [1000, 10_000]
// Each build runs this many times, alternating with the other; the fastest counts.
const runs = Number(values.runs ?? (values.quick ? 1 : 2))
const keystrokes = Number(values.keystrokes ?? 40)
if (
  sizes.some((n) => !Number.isInteger(n) || n < 100) ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  !Number.isInteger(keystrokes) ||
  keystrokes < 1
) {
  console.error(
    '--sizes takes whole numbers of documents, 100 or more, separated by commas; --runs and --keystrokes a count',
  )
  process.exit(2)
}

const started = performance.now()
const log = (line: string) => console.log(`[bench ${seconds(performance.now() - started).padStart(7)}] ${line}`)
const workDir = await makeWorkDir(mode)
// Ctrl-C still removes the scratch folder; builds and the lake end with this process group.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    rmSync(workDir, {recursive: true, force: true})
    process.exit(130)
  })
}

let failed = false
try {
  if (mode === 'live') {
    const cases = await runLivePreview(workDir, {keystrokes}, log)
    console.log('\nLive preview, keystroke in the Studio to text in the draft preview (demo dataset):\n')
    console.log(livePreviewReport(cases))
    console.log('')
    if (cases.some(({latencies}) => percentile(latencies, 95) >= LIVE_PREVIEW_P95_MS)) failed = true
  }
  if (mode === 'all' || mode === 'budget') {
    let outDir = values.dir
    if (!outDir) {
      log('budget: building the site from the demo dataset…')
      const demo = await buildDemoSite(workDir)
      outDir = demo.outDir
      log(`budget: built in ${seconds(demo.build.wallMs)}`)
    }
    const pages = await measureBuild(outDir)
    const results = checkBudgets(pages)
    console.log(`\nPerformance budgets (${outDir}), sizes gzipped:\n`)
    console.log(budgetReport(pages, results))
    console.log('')
    if (results.some((result) => !result.pass)) failed = true
  }
  if (mode === 'all' || mode === 'scale') {
    const what = sizes.map((n) => n.toLocaleString('en-GB')).join(' and ')
    log(`scale: ${what} documents, ${runs} run(s) of each build; work folder ${workDir}`)
    const results = await runScale(sizes, runs, workDir, log)
    console.log('\nScale benchmark, the site through the lake against plain Astro from JSON:\n')
    // This process's own peak (the kernel reports KiB): the generated data and the lake.
    console.log(scaleReport(results, process.resourceUsage().maxRSS * 1024))
    console.log('')
    if (results.some((result) => result.budgets.some((budget) => !budget.pass))) failed = true
  }
} catch (err) {
  failed = true
  console.error(err instanceof Error ? err.message : err)
} finally {
  await removeDir(workDir)
}
log(failed ? 'FAIL' : 'done')
process.exit(failed ? 1 : 0)
