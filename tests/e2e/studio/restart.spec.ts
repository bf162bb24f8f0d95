// Runs alone, after every other Studio test (the `studio-restart` project): it kills the lake
// they all share and starts it again. The tests here take turns, each killing the lake the one
// before started.
import type {ChildProcess} from 'node:child_process'

import {findRunningLake} from '@itss/lake'
import {startChildLake} from '@itss/lake/testing'

import {lakePortArgs, previewUrl, studioDataDir} from './env.ts'
import {expect, expectSaved, lakeClient, openDocument, publish, test} from './fixtures.ts'

const MILESTONE = 'milestone-2022-talent-commission-report'

test.describe.configure({mode: 'serial'})

let restarted: ChildProcess | undefined

/** Kills the lake serving the tests' data dir outright, as in a power cut, and starts it again on the same ports. */
async function killAndRestartLake(whileDown: () => Promise<void>): Promise<void> {
  const running = await findRunningLake(studioDataDir)
  if (!running) throw new Error(`No lake is serving ${studioDataDir}`)
  process.kill(running.pid, 'SIGKILL')
  await whileDown()
  ;({child: restarted} = await startChildLake(studioDataDir, lakePortArgs))
}

test.afterAll(async () => {
  if (!restarted || restarted.exitCode !== null) return
  const exited = new Promise((resolve) => restarted?.once('exit', resolve))
  restarted.kill('SIGTERM')
  await exited
})

test('the lake is killed and restarted while an editor works: every saved edit survives, and the Studio carries on', async ({
  page,
  network,
}) => {
  await openDocument(page, 'Milestones', /TALENT Commission report/)
  const title = page.getByTestId('field-title').getByRole('textbox')
  const beforeCrash = 'TALENT Commission report published (saved before the crash)'
  await title.fill(beforeCrash)
  // "Saved": the lake acknowledged the edit.
  await expectSaved(page)

  await network.excuseLakeFailures(async () => {
    // No chance to flush or close anything, as in a power cut.
    await killAndRestartLake(async () => {
      // The Studio notices, and stops editing until it can save again.
      await expect(title).not.toBeEditable()
    })
    await expect(title).toBeEditable({timeout: 30_000})
  })

  // The acknowledged edit is in the restarted lake, and the open Studio still shows it.
  expect(await lakeClient().getDocument(`drafts.${MILESTONE}`)).toMatchObject({title: beforeCrash})
  await expect(title).toHaveValue(beforeCrash)

  // Editing and publishing go on in the same tab, without a reload.
  const afterRestart = 'TALENT Commission report published'
  await title.fill(afterRestart)
  await expectSaved(page)
  await publish(page)
  expect(await lakeClient().getDocument(MILESTONE)).toMatchObject({title: afterRestart})

  await page.reload()
  await expect(page.getByTestId('field-title').getByRole('textbox')).toHaveValue(afterRestart)
})

test('the lake is killed and restarted while the Presentation tool is open: edits made after the restart reach the preview', async ({
  page,
  network,
}) => {
  test.setTimeout(120_000)
  // The other Studio tests leave drafts behind, some breaking a content rule on purpose
  // (validation.spec.ts), and the draft preview renders no page while any does: start from
  // what is published.
  await lakeClient().delete({query: '*[_id in path("drafts.**")]'})
  const faq = 'faq-technical-council'
  await page.goto(`/presentation/faq/${faq}?preview=/about-us/faqs/`)
  const preview = page.frameLocator(`iframe[src^="${previewUrl}/"]`)
  const shown = preview.locator(`#${faq} .faq__question`)
  const question = page.getByTestId('field-question').getByRole('textbox')
  await expect(question).toHaveValue('What does the Technical Council do?')
  await expect(shown).toHaveText('What does the Technical Council do?')
  // Lost if the preview reloads: the edit below must arrive live.
  await shown.evaluate(() => ((window as unknown as {livePreviewMark?: string}).livePreviewMark = 'not reloaded'))

  await network.excuseLakeFailures(async () => {
    await killAndRestartLake(async () => {
      await expect(question).not.toBeEditable()
    })
    await expect(question).toBeEditable({timeout: 30_000})
  })

  const edited = 'What does the Technical Council do, after the restart?'
  await question.fill(edited)
  await expect(shown).toHaveText(edited)
  await expectSaved(page)
  expect(await shown.evaluate(() => (window as unknown as {livePreviewMark?: string}).livePreviewMark)).toBe(
    'not reloaded',
  )
})
