import type {APIRoute} from 'astro'
import {loadContent} from '../lib/content.ts'
import {publicationEntries} from '../lib/publications.ts'
import {
  EVENTS_PATH,
  eventPagePath,
  lastChangedEvents,
  pastEventPages,
  pastEventsListPath,
  upcomingListPages,
  upcomingEventsListPath,
} from '../lib/events.ts'
import {pageParts, pagePartPath} from '../lib/listSections.ts'
import {pagesIndex, pagesIndexPath} from '../lib/pagesIndex.ts'
import {articlePath, articlesOn, lastChanged, newsListPath, newsPages, TOPICS_PATH, topicPagePath} from '../lib/news.ts'

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({'<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;'})[c] ?? c)

interface Entry {
  path: string
  /** When the page's content last changed (YYYY-MM-DD), where known. */
  lastmod?: string | undefined
}

/**
 * Every published page that may be indexed; pages marked “Hide from search engines” are left
 * out. News, its list pages and topic pages say when they last changed: the newest date or
 * editor's update of the articles they show (never a document's last save, which a rebuild of
 * the same content would change).
 */
export const GET: APIRoute = async ({site}) => {
  const content = await loadContent()
  const {news, topics} = content.site
  const entries: Entry[] = [
    ...content.site.pages
      .filter((page) => !page.seo?.noIndex)
      .flatMap((page) =>
        Array.from({length: pageParts(content, page)}, (_, i) => ({
          path: pagePartPath(content.paths.get(page._id) ?? '/', i + 1),
        })),
      ),
    ...pagesIndex(content).pages.map((_, i) => ({path: pagesIndexPath(i + 1)})),
    ...newsPages(content).map((articles, i) => ({path: newsListPath(i + 1), lastmod: lastChanged(articles)})),
    ...news.map((article) => ({path: articlePath(article), lastmod: lastChanged([article])})),
    {path: TOPICS_PATH, lastmod: lastChanged(news.filter((article) => (article.topicIds ?? []).length > 0))},
    ...topics.map((topic) => ({path: topicPagePath(topic), lastmod: lastChanged(articlesOn(content, topic))})),
    ...publicationEntries(content),
    {path: EVENTS_PATH, lastmod: lastChangedEvents(content.site.events)},
    ...pastEventPages(content).map((events, i) => ({
      path: pastEventsListPath(i + 1),
      lastmod: lastChangedEvents(events),
    })),
    ...upcomingListPages(content).map((events, i) => ({
      path: upcomingEventsListPath(i + 1),
      lastmod: lastChangedEvents(events),
    })),
    ...content.site.events.map((event) => ({path: eventPagePath(event), lastmod: lastChangedEvents([event])})),
  ]
  const urls = entries
    .map((entry) => ({...entry, url: new URL(entry.path, site).href}))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map(
      ({url, lastmod}) =>
        `  <url><loc>${escapeXml(url)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n')
  return new Response(body, {headers: {'Content-Type': 'application/xml'}})
}
