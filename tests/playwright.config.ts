import {defineConfig} from '@playwright/test'

const PORT = 4330
const webDir = new URL('../web/', import.meta.url).pathname
// This Node, not whichever `node` is first on PATH (the system one may be too old for Astro).
const astro = `"${process.execPath}" node_modules/astro/bin/astro.mjs`

/** Debian's Chromium: Playwright cannot download browsers on these machines. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Nothing but this machine: a request to anywhere else fails at once instead of hanging.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost, EXCLUDE 127.0.0.1',
  ],
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
  },
  // The site as a visitor gets it: built from the local content backend, then served.
  webServer: {
    command: `${astro} build && ${astro} preview --host 127.0.0.1 --port ${PORT}`,
    cwd: webDir,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    env: {ASTRO_TELEMETRY_DISABLED: '1'},
  },
})
