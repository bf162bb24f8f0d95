// Runs every check and test in the repository and ends with one line, `N passed, N failed`,
// summed over every runner, so CI needs to read nothing else. Exits non-zero on any failure.
import {spawn} from 'node:child_process'
import {mkdir, readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {astroCommand} from './astro.ts'
import {getTool, planChromium, planJava, thisMachine} from './prerequisites.ts'
import {quietEnv, repoRoot} from './repo.ts'

const resultsDir = path.join(repoRoot, '.test-results')
const bin = (name: string) => path.join(repoRoot, 'node_modules/.bin', name)
// This Node, not whichever `node` is first on PATH (the system one may be too old).
const node = process.execPath

interface Tally {
  passed: number
  failed: number
}

function run(command: string, args: string[], env: Record<string, string> = {}, cwd = repoRoot): Promise<number> {
  console.log(
    `\n▶ ${[path.basename(command), ...args].join(' ')}${cwd === repoRoot ? '' : ` (in ${path.relative(repoRoot, cwd)})`}`,
  )
  return new Promise((resolve) => {
    const child = spawn(command, args, {cwd, stdio: 'inherit', env: {...process.env, ...quietEnv, ...env}})
    child.on('close', (code) => {
      resolve(code ?? 1)
    })
    child.on('error', () => {
      resolve(1)
    })
  })
}

/** Static checks count one test each: the lint, the formatting, each package's types, the imports. */
async function staticChecks(): Promise<Tally> {
  const astroCheck = astroCommand(['check', '--minimumSeverity', 'warning'])
  const checks: Array<[string, string[], string?]> = [
    [bin('eslint'), ['.', '--max-warnings', '0']],
    [bin('prettier'), ['--check', '.', '--log-level', 'warn']],
    [bin('tsc'), ['--noEmit', '-p', 'schemas']],
    ...['lake', 'webhook', 'bench', 'dev'].map((name): [string, string[]] => [
      bin('tsc'),
      ['--noEmit', '-p', `scripts/${name}`],
    ]),
    [bin('tsc'), ['--noEmit', '-p', 'studio']],
    [bin('tsc'), ['--noEmit', '-p', 'tests']],
    [astroCheck.command, astroCheck.args, astroCheck.cwd],
    [node, [path.join(import.meta.dirname, 'checkTypegen.ts')]],
    [node, [path.join(import.meta.dirname, 'checkImports.ts')]],
  ]
  const tally = {passed: 0, failed: 0}
  for (const [command, args, cwd] of checks) {
    const code = await run(command, args, {}, cwd)
    if (code === 0) tally.passed++
    else tally.failed++
  }
  return tally
}

// Programs beyond Node's packages, got (or installed) just before the first tests that need them.
let javaLooked = false
async function ensureJava(): Promise<void> {
  if (javaLooked) return
  javaLooked = true
  console.log('\n▶ prerequisites: Java (the HTML checker)')
  // Without it the HTML checker's own test fails and says so; nothing else needs Java.
  await getTool(planJava(process.env, thisMachine))
}

// Chromium: the browser tests, and a Vitest test of the draft preview framed as the Studio frames it.
let chromium: Promise<string | null> | undefined
function ensureChromium(): Promise<string | null> {
  return (chromium ??= (async () => {
    console.log('\n▶ prerequisites: Chromium (the browser tests)')
    return getTool(planChromium(process.env, thisMachine))
  })())
}

/** Where the tests launch the browser (chromiumLaunchOptions and tests/playwright.config.ts read CHROMIUM_PATH). */
const browserEnv = (executable: string | null): Record<string, string> =>
  executable ? {CHROMIUM_PATH: executable} : {}

async function vitest(): Promise<Tally> {
  await ensureJava()
  // Without it the one Vitest test that frames the preview fails and says so.
  const browser = await ensureChromium()
  const output = path.join(resultsDir, 'vitest.json')
  const code = await run(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`],
    browserEnv(browser),
  )
  try {
    const report = JSON.parse(await readFile(output, 'utf8')) as {numPassedTests: number; numFailedTests: number}
    // A crash outside any test still fails the run.
    return {passed: report.numPassedTests, failed: report.numFailedTests || (code === 0 ? 0 : 1)}
  } catch {
    return {passed: 0, failed: 1}
  }
}

async function playwright(): Promise<Tally> {
  await ensureJava()
  const browser = await ensureChromium()
  // No browser: one failure, the line printed when it was looked for saying what to install; not one per test.
  if (browser === null) return {passed: 0, failed: 1}
  const output = path.join(resultsDir, 'playwright.json')
  const code = await run(
    path.join(repoRoot, 'tests/node_modules/.bin/playwright'),
    ['test', '--reporter=list,json'],
    {PLAYWRIGHT_JSON_OUTPUT_NAME: output, ...browserEnv(browser)},
    path.join(repoRoot, 'tests'),
  )
  try {
    const report = JSON.parse(await readFile(output, 'utf8')) as {
      stats: {expected: number; unexpected: number; flaky: number}
    }
    const {expected, unexpected, flaky} = report.stats
    return {passed: expected + flaky, failed: unexpected || (code === 0 ? 0 : 1)}
  } catch {
    return {passed: 0, failed: 1}
  }
}

await rm(resultsDir, {recursive: true, force: true})
await mkdir(resultsDir, {recursive: true})

const only = process.argv.slice(2)
const runners: Record<string, () => Promise<Tally>> = {static: staticChecks, vitest, playwright}
const total = {passed: 0, failed: 0}
for (const [name, runner] of Object.entries(runners)) {
  if (only.length > 0 && !only.includes(name)) continue
  const tally = await runner()
  console.log(`\n${name}: ${tally.passed} passed, ${tally.failed} failed`)
  total.passed += tally.passed
  total.failed += tally.failed
}
console.log(`\n${total.passed} passed, ${total.failed} failed`)
process.exit(total.failed > 0 ? 1 : 0)
