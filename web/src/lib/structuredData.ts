import {toPlainText} from '@portabletext/toolkit'
import type {Content, Crumb, Faq, NewsArticle, Publication} from './content.ts'

/*
 * schema.org descriptions of the organisation, the site, FAQs and breadcrumbs, built from
 * the same content the pages show, so search engines never read something visitors don't.
 */

type Thing = Record<string, unknown>

const absolute = (site: URL, path: string) => new URL(path, site).href

export function organisation(content: Content, site: URL): Thing {
  const {settings} = content
  const funders = content.site.partners.filter((partner) => partner.kind === 'funder')
  return {
    '@context': 'https://schema.org',
    '@type': 'ResearchOrganization',
    '@id': `${absolute(site, '/')}#organisation`,
    name: settings.name,
    alternateName: settings.shortName,
    description: settings.description,
    url: absolute(site, '/'),
    email: settings.contactEmail,
    funder: funders.map((funder) => ({'@type': 'Organization', name: funder.name, url: funder.url ?? undefined})),
  }
}

export function website(content: Content, site: URL): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: content.settings.name,
    url: absolute(site, '/'),
    inLanguage: 'en-GB',
    publisher: {'@id': `${absolute(site, '/')}#organisation`},
  }
}

/** The questions a page shows, as schema.org's FAQPage. */
export function faqPage(faqs: Faq[]): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: faqs.map((faq) => ({
      '@type': 'Question',
      name: faq.question,
      acceptedAnswer: {'@type': 'Answer', text: toPlainText((faq.answer ?? []) as Parameters<typeof toPlainText>[0])},
    })),
  }
}

export function breadcrumbs(site: URL, trail: Crumb[], current: Crumb): Thing {
  const items = [...trail, current]
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.title,
      item: absolute(site, item.path),
    })),
  }
}

/**
 * A news article: what it says and when, who published it, and its image where it has one.
 * `dateModified` is given only when its editors say it was updated after its date.
 */
export function newsArticle(
  content: Content,
  site: URL,
  article: NewsArticle,
  {path, imageUrl, modified}: {path: string; imageUrl?: string | undefined; modified?: string | undefined},
): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    datePublished: article.date,
    ...(modified ? {dateModified: modified} : {}),
    ...(imageUrl ? {image: [imageUrl]} : {}),
    url: absolute(site, path),
    mainEntityOfPage: absolute(site, path),
    inLanguage: 'en-GB',
    publisher: {
      '@type': 'ResearchOrganization',
      '@id': `${absolute(site, '/')}#organisation`,
      name: content.settings.name,
      url: absolute(site, '/'),
    },
  }
}

/**
 * A publication: a ScholarlyArticle for a research paper, otherwise a Report, with its
 * authors, date, publisher and DOI.
 */
export function publicationData(
  content: Content,
  site: URL,
  publication: Publication,
  {
    path,
    authors,
    imageUrl,
  }: {path: string; authors: Array<{name: string; href?: string | undefined}>; imageUrl?: string | undefined},
): Thing {
  const publisher = {
    '@type': 'ResearchOrganization',
    '@id': `${absolute(site, '/')}#organisation`,
    name: content.settings.name,
    url: absolute(site, '/'),
  }
  return {
    '@context': 'https://schema.org',
    '@type': publication.kind === 'research-paper' ? 'ScholarlyArticle' : 'Report',
    ...(publication.kind === 'research-paper' ? {headline: publication.title} : {}),
    name: publication.title,
    description: publication.summary,
    datePublished: publication.date,
    url: absolute(site, path),
    mainEntityOfPage: absolute(site, path),
    inLanguage: 'en-GB',
    author:
      authors.length > 0
        ? authors.map((author) => ({
            '@type': 'Person',
            name: author.name,
            ...(author.href ? {url: absolute(site, author.href)} : {}),
          }))
        : [publisher],
    publisher,
    ...(imageUrl ? {image: [imageUrl]} : {}),
    ...(publication.doi
      ? {
          identifier: {'@type': 'PropertyValue', propertyID: 'DOI', value: publication.doi},
          sameAs: `https://doi.org/${publication.doi}`,
        }
      : {}),
  }
}

/** JSON for a script element: `<`, `>`, `&` and line separators escaped so no content can end the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
