// Runs alone, after every other Studio test (the `studio-restart` project): it kills the lake
// they all share and starts it again.
import type {ChildProcess} from 'node:child_process'

import {findRunningLake} from '@itss/lake'
import {startChildLake} from '@itss/lake/testing'

import {lakePortArgs, studioDataDir} from './env.ts'
import {expect, expectSaved, lakeClient, openDocument, publish, test} from './fixtures.ts'

const MILESTONE = 'milestone-2022-talent-commission-report'

let restarted: ChildProcess | undefined
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
    const running = await findRunningLake(studioDataDir)
    if (!running) throw new Error(`No lake is serving ${studioDataDir}`)
    // No chance to flush or close anything, as in a power cut.
    process.kill(running.pid, 'SIGKILL')
    // The Studio notices, and stops editing until it can save again.
    await expect(title).not.toBeEditable()
    ;({child: restarted} = await startChildLake(studioDataDir, lakePortArgs))
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
