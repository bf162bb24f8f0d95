import react from '@astrojs/react'
import {defineConfig} from 'astro/config'
import {contentBackend} from './src/integrations/contentBackend.ts'
import {securityHeaders} from './src/integrations/securityHeaders.ts'

// The public address the site is served from, for canonical links and the sitemap.
const site = process.env.SITE_URL ?? 'http://localhost:4321'

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'never',
  // Stylesheets as files, never inline, so the CSP can allow styles from 'self' only.
  build: {format: 'file', inlineStylesheets: 'never'},
  integrations: [contentBackend(), securityHeaders(), react()],
  image: {
    // Images are fetched from the content backend at build time and shipped with the site.
    remotePatterns: [{protocol: 'https', hostname: 'cdn.sanity.io'}, {hostname: 'localhost'}, {hostname: '127.0.0.1'}],
  },
})
