import {defineConfig} from '@playwright/test'
import {astroCommand, chromiumLaunchOptions} from '@itss/dev'

import {
  LAKE_HTTP_PORT,
  LAKE_HTTPS_PORT,
  lakeHttpUrl,
  lakePortArgs,
  PREVIEW_PORT,
  previewUrl,
  STUDIO_PORT,
  studioDataDir,
  studioUrl,
} from './e2e/studio/env.ts'

const PORT = Number(process.env.E2E_PORT ?? 4330)
/** The site at scale (e2e/scale/server.ts), two ports above the demo site (the draft preview has 4331). */
const SCALE_PORT = PORT + 2
if (SCALE_PORT === PREVIEW_PORT)
  throw new Error(`E2E_PORT ${String(PORT)} puts the site at scale on the draft preview's port`)
const webDir = new URL('../web/', import.meta.url).pathname
const repoDir = new URL('../', import.meta.url).pathname
// This Node, not whichever `node` is first on PATH (the system one may be too old for Astro).
const node = `"${process.execPath}"`
const astroBuild = astroCommand(['build'])

const studio = {
  timeout: 90_000,
  expect: {timeout: 15_000},
  use: {baseURL: studioUrl, ignoreHTTPSErrors: true, viewport: {width: 1400, height: 900}},
}

export default defineConfig({
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    // Debian's Chromium: Playwright cannot download browsers on these machines.
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      name: 'site',
      testDir: 'e2e',
      testIgnore: ['studio/**', 'scale/**'],
      use: {baseURL: `http://127.0.0.1:${PORT}`},
    },
    {
      // The site built from the benchmark's synthetic mix: long lists, every filter and topic.
      name: 'site-at-scale',
      testDir: 'e2e/scale',
      use: {baseURL: `http://127.0.0.1:${SCALE_PORT}`},
    },
    {
      // The real Sanity Studio against its own lake, seeded afresh from dataset/ each run.
      name: 'studio',
      testDir: 'e2e/studio',
      testIgnore: 'restart.spec.ts',
      ...studio,
    },
    {
      // Restarts the lake, so it runs alone, after every other Studio test.
      name: 'studio-restart',
      testDir: 'e2e/studio',
      testMatch: 'restart.spec.ts',
      dependencies: ['studio'],
      ...studio,
    },
  ],
  webServer: [
    // The site as a visitor gets it: built from the local content backend, then served.
    {
      command: `${astroBuild.shell} && ${node} ../scripts/dev/src/serveSite.ts --port ${PORT}`,
      cwd: webDir,
      url: `http://127.0.0.1:${PORT}/`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'pipe',
      env: astroBuild.env,
    },
    // The site at scale: a synthetic dataset in a lake of its own, built once, then served.
    {
      command: `${node} e2e/scale/server.ts --port ${SCALE_PORT}`,
      cwd: new URL('./', import.meta.url).pathname,
      url: `http://127.0.0.1:${SCALE_PORT}/`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'pipe',
      gracefulShutdown: {signal: 'SIGTERM', timeout: 5_000},
      env: astroBuild.env,
    },
    // The Studio tests' own lake, reseeded from dataset/ (they edit content and expect the demo
    // dataset as it is in git), then started on fixed ports. Never reused.
    {
      command: [
        `${node} scripts/lake/src/cli.ts reset --data-dir "${studioDataDir}"`,
        // exec: the lake takes the shell's place, so Playwright's SIGTERM reaches it directly.
        `exec ${node} scripts/lake/src/cli.ts start --data-dir "${studioDataDir}" ${lakePortArgs.join(' ')}`,
      ].join(' && '),
      cwd: repoDir,
      url: `${lakeHttpUrl}/v1/ping`,
      timeout: 120_000,
      reuseExistingServer: false,
      // SIGTERM lets the lake close cleanly (snapshot written, lake.json released).
      gracefulShutdown: {signal: 'SIGTERM', timeout: 5_000},
      stdout: 'pipe',
    },
    // A `sanity build` of the Studio pointed at that lake, with its Preview action pointed at
    // the draft-preview server below.
    {
      command: [
        `${node} scripts/dev/src/serveStudio.ts --data-dir "${studioDataDir}" --port ${STUDIO_PORT}`,
        `--lake-port ${LAKE_HTTP_PORT} --lake-https-port ${LAKE_HTTPS_PORT}`,
      ].join(' '),
      cwd: repoDir,
      url: `${studioUrl}/`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {DO_NOT_TRACK: '1', SANITY_TELEMETRY_DISABLED: '1', SANITY_STUDIO_PREVIEW_URL: previewUrl},
    },
    // The draft preview (`pnpm preview`) over the same lake.
    {
      command: `${node} scripts/dev/src/draftPreview.ts --port ${PREVIEW_PORT}`,
      cwd: repoDir,
      url: `http://127.0.0.1:${PREVIEW_PORT}/robots.txt`,
      timeout: 150_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {LAKE_DATA_DIR: studioDataDir},
    },
  ],
})
