// A logged-in Studio page that records every failed call to the lake; each test ends by
// checking there were none, so a missing or broken endpoint fails the test that hit it.
import {readFileSync} from 'node:fs'
import path from 'node:path'

import {expect, test as base, type Page} from '@playwright/test'

import {lakeBrowserOrigin, lakeHttpUrl, PROJECT_ID, studioDataDir} from './env.ts'

export const editorToken = () => readFileSync(path.join(studioDataDir, 'token'), 'utf8').trim()

export const test = base.extend<{backendFailures: string[]}>({
  backendFailures: [
    async ({page}, use) => {
      const failures: string[] = []
      const isLake = (url: string) => url.startsWith(lakeBrowserOrigin) || url.startsWith(lakeHttpUrl)
      page.on('requestfailed', (request) => {
        const error = request.failure()?.errorText ?? ''
        // The Studio cancels its own requests and event streams as panes close: not a failure.
        if (isLake(request.url()) && error !== 'net::ERR_ABORTED') failures.push(`${request.url()}: ${error}`)
      })
      page.on('response', (response) => {
        if (isLake(response.url()) && response.status() >= 400) {
          failures.push(`${response.request().method()} ${response.url()}: ${response.status()}`)
        }
      })
      await use(failures)
      expect(failures, 'failed requests to the lake').toEqual([])
    },
    {auto: true},
  ],
  page: async ({page}, use) => {
    // Logged in as the lake's editor: the Studio reads its token from localStorage.
    await page.addInitScript(({key, token}) => window.localStorage.setItem(key, JSON.stringify({token})), {
      key: `__studio_auth_token_${PROJECT_ID}`,
      token: editorToken(),
    })
    await use(page)
  },
})

export {expect}

/** The Studio's first pane, the content menu. */
export const contentPane = (page: Page) => page.locator('[data-testid="structure-tool-list-pane"]').first()

/** Opens a document through the menus, as an editor would: section, then the item. */
export async function openDocument(page: Page, section: string, item: RegExp | string): Promise<void> {
  await page.goto('/structure')
  await contentPane(page).getByRole('link', {name: section, exact: true}).click()
  await page.getByRole('link', {name: item}).first().click()
}
