/** Where the site is served when SITE_URL is not set: the address `pnpm start` serves it on. */
export const DEFAULT_SITE_URL = 'http://localhost:4321'

/** The site's public address, as Astro was configured with it (astro.config.ts always sets one). */
export const siteUrl = (site: URL | undefined): URL => site ?? new URL(DEFAULT_SITE_URL)
