// Every built page is valid HTML as the W3C Nu HTML checker (vnu.jar, the validator behind
// validator.w3.org/nu) sees it. It catches what html-validate does not, such as a script the
// layout left after `</html>`.
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {runNu, type NuMessage} from './nuChecker.ts'
import {buildDemoSite, builtPages, removeDir, tempDir, type Build} from './site.ts'

let build: Build & {remove: () => Promise<void>}
let canaryDir: string
/** What afterAll undoes, newest first: as much as beforeAll got as far as making. */
const cleanups: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  build = await buildDemoSite('site-nu')
  cleanups.push(() => build.remove())
  canaryDir = await tempDir('nu-canary')
  cleanups.push(() => removeDir(canaryDir))
}, 180_000)

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

test('every built page passes the W3C Nu HTML checker with no errors', async () => {
  const pages = await builtPages(build.outDir)
  expect(pages).toEqual(expect.arrayContaining(['404.html', 'index.html', 'search/index.html']))
  // A page with the fault this test was written for, checked in the same run: the checker must
  // name it, so a checker that reads nothing cannot pass.
  const canary = path.join(canaryDir, 'stray-script.html')
  await writeFile(
    canary,
    '<!doctype html><html lang="en"><head><title>Canary</title></head><body><p>x</p></body></html>\n' +
      '<script type="module">void 0</script>\n',
  )

  const result = await runNu([canary, ...pages.map((file) => path.join(build.outDir, file))])
  if ('problem' in result) expect.fail(result.problem)

  const where = (message: NuMessage) => (message.url ? fileURLToPath(message.url) : '(unknown file)')
  const fromCanary = result.messages.filter((message) => where(message) === canary)
  expect(fromCanary.map((message) => message.message)).toContain('Stray start tag “script”.')

  const errors = result.messages
    .filter((message) => where(message) !== canary)
    .map((message) => {
      const file = path.relative(build.outDir, where(message))
      const line = message.firstLine ?? message.lastLine ?? 0
      const extract = message.extract ? `\n    …${message.extract.replace(/\s+/g, ' ')}…` : ''
      return `${file}:${line}:${message.firstColumn ?? 0} ${message.type}${message.subType ? ` (${message.subType})` : ''}: ${message.message}${extract}`
    })
  expect(errors, `The Nu checker found errors:\n${errors.join('\n')}`).toEqual([])
}, 120_000)
