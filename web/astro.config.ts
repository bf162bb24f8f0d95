import react from '@astrojs/react'
import {defineConfig} from 'astro/config'
import {contentBackend} from './src/integrations/contentBackend.ts'

// The public address the site is served from, for canonical links and the sitemap.
const site = process.env.SITE_URL ?? 'http://localhost:4321'

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'never',
  build: {format: 'file'},
  integrations: [contentBackend(), react()],
  image: {
    // Images are fetched from the content backend at build time and shipped with the site.
    remotePatterns: [{protocol: 'https', hostname: 'cdn.sanity.io'}, {hostname: 'localhost'}, {hostname: '127.0.0.1'}],
  },
})
