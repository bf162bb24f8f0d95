import {readFile} from 'node:fs/promises'
import {parse} from 'node-html-parser'
import {htmlFile} from '../../src/site.ts'
import {expect, expectSaved, openDocument, publish, test, withPublishedSite} from './fixtures.ts'

test('an editor points a menu entry at one of the site’s sections, and the next build links it', async ({page}) => {
  await openDocument(page, 'Navigation', /Navigation/)
  await page.getByRole('button', {name: /^Events/}).click()
  // Named after the entry's label, which the test changes.
  const dialog = page.getByRole('dialog', {name: /^Main menu \//})

  // The entry names a section, not an address: the editor picks another from the list.
  const section = dialog.getByRole('combobox', {name: 'Section of the site'})
  await expect(section.locator('option:checked')).toHaveText('Events')
  await section.selectOption({label: 'Topics'})
  await dialog.getByRole('textbox', {name: 'Label'}).fill('Topics')
  await dialog.getByRole('button', {name: 'Close dialog'}).click()

  await expectSaved(page)
  await publish(page)

  await withPublishedSite(async (outDir) => {
    const home = parse(await readFile(htmlFile(outDir, '/'), 'utf8'))
    const menu = home.querySelectorAll('nav[aria-label="Main"] .nav > li > a')
    expect(menu.map((a) => [a.text.trim(), a.getAttribute('href')])).toContainEqual(['Topics', '/topics/'])
    expect(menu.map((a) => a.text.trim())).not.toContain('Events')
  })
})
