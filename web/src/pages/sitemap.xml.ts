import type {APIRoute} from 'astro'
import {loadContent} from '../lib/content.ts'

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({'<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;'})[c] ?? c)

/** Every published page that may be indexed; pages marked “Hide from search engines” are left out. */
export const GET: APIRoute = async ({site}) => {
  const content = await loadContent()
  const urls = content.site.pages
    .filter((page) => !page.seo?.noIndex)
    .map((page) => new URL(content.paths.get(page._id) ?? '/', site).href)
    .sort()
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n')
  return new Response(body, {headers: {'Content-Type': 'application/xml'}})
}
