// `pnpm bench live`: keystroke-to-preview latency. The real Studio (a `sanity build`), the
// draft preview and a lake seeded from the demo dataset, as `pnpm start` and the Studio's
// browser tests run them, with Chromium driving the Presentation tool: an FAQ answer is typed
// into, and each keystroke is timed until the framed preview shows it.
import path from 'node:path'

import {
  buildStudio,
  chromiumLaunchOptions,
  draftPreviewOrigin,
  lakeHttpsPort,
  serveStudioFiles,
  startDraftPreview,
} from '@itss/dev'
import {startLake} from '@itss/lake'
import {demoDatasetDir} from '@itss/lake/local'
import {freePort} from '@itss/lake/testing'
import {chromium, type Frame, type Page} from 'playwright-core'

import {percentile} from './budget.ts'
import {table} from './format.ts'

/** The goal: an edit shows in the preview within a second. */
export const LIVE_PREVIEW_P95_MS = 1000

/** The FAQ typed into, on the FAQs page. */
const FAQ = 'faq-opened'
const FAQ_PAGE = '/about-us/faqs/'

export interface LatencyCase {
  name: string
  /** Keystroke to preview, one per keystroke, in ms. */
  latencies: number[]
}

/** Starts the lake, the draft preview and the Studio in `workDir`, measures, and stops them. */
export async function runLivePreview(
  workDir: string,
  options: {keystrokes: number},
  log: (line: string) => void,
): Promise<LatencyCase[]> {
  const lake = await startLake({
    dataDir: path.join(workDir, 'lake'),
    seedDir: demoDatasetDir,
    httpPort: 0,
    httpsPort: 0,
    log: () => undefined,
  })
  const stops: (() => Promise<void> | void)[] = [() => lake.close()]
  try {
    const httpsPort = lakeHttpsPort(lake)
    if (httpsPort === null) throw new Error('The lake serves no HTTPS, which the Studio needs')
    const previewPort = await freePort()
    const studioDir = path.join(workDir, 'studio')
    log('live: building the Studio and starting the draft preview…')
    const output: string[] = []
    const [built, preview] = await Promise.all([
      buildStudio({
        outDir: studioDir,
        httpsPort,
        previewUrl: draftPreviewOrigin(previewPort),
        log: (line) => output.push(line),
      }),
      startDraftPreview({port: previewPort, env: {...process.env, LAKE_DATA_DIR: lake.dataDir}}),
    ])
    stops.push(() => preview.close())
    if (!built) throw new Error(`sanity build failed:\n${output.join('\n')}`)
    const studio = await serveStudioFiles(studioDir, await freePort())
    stops.push(() => studio.close())

    const browser = await chromium.launch(chromiumLaunchOptions())
    stops.push(() => browser.close())
    const context = await browser.newContext({ignoreHTTPSErrors: true, viewport: {width: 1400, height: 900}})
    // Logged in as the lake's editor: the Studio reads its token from localStorage.
    await context.addInitScript(({key, token}) => window.localStorage.setItem(key, JSON.stringify({token})), {
      key: `__studio_auth_token_${lake.projectId}`,
      token: lake.token,
    })
    const page = await context.newPage()
    log('live: opening the FAQ in the Presentation tool…')
    const frame = await openFaq(
      page,
      new URL(`presentation/faq/${FAQ}?preview=${FAQ_PAGE}`, studio.url).href,
      `${preview.url}${FAQ_PAGE}`,
    )
    const question = {
      editor: page.getByTestId('field-question').getByRole('textbox'),
      shown: `#${FAQ} .faq__question`,
    }
    const answer = {
      editor: page.getByTestId('field-answer').locator('[contenteditable="true"]'),
      shown: `#${FAQ} .faq__answer`,
    }
    const words = 'the institute opened in august with technicians from every region '
    const keys = (count: number) => Array.from({length: count}, (_, i) => words[i % words.length] ?? ' ')
    log(`live: ${String(options.keystrokes)} keystrokes one at a time, then typing at 20 ms a key…`)
    const cases: LatencyCase[] = []
    for (const [name, field] of [
      ['question (text)', question],
      ['answer (rich text)', answer],
    ] as const) {
      // A first edit, not measured: the Studio creates the draft, the preview's modules warm up.
      await field.editor.click()
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type('Warm up.')
      await previewShows(frame, field.shown, 'Warm up.')
      cases.push(
        {
          name: `${name}, one key, then a pause`,
          latencies: await timeKeystrokes(page, frame, field.shown, keys(options.keystrokes), 250),
        },
        {
          name: `${name}, typing 20 ms a key`,
          latencies: await timeKeystrokes(page, frame, field.shown, keys(options.keystrokes * 3), 20),
        },
      )
    }
    return cases
  } finally {
    for (const stop of stops.reverse()) await stop()
  }
}

async function openFaq(page: Page, url: string, pageUrl: string): Promise<Frame> {
  await page.goto(url)
  await page.getByTestId('field-answer').locator('[contenteditable="true"]').waitFor({timeout: 60_000})
  let frame: Frame | undefined
  for (const deadline = Date.now() + 60_000; !frame && Date.now() < deadline;) {
    frame = page.frames().find((candidate) => candidate.url().startsWith(pageUrl))
    if (!frame) await page.waitForTimeout(100)
  }
  if (!frame) throw new Error(`The Presentation tool did not show ${FAQ_PAGE}`)
  await frame.locator(`#${FAQ} .faq__answer`).waitFor({state: 'attached', timeout: 60_000})
  return frame
}

const shownText = (frame: Frame, selector: string) =>
  frame.locator(selector).evaluate((element) => element.textContent.trim())

async function previewShows(frame: Frame, selector: string, text: string): Promise<void> {
  await frame.waitForFunction(
    ({selector, text}) => document.querySelector(selector)?.textContent.trim() === text,
    {selector, text},
    {timeout: 30_000, polling: 'raf'},
  )
}

/**
 * Types `keys` at the end of the answer, `interval` ms apart, and returns for each keystroke
 * how long the preview took to show the text up to it. The preview's page records when its
 * answer changed (a MutationObserver), so keystrokes overlap as they do when an editor types.
 */
async function timeKeystrokes(
  page: Page,
  frame: Frame,
  selector: string,
  keys: string[],
  interval: number,
): Promise<number[]> {
  const base = await shownText(frame, selector)
  await frame.evaluate((selector) => {
    const seen: [number, string][] = []
    const record = () => {
      const text = document.querySelector(selector)?.textContent.trim() ?? ''
      if (seen.at(-1)?.[1] !== text) seen.push([Date.now(), text])
    }
    new MutationObserver(record).observe(document.body, {subtree: true, childList: true, characterData: true})
    ;(window as unknown as {liveSeen: typeof seen}).liveSeen = seen
  }, selector)

  const sent: number[] = []
  for (const key of keys) {
    const started = Date.now()
    sent.push(started)
    await page.keyboard.type(key)
    const wait = interval - (Date.now() - started)
    if (wait > 0) await page.waitForTimeout(wait)
  }
  const typed = keys.join('')
  await previewShows(frame, selector, `${base}${typed}`.trim())

  const seen = await frame.evaluate(() => (window as unknown as {liveSeen: [number, string][]}).liveSeen)
  // A space at the end shows as nothing (HTML folds it), so only other keys are timed.
  return sent.flatMap((at, index) => {
    if (keys[index] === ' ') return []
    const expected = `${base}${typed.slice(0, index + 1)}`.trim()
    // The first time the preview showed this keystroke (a later text includes it too).
    const shown = seen.find(([time, text]) => time >= at && text.startsWith(expected))
    if (!shown) throw new Error(`The preview never showed keystroke ${String(index + 1)}`)
    return [shown[0] - at]
  })
}

/** The report: p50 and p95 per case, and whether p95 meets the goal. */
export function livePreviewReport(cases: LatencyCase[]): string {
  const ms = (n: number) => `${String(Math.round(n))} ms`
  return table(
    ['keystroke to preview', 'keystrokes', 'p50', 'p95', 'max', `p95 < ${ms(LIVE_PREVIEW_P95_MS)}`],
    cases.map(({name, latencies}) => [
      name,
      String(latencies.length),
      ms(percentile(latencies, 50)),
      ms(percentile(latencies, 95)),
      ms(Math.max(...latencies)),
      percentile(latencies, 95) < LIVE_PREVIEW_P95_MS ? 'PASS' : 'FAIL',
    ]),
    [false, true, true, true, true, false],
  )
}
