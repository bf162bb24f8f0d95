// How the browser tests and the benchmark launch Chromium (Playwright's launch options).
import {DEBIAN_CHROMIUM} from './prerequisites.ts'

/** Debian's Chromium, or CHROMIUM_PATH: Playwright cannot download browsers on these machines. */
export function chromiumLaunchOptions(env: {CHROMIUM_PATH?: string | undefined} = process.env) {
  return {
    executablePath: env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM,
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
}
