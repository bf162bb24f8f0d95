import rss from '@astrojs/rss'
import type {APIRoute} from 'astro'
import {loadContent} from '../../lib/content.ts'
import {articlePath, NEWS_PATH} from '../../lib/news.ts'
import {siteUrl} from '../../lib/siteUrl.ts'

/** The news as an RSS feed, newest first: every article with its address, date and summary. */
export const GET: APIRoute = async ({site}) => {
  const content = await loadContent()
  const base = siteUrl(site)
  return rss({
    title: `News from the ${content.settings.name}`,
    description: `News from the ${content.settings.name} (${content.settings.shortName ?? 'ITSS'}), newest first.`,
    site: new URL(NEWS_PATH, base).href,
    trailingSlash: true,
    customData: '<language>en-gb</language>',
    items: content.site.news.map((article) => ({
      title: article.title ?? '',
      link: new URL(articlePath(article), base).href,
      pubDate: new Date(`${article.date ?? ''}T00:00:00Z`),
      description: article.summary ?? '',
      categories: (article.topicIds ?? []).flatMap((id) => content.topicsById.get(id)?.title ?? []),
    })),
  })
}
