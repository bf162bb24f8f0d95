// Logged-in Studio pages that record every failed call to the lake and every request that
// would leave this machine; each test ends by checking there were none, so a missing endpoint
// or a call to Sanity's hosted services fails the test that made it.
import {readFileSync} from 'node:fs'
import path from 'node:path'

import {publishSite, serveSite} from '@itss/dev'
import {projectEnv} from '@itss/lake'
import {clientFor} from '@itss/lake/testing'
import {expect, test as base, type BrowserContext, type Locator, type Page} from '@playwright/test'

import {buildSite, removeDir, tempDir} from '../../src/site.ts'
import {lakeBrowserOrigin, lakeHttpUrl, PROJECT_ID, studioDataDir} from './env.ts'

export const editorToken = () => readFileSync(path.join(studioDataDir, 'token'), 'utf8').trim()

/** What the tests' lake holds, read as any other client would read it. */
export const lakeClient = () => clientFor({httpUrl: lakeHttpUrl, projectId: PROJECT_ID, token: editorToken()})

interface Network {
  /** Failed calls to the lake and requests to anywhere but this machine, so far. */
  problems: string[]
  /** Runs `during` with failed calls to the lake expected (the lake is down on purpose). */
  excuseLakeFailures<T>(during: () => Promise<T>): Promise<T>
  /** Whether such a run is under way. */
  excused(): boolean
}

const isLake = (url: string) => url.startsWith(lakeBrowserOrigin) || url.startsWith(lakeHttpUrl)
const leavesMachine = (url: string) => {
  const {protocol, hostname} = new URL(url)
  return /^(https?|wss?):$/.test(protocol) && !/^(localhost|.+\.localhost|127\.0\.0\.1|\[::1\])$/.test(hostname)
}

/** Logs a browser context in as the lake's editor (the Studio reads its token from localStorage) and watches it. */
async function prepare(context: BrowserContext, network: Network): Promise<void> {
  await context.addInitScript(({key, token}) => window.localStorage.setItem(key, JSON.stringify({token})), {
    key: `__studio_auth_token_${PROJECT_ID}`,
    token: editorToken(),
  })
  context.on('request', (request) => {
    if (leavesMachine(request.url())) network.problems.push(`left this machine: ${request.method()} ${request.url()}`)
  })
  context.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? ''
    // The Studio cancels its own requests and event streams as panes close: not a failure.
    if (isLake(request.url()) && error !== 'net::ERR_ABORTED' && !network.excused()) {
      network.problems.push(`${request.url()}: ${error}`)
    }
  })
  context.on('response', (response) => {
    if (isLake(response.url()) && response.status() >= 400 && !network.excused()) {
      network.problems.push(`${response.request().method()} ${response.url()}: ${response.status()}`)
    }
  })
}

export const test = base.extend<{
  network: Network
  /** Another logged-in editor's page, in a browser context of its own. */
  newEditorPage: () => Promise<Page>
}>({
  network: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      let excusing = 0
      const network = {
        problems: [] as string[],
        excused: () => excusing > 0,
        async excuseLakeFailures<T>(during: () => Promise<T>): Promise<T> {
          excusing++
          try {
            return await during()
          } finally {
            excusing--
          }
        },
      }
      await use(network)
      expect(network.problems, 'failed requests to the lake, or requests that left this machine').toEqual([])
    },
    {auto: true},
  ],
  page: async ({page, network}, use) => {
    await prepare(page.context(), network)
    await use(page)
  },
  newEditorPage: async ({browser, baseURL, ignoreHTTPSErrors, viewport, network}, use) => {
    const contexts: BrowserContext[] = []
    await use(async () => {
      const context = await browser.newContext({
        ...(baseURL === undefined ? {} : {baseURL}),
        ignoreHTTPSErrors,
        viewport,
      })
      contexts.push(context)
      await prepare(context, network)
      return context.newPage()
    })
    for (const context of contexts) await context.close()
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

/**
 * Opens a menu and chooses one of its items. While the Studio is still loading, a re-render can
 * close a menu just opened (an editor sees it flicker shut and clicks again), or show the item
 * disabled until its permissions are known; so open it again until the item can be chosen.
 */
export async function chooseMenuItem(page: Page, menuButton: Locator, item: string): Promise<void> {
  const menuItem = page.getByRole('menuitem', {name: item})
  await expect(async () => {
    if (!(await menuItem.isVisible())) await menuButton.click()
    await expect(menuItem).toBeEnabled({timeout: 2_000})
    await menuItem.click({timeout: 2_000})
  }).toPass({timeout: 30_000})
}

/**
 * Types `text` into a rich-text field in place of what it holds, as an editor does: click, select
 * all, type. Keys typed while the editor is still starting up are lost, so type again until the
 * field holds exactly the text.
 */
export async function replaceText(page: Page, editor: Locator, text: string): Promise<void> {
  await expect(async () => {
    await editor.click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(text)
    await expect(editor).toHaveText(text, {timeout: 2_000})
  }).toPass({timeout: 30_000})
}

/** A field's error icon shows its message on hover (the icon may re-render, so hover again). */
export async function expectTooltip(page: Page, icon: Locator, message: string): Promise<void> {
  await expect(async () => {
    await icon.hover()
    await expect(page.getByText(message).filter({visible: true})).not.toHaveCount(0, {timeout: 2_000})
  }).toPass({timeout: 20_000})
}

/** Waits until every change reached the lake and came back through the listener. */
export async function expectSaved(page: Page): Promise<void> {
  const footer = page.getByTestId('pane-footer')
  await expect(footer).toContainText('Saved')
  await expect(footer).not.toContainText('Saving')
}

/** Publishes the open document and waits until the Studio shows it published. */
export async function publish(page: Page): Promise<void> {
  const button = page.getByTestId('action-publish')
  await expect(button).toBeEnabled()
  await button.click()
  await expect(button).toBeDisabled()
  await expect(page.getByTestId('document-header-Published-chip')).toBeVisible()
}

/**
 * Builds the site from what is published in the tests' lake, the way a Sanity project is
 * built, and hands the output folder to `check`; the folder is removed afterwards. `env` adds
 * to the build's environment, for example BUILD_NOW, so a result does not depend on today's date.
 */
export async function withPublishedSite<T>(
  check: (outDir: string) => Promise<T>,
  env: Record<string, string> = {},
): Promise<T> {
  const outDir = await tempDir('studio-build')
  try {
    const build = await buildSite(outDir, {
      ...projectEnv({projectId: PROJECT_ID, token: editorToken(), httpUrl: lakeHttpUrl}),
      ...env,
    })
    expect(build.code, build.output).toBe(0)
    return await check(outDir)
  } finally {
    await removeDir(outDir)
  }
}

/**
 * The published site as `pnpm start` serves it from the tests' lake: built, served, and built
 * again (incrementally) after each publish. `use` gets its address once the first build is up.
 */
export async function withServedSite<T>(use: (siteUrl: string) => Promise<T>): Promise<T> {
  const workDir = await tempDir('studio-served')
  const lake = {projectId: PROJECT_ID, token: editorToken(), httpUrl: lakeHttpUrl}
  const site = publishSite({
    lake,
    workDir,
    env: projectEnv(lake),
    log: () => undefined,
    warn: (line) => {
      console.warn(line)
    },
  })
  try {
    await site.firstBuild
    const server = await serveSite(site.root, 0)
    try {
      return await use(server.url)
    } finally {
      server.close()
    }
  } finally {
    await site.close()
    await removeDir(workDir)
  }
}
