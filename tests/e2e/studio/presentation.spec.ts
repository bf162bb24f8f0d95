import {fileURLToPath} from 'node:url'

import {previewUrl} from './env.ts'
import {expect, lakeClient, test} from './fixtures.ts'

test('in Presentation, a click on a team member’s role opens their document at that field; the panel follows the preview', async ({
  page,
}) => {
  test.setTimeout(120_000)
  // A member of the Research and Policy group: on Meet the team and on Research and Policy.
  const member = await lakeClient().fetch<{name: string; role: string}>(
    `*[_type == "teamMember" && group == "researchPolicyGroup" && !(_id in path("drafts.**"))] | order(order asc)[0]{name, role}`,
  )

  await page.goto('/presentation?preview=/about-us/meet-the-team/')
  const preview = page.frameLocator(`iframe[src^="${previewUrl}/"]`)
  // The page's own document opens beside it.
  await expect(page.getByTestId('field-title').getByRole('textbox')).toHaveValue('Meet the team')

  const person = preview.locator('.person', {has: preview.getByText(member.name, {exact: true})})
  const role = page.getByTestId('field-role').getByRole('textbox')
  // Until the page has connected to the Studio a click is an ordinary click on text: try again,
  // but only once a click has had time to open the field, as another click would take its focus.
  await expect(async () => {
    await person.getByText(member.role, {exact: true}).click()
    await expect(role).toBeVisible({timeout: 10_000})
  }).toPass({timeout: 45_000})
  await expect(role).toBeFocused()
  await expect(role).toHaveValue(member.role)
  await expect(page.getByTestId('field-name').getByRole('textbox')).toHaveValue(member.name)
  // Where the document appears on the site.
  await expect(page.getByText('Used on 2 pages')).toBeVisible()
  if (process.env.UPDATE_DOCS_SCREENSHOTS) {
    await page.screenshot({path: fileURLToPath(new URL('../../../docs/images/presentation.png', import.meta.url))})
  }

  // Following a link inside the preview opens the next page's document.
  await preview.getByRole('navigation', {name: 'Breadcrumb'}).getByRole('link', {name: 'About us'}).click()
  // The Studio loads the page in the frame and waits for it to connect before the panel follows.
  await expect(page.getByTestId('field-title').getByRole('textbox')).toHaveValue('About us', {timeout: 30_000})
  await expect(page.getByTestId('field-role')).toHaveCount(0)
})
