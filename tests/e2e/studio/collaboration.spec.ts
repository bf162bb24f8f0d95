import {expect, expectSaved, lakeClient, openDocument, publish, test} from './fixtures.ts'

const MILESTONE = 'milestone-2023-institute-established'

test('two editors change different fields of one document at once; each sees the other live, and both changes publish', async ({
  page,
  newEditorPage,
}) => {
  const other = await newEditorPage()
  await Promise.all([page, other].map((tab) => openDocument(tab, 'Milestones', /Institute established/)))
  const title = (tab: typeof page) => tab.getByTestId('field-title').getByRole('textbox')
  const summary = (tab: typeof page) => tab.getByTestId('field-summary').getByRole('textbox')

  const newTitle = 'The Institute opens its doors'
  const newSummary = 'The Institute begins its work on 1 August 2023, hosted by the University of Nottingham.'
  await Promise.all([title(page).clear(), summary(other).clear()])
  // Typed key by key in both tabs at the same time, so their edits interleave at the lake.
  await Promise.all([
    title(page).pressSequentially(newTitle, {delay: 15}),
    summary(other).pressSequentially(newSummary, {delay: 15}),
  ])

  // Each tab shows its own edit and, without a reload, the other editor's.
  for (const tab of [page, other]) {
    await expect(title(tab)).toHaveValue(newTitle)
    await expect(summary(tab)).toHaveValue(newSummary)
    await expectSaved(tab)
  }

  await publish(page)
  // The other tab sees the publish too.
  await expect(other.getByTestId('action-publish')).toBeDisabled()
  expect(await lakeClient().getDocument(MILESTONE)).toMatchObject({title: newTitle, summary: newSummary})
})
