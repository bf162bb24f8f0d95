import {fileURLToPath} from 'node:url'

import type {Page} from '@playwright/test'

import {pageText} from '../../src/site.ts'
import {previewUrl} from './env.ts'
import {chooseMenuItem, contentPane, expect, lakeClient, replaceText, test, withPublishedSite} from './fixtures.ts'

// The communications team works in London; the Studio shows times in the browser's time zone.
test.use({timezoneId: 'Europe/London'})

/** Where docs/editing.md finds its screenshots; UPDATE_DOCS_SCREENSHOTS=1 takes them again. */
const docsImage = (name: string) => fileURLToPath(new URL(`../../../docs/images/${name}`, import.meta.url))

/** The Studio schedules to the minute: the first whole minute at least 30 seconds from now. */
const publishTime = () => new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000)

/** `14:05`, as the Studio's time field takes it, in London. */
const londonTime = (date: Date) =>
  date.toLocaleTimeString('en-GB', {timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit'})

/** `Dec 2, 2026 14:05`, as the Studio's date-and-time fields take it, in London. */
const londonDateTime = (date: Date) => {
  const day = date.toLocaleDateString('en-US', {
    timeZone: 'Europe/London',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  })
  return `${day} ${londonTime(date)}`
}

/** Creates a release from the perspective menu; the Studio then edits in it. Returns its id. */
async function createRelease(page: Page, title: string): Promise<string> {
  await page.goto('/structure')
  await chooseMenuItem(page, page.getByTestId('global-perspective-menu-button'), 'New release')
  await page.getByRole('dialog').getByRole('textbox', {name: 'Untitled release'}).fill(title)
  await page.getByRole('button', {name: 'Create release'}).click()
  await page.waitForURL(/[?&]perspective=r\w+/)
  return new URL(page.url()).searchParams.get('perspective') ?? ''
}

const BODY = 'The Institute’s spring programme opens to applications.'

/**
 * Waits until the lake holds what the editor typed. (The footer's "Saved" is for drafts; a
 * release version's footer says only when it was edited.)
 */
async function expectInLake(query: string, params: Record<string, string>): Promise<void> {
  const client = lakeClient().withConfig({perspective: 'raw'})
  await expect.poll(() => client.fetch<number>(`count(${query})`, params)).toBe(1)
}

/** A new news article, in whichever perspective the Studio is in; returns its site path. */
async function writeNewsArticle(page: Page, title: string): Promise<string> {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  await contentPane(page).getByRole('link', {name: 'News', exact: true}).click()
  await page.getByTestId('action-intent-button').click()
  await page.getByTestId('field-title').getByRole('textbox').fill(title)
  await page.getByTestId('field-slug').getByRole('button', {name: 'Generate'}).click()
  await expect(page.getByTestId('field-slug').getByRole('textbox')).toHaveValue(slug)
  await page.getByTestId('field-summary').getByRole('textbox').fill('What changes for technicians this spring.')
  await replaceText(page, page.getByTestId('field-body').locator('[contenteditable="true"]'), BODY)
  await expectInLake('*[_type == "newsArticle" && title == $title && pt::text(body) == $body]', {title, body: BODY})
  return `/news/${slug}`
}

/** Opens a release in the Releases tool, sets it to go out at `at` and schedules it. */
async function scheduleRelease(page: Page, title: string, at: Date): Promise<void> {
  await page.getByRole('link', {name: 'Releases', exact: true}).click()
  await page.getByRole('link', {name: title}).first().click()
  const picker = page.getByTestId('release-type-picker')
  await picker.click()
  await page.getByRole('tab', {name: 'At time'}).click()
  await page.getByRole('textbox', {name: 'Select time'}).fill(londonTime(at))
  // Closing the picker saves the time.
  await picker.click()
  await page.getByTestId('schedule-button').click()
  const dialog = page.getByTestId('confirm-schedule-dialog')
  await expect(dialog.getByRole('textbox')).toHaveValue(londonDateTime(at))
  await dialog.getByRole('button', {name: 'Yes, schedule'}).click()
  await expect(page.getByTestId('release-type-picker')).toContainText('Scheduled')
}

/**
 * Chooses Preview on a version in a release, which opens a tab of its own, and returns the tab.
 * A click the loading Studio swallows (its menu re-rendering under it) opens nothing: choose again.
 */
async function previewInNewTab(page: Page): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const opened = page.context().waitForEvent('page', {timeout: 10_000})
    opened.catch(() => undefined)
    await chooseMenuItem(page, page.getByTestId('action-menu-button'), 'Preview')
    try {
      return await opened
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

test('an editor schedules a release of an edited page and a new article; previewed first, both go live together on time', async ({
  page,
}) => {
  test.setTimeout(240_000)
  // Titles without a stamp, for the guide's screenshot: the tests' lake is fresh each run.
  const releaseTitle = 'Spring launch'
  const pageTitle = 'Technician Commitment: 120 universities signed'
  const articleTitle = 'Spring programme opens for applications'

  const releaseId = await createRelease(page, releaseTitle)
  await contentPane(page).getByRole('link', {name: 'Pages', exact: true}).click()
  await page
    .getByRole('link', {name: /Technician Commitment/})
    .first()
    .click()
  await page.getByRole('button', {name: 'Add to release'}).click()
  await page.getByTestId('field-title').getByRole('textbox').fill(pageTitle)
  await expectInLake('*[_id == $id && title == $title]', {
    id: `versions.${releaseId}.page-technician-commitment`,
    title: pageTitle,
  })
  const articlePath = await writeNewsArticle(page, articleTitle)

  // The page's Preview shows the site as the release will make it, article included; without
  // the release, the draft preview shows neither change.
  await contentPane(page).getByRole('link', {name: 'Pages', exact: true}).click()
  await page
    .getByRole('link', {name: /Technician Commitment/})
    .first()
    .click()
  await expect(page.getByTestId('field-title').getByRole('textbox')).toHaveValue(pageTitle)
  const preview = await previewInNewTab(page)
  await expect(preview).toHaveURL(`${previewUrl}/technician-commitment/?release=${releaseId}`)
  await expect(preview.getByRole('heading', {level: 1})).toHaveText(pageTitle)
  await expect(preview.getByText('Release preview.')).toBeVisible()
  await preview.goto(`${previewUrl}/news/`)
  await expect(preview.getByRole('link', {name: articleTitle})).toBeVisible()
  await preview.goto(`${previewUrl}/technician-commitment/?release=`)
  await expect(preview.getByRole('heading', {level: 1})).toHaveText('Technician Commitment')
  await expect(preview.getByText('Draft preview.')).toBeVisible()
  await preview.close()

  const at = publishTime()
  await scheduleRelease(page, releaseTitle, at)
  await expect(page.getByRole('link', {name: new RegExp(articleTitle)})).toBeVisible()
  if (process.env.UPDATE_DOCS_SCREENSHOTS) await page.screenshot({path: docsImage('release-scheduled.png')})
  const client = lakeClient()
  expect(await client.fetch('*[_type == "newsArticle" && title == $articleTitle]', {articleTitle})).toEqual([])

  // Published by the backend's scheduler, with no browser involved, in one transaction.
  await page.close()
  await expect
    .poll(async () => (await client.releases.get({releaseId}))?.state, {timeout: at.getTime() - Date.now() + 20_000})
    .toBe('published')
  const release = await client.releases.get({releaseId})
  expect(Date.parse(release?.publishedAt ?? '')).toBeGreaterThanOrEqual(at.getTime())
  const published = await client.fetch<{_type: string; title: string; _rev: string}[]>(
    '*[(_id == "page-technician-commitment" || (_type == "newsArticle" && title == $articleTitle))]{_type, title, _rev}',
    {articleTitle},
  )
  expect(published.map(({title}) => title).sort()).toEqual([articleTitle, pageTitle].sort())
  expect(new Set(published.map(({_rev}) => _rev)).size).toBe(1)

  await withPublishedSite(async (outDir) => {
    expect(await pageText(outDir, '/technician-commitment')).toContain(pageTitle)
    expect(await pageText(outDir, articlePath)).toContain(articleTitle)
    expect(await pageText(outDir, '/news')).toContain(articleTitle)
  })
})

test('an editor schedules one draft with Scheduled Drafts, and it goes live on time', async ({page}) => {
  test.setTimeout(180_000)
  const title = `Open day confirmed ${String(Date.now())}`
  await page.goto('/structure')
  await writeNewsArticle(page, title)

  await chooseMenuItem(page, page.getByTestId('action-menu-button'), 'Schedule publish')
  const dialog = page.getByRole('dialog', {name: 'Schedule draft for publishing'})
  const at = publishTime()
  const when = dialog.getByRole('textbox', {name: /Publish on/})
  await when.fill(londonDateTime(at))
  await when.press('Tab')
  await dialog.getByRole('button', {name: 'Schedule'}).click()
  await expect(dialog).toBeHidden()

  const client = lakeClient()
  const publishedNow = () => client.fetch<string[]>('*[_type == "newsArticle" && title == $title].title', {title})
  expect(await publishedNow()).toEqual([])
  await expect.poll(publishedNow, {timeout: at.getTime() - Date.now() + 20_000}).toEqual([title])
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime())
  // The Studio shows it published.
  await expect(page.getByTestId('document-header-Published-chip')).toBeVisible()
})

test('an editor unschedules a release, and it does not go out', async ({page}) => {
  test.setTimeout(180_000)
  const stamp = String(Date.now())
  const releaseTitle = `Held back ${stamp}`
  const title = `Announcement on hold ${stamp}`
  const releaseId = await createRelease(page, releaseTitle)
  await writeNewsArticle(page, title)

  const at = publishTime()
  await scheduleRelease(page, releaseTitle, at)
  await page.getByRole('button', {name: 'Unschedule release'}).click()
  await page
    .getByRole('dialog', {name: 'Are you sure you want to unschedule the release?'})
    .getByRole('button', {name: 'Unschedule release'})
    .click()
  // It can be scheduled again.
  await expect(page.getByTestId('schedule-button')).toBeVisible()

  // Past the time it was scheduled for, it is still waiting, and the article is not on the site.
  await page.waitForTimeout(at.getTime() - Date.now() + 5_000)
  const client = lakeClient()
  expect((await client.releases.get({releaseId}))?.state).toBe('active')
  expect(await client.fetch('*[_type == "newsArticle" && title == $title]', {title})).toEqual([])
})
