import rss from '@astrojs/rss'
import type {APIRoute} from 'astro'
import {loadContent} from '../../lib/content.ts'
import {kindTitle, publicationPagePath, PUBLICATIONS_PATH} from '../../lib/publications.ts'
import {siteUrl} from '../../lib/siteUrl.ts'

/** Publications as an RSS feed, newest first: each with its address, date, summary and kind. */
export const GET: APIRoute = async ({site}) => {
  const content = await loadContent()
  const base = siteUrl(site)
  return rss({
    title: `Publications from the ${content.settings.name}`,
    description: `Research, reports and policy responses from the ${content.settings.name} (${content.settings.shortName ?? 'ITSS'}), newest first.`,
    site: new URL(PUBLICATIONS_PATH, base).href,
    trailingSlash: true,
    customData: '<language>en-gb</language>',
    items: content.site.publications.map((publication) => ({
      title: publication.title ?? '',
      link: new URL(publicationPagePath(publication), base).href,
      pubDate: new Date(`${publication.date ?? ''}T00:00:00Z`),
      description: publication.summary ?? '',
      categories: [
        kindTitle(publication.kind),
        ...(publication.topicIds ?? []).flatMap((id) => content.topicsById.get(id)?.title ?? []),
      ],
    })),
  })
}
