import {readFile} from 'node:fs/promises'
import path from 'node:path'

import {PUBLICATION_KINDS} from '@itss/schemas/vocabulary'
import {parseRssFeed} from 'feedsmith'
import {parse, type HTMLElement} from 'node-html-parser'

import {htmlFile} from '../../src/site.ts'
import {contentPane, expect, expectSaved, publish, test, withPublishedSite} from './fixtures.ts'
import {printPdf} from './pdf.ts'

const PAGES = 3
const kind = PUBLICATION_KINDS.find((k) => k.value === 'research-paper')?.title ?? ''
const topics = [
  {title: 'Technical careers', path: '/topics/technical-careers/'},
  {title: 'Research and policy', path: '/topics/research-and-policy/'},
]
const author = {name: 'Dr Kelly Vere', id: 'team-kelly-vere'}

const html = async (outDir: string, sitePath: string) => parse(await readFile(htmlFile(outDir, sitePath), 'utf8'))
/** Where the publication lists on a page link to. */
const listed = (root: HTMLElement) =>
  root.querySelectorAll('main .publication-list > li').map((item) => item.querySelector('a')?.getAttribute('href'))
const text = (element: HTMLElement | null | undefined) => element?.text.replace(/\s+/g, ' ').trim()

test('an editor publishes a report with its PDF, two topics and a team author, and the next build lists it everywhere', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  const title = `Technical workforce survey ${String(Date.now())}`
  const slug = title.toLowerCase().replace(/ /g, '-')
  const sitePath = `/publications/${slug}/`
  const pdf = await printPdf(browser, PAGES)
  // Between 1 KB and 1 MB, the site gives the size in whole KB (1 KB = 1,024 bytes).
  expect(pdf.length).toBeGreaterThan(1024)
  expect(pdf.length).toBeLessThan(1024 * 1024)
  const size = `${String(Math.round(pdf.length / 1024))} KB`

  await page.goto('/structure')
  await contentPane(page).getByRole('link', {name: 'Publications', exact: true}).click()
  await page.getByTestId('action-intent-button').click()
  await page.getByTestId('field-title').getByRole('textbox').fill(title)
  await page.getByTestId('field-slug').getByRole('button', {name: 'Generate'}).click()
  await expect(page.getByTestId('field-slug').getByRole('textbox')).toHaveValue(slug)
  await page.getByTestId('field-kind').getByRole('radio', {name: kind}).check()
  const date = page.getByTestId('field-date').getByRole('textbox')
  await date.fill('20 November 2026')
  await date.press('Tab')
  await page
    .getByTestId('field-summary')
    .getByRole('textbox')
    .fill('What technicians in UK universities told us about their careers, pay and training.')

  // The PDF field (its id is the field's name), through its Upload button's file input.
  const file = page.locator('#file')
  await file.locator('input[type="file"]').setInputFiles({
    name: 'technical-workforce-survey.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  })
  await expect(file).toContainText('technical-workforce-survey.pdf')

  const topicsField = page.getByTestId('field-topics')
  for (const topic of topics) {
    await topicsField.getByRole('button', {name: 'Add item'}).click()
    await topicsField.getByRole('combobox').last().fill(topic.title)
    await page.getByRole('option', {name: topic.title}).click()
    await expect(topicsField).toContainText(topic.title)
  }
  // Authors are team members or people from outside; the editor picks one from the team.
  const authors = page.getByTestId('field-authors')
  await authors.getByRole('button', {name: /Add item/}).click()
  await page.getByRole('menuitem', {name: 'Team member'}).click()
  await authors.getByRole('combobox').fill('Kelly')
  await page.getByRole('option', {name: author.name}).click()
  await expect(authors).toContainText(author.name)

  await expectSaved(page)
  await publish(page)
  await expect(page.getByTestId('document-list-pane').getByRole('link', {name: title})).toContainText(
    `20 November 2026 · ${kind}`,
  )

  await withPublishedSite(async (outDir) => {
    expect(listed(await html(outDir, '/publications/'))).toContain(sitePath)
    for (const topic of topics) expect(listed(await html(outDir, topic.path)), topic.path).toContain(sitePath)

    const feed = parseRssFeed(await readFile(path.join(outDir, 'publications/rss.xml'), 'utf8'))
    const item = feed.items?.find((candidate) => candidate.title === title)
    expect(new URL(item?.link ?? '', 'http://site').pathname).toBe(sitePath)
    expect(item?.categories?.map((category) => category.name)).toEqual([kind, ...topics.map((t) => t.title)])

    const root = await html(outDir, sitePath)
    expect(text(root.querySelector('main h1'))).toBe(title)
    // The download, described with the uploaded file's real size and page count, is that file.
    const download = root.querySelector('main a.publication-download')
    expect(text(root.querySelector('main .publication-download__meta'))).toBe(`(PDF, ${size}, ${String(PAGES)} pages)`)
    expect(Buffer.compare(await readFile(path.join(outDir, download?.getAttribute('href') ?? '')), pdf)).toBe(0)

    // The author links to their place among the team, which lists the publication under them.
    const authorLink = root.querySelectorAll('main .publication-authors a').find((a) => text(a) === author.name)
    const [teamPath = '', anchor] = (authorLink?.getAttribute('href') ?? '').split('#')
    expect(anchor).toBe(author.id)
    const person = (await html(outDir, teamPath)).getElementById(author.id)
    expect(text(person?.querySelector('.person__name'))).toBe(author.name)
    expect(person?.querySelectorAll('.person__publications a').map((a) => a.getAttribute('href'))).toContain(sitePath)
  })
})
