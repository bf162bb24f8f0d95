import {readFile} from 'node:fs/promises'
import path from 'node:path'

import {ALT_MISSING_MESSAGE, TEAM_GROUPS} from '@itss/schemas'
import {parse} from 'node-html-parser'
import sharp from 'sharp'

import {htmlFile} from '../../src/site.ts'
import {contentPane, expect, expectSaved, expectTooltip, publish, test, withPublishedSite} from './fixtures.ts'

const council = TEAM_GROUPS.find((group) => group.value === 'technicalCouncil')?.title ?? ''

test('an editor adds a Technical Council member with a photo, and the team page shows them there, resized', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const name = `Alex Example ${Date.now()}`
  const alt = 'Alex Example smiling in a workshop'
  // A landscape photo, far larger than the page shows it.
  const photo = await sharp({create: {width: 1200, height: 900, channels: 3, background: {r: 30, g: 90, b: 150}}})
    .png()
    .toBuffer()

  await page.goto('/structure')
  await contentPane(page).getByRole('link', {name: 'Team', exact: true}).click()
  await page.getByRole('link', {name: council, exact: true}).click()
  // The group's own "create" button starts the person in that group.
  await page.getByTestId('action-intent-button').click()
  await expect(page.getByTestId('field-group').getByRole('radio', {name: council})).toBeChecked()

  await page.getByTestId('field-name').getByRole('textbox').fill(name)
  await page.getByTestId('field-role').getByRole('textbox').fill('Member of the Technical Council')
  await page.getByTestId('field-order').getByRole('spinbutton').fill('3')
  await page.getByTestId('image-input').locator('input[type="file"]').setInputFiles({
    name: 'alex-example.png',
    mimeType: 'image/png',
    buffer: photo,
  })
  // Uploaded: the Studio shows the image from the lake, then asks for its alt text.
  await expect(page.getByRole('img', {name: 'Preview of uploaded image'})).toBeVisible()
  // A photo without alternative text cannot be published, and the editor is told what to write.
  const altField = page.getByTestId('field-photo.alt')
  await expectTooltip(page, altField.getByTestId('input-validation-icon-error'), ALT_MISSING_MESSAGE)
  await expect(page.getByTestId('action-publish')).toBeDisabled()
  await altField.getByRole('textbox').fill(alt)
  await expectSaved(page)
  await publish(page)

  // The group's list shows the new person with their photo.
  const listed = page.getByTestId('document-list-pane').getByRole('link', {name: new RegExp(name)})
  await expect(listed.locator('img')).toBeVisible()

  await withPublishedSite(async (outDir) => {
    const html = parse(await readFile(htmlFile(outDir, '/about-us/meet-the-team'), 'utf8'))
    const group = html
      .querySelectorAll('.team-group')
      .find((element) => element.querySelector('h3')?.text.trim() === council)
    const person = group?.querySelectorAll('.person').find((element) => element.text.includes(name))
    expect(person, `${name} under “${council}”`).toBeDefined()
    expect(html.querySelectorAll('.person').filter((element) => element.text.includes(name))).toHaveLength(1)

    const img = person?.querySelector('img')
    expect(img?.getAttribute('alt')).toBe(alt)
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['80', '80'])
    // The file shipped with the site is the square 80 px version, not the 1200 × 900 upload.
    const {width, height} = await sharp(path.join(outDir, img?.getAttribute('src') ?? '')).metadata()
    expect([width, height]).toEqual([80, 80])
  })
})
