import {decodeHTML} from 'entities'
import {EVENTS_PATH, NEWS_PATH, PUBLICATIONS_PATH, RESERVED_PATHS, SITE_SECTIONS, sectionPath} from './paths.ts'

/**
 * Content rules shared by the Studio's validation and the site's build-time checks,
 * so an editor and the build refuse the same things for the same reasons.
 */

/** Lowercase words joined by single hyphens: `about-us`, `faqs`, `talent-programme`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const ALLOWED_LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const

/**
 * The scheme a browser would see for an href, or null for a relative URL. Character
 * references are decoded (`&#106;avascript:` is `javascript:` once in an attribute), and
 * browsers drop ASCII whitespace and control characters anywhere in a scheme and ignore
 * case, so `" JaVa\tScript:"` is still `javascript:`.
 */
export function hrefScheme(href: string): string | null {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const squeezed = decodeHTML(href).replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)
  return match?.[1] ? match[1].toLowerCase() : null
}

/** True for http, https, mailto and tel links, and for relative paths and fragments. */
export function isAllowedHref(href: string): boolean {
  const scheme = hrefScheme(href)
  if (scheme === null) return !href.trim().startsWith('//') && href.trim() !== ''
  return (ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme)
}

export const LINK_SCHEME_MESSAGE =
  'Links may only start with http://, https://, mailto: or tel:, or be a path on this site such as /about-us.'

export const SLUG_MESSAGE = 'Use lowercase letters, numbers and single hyphens only, for example “meet-the-team”.'

export const SECTION_MESSAGE = `Choose one of the site's sections: ${SITE_SECTIONS.map((section) => section.title).join(', ')}.`

/** Validates a link's section (one of SITE_SECTIONS) for a Sanity `rule.custom`. */
export function checkSection(value: string | undefined): true | string {
  if (!value) return true
  return sectionPath(value) ? true : SECTION_MESSAGE
}

/** Validates an href value for a Sanity `rule.custom`. */
export function checkHref(value: string | undefined): true | string {
  if (value === undefined || value === '') return true
  return isAllowedHref(value) ? true : LINK_SCHEME_MESSAGE
}

/** Validates a slug value (`{current}`) for a Sanity `rule.custom`. */
export function checkSlug(value: {current?: string} | undefined): true | string {
  if (!value?.current) return true
  return SLUG_PATTERN.test(value.current) ? true : SLUG_MESSAGE
}

/** News addresses the site uses for itself: `/news/page/2/` is the second page of the list. */
export const RESERVED_NEWS_SLUGS = ['page'] as const

export const RESERVED_NEWS_SLUG_MESSAGE = `The addresses /news/${RESERVED_NEWS_SLUGS.join(', /news/')} are used by the news list: choose another.`

/** Validates a news article's slug (`{current}`) for a Sanity `rule.custom`: the slug rules, and not reserved. */
export function checkNewsSlug(value: {current?: string} | undefined): true | string {
  const slug = checkSlug(value)
  if (slug !== true) return slug
  return (RESERVED_NEWS_SLUGS as readonly string[]).includes(value?.current ?? '') ? RESERVED_NEWS_SLUG_MESSAGE : true
}

/** Event addresses the site uses for itself: `/events/past/` and `/events/upcoming/` list every past and upcoming event. */
export const RESERVED_EVENT_SLUGS = ['past', 'upcoming'] as const

export const RESERVED_EVENT_SLUG_MESSAGE = `The addresses /events/${RESERVED_EVENT_SLUGS.join(', /events/')} are used by the events lists: choose another.`

/** Validates an event's slug (`{current}`) for a Sanity `rule.custom`: the slug rules, and not reserved. */
export function checkEventSlug(value: {current?: string} | undefined): true | string {
  const slug = checkSlug(value)
  if (slug !== true) return slug
  return (RESERVED_EVENT_SLUGS as readonly string[]).includes(value?.current ?? '') ? RESERVED_EVENT_SLUG_MESSAGE : true
}

/** Top-level addresses the site keeps for its own sections (`/news/`, `/topics/`, `/search/`). */
export const RESERVED_PAGE_SLUGS = RESERVED_PATHS.map((path) => path.slice(1, -1))

/** The slug no page may take, at any level: `<page>/page/2/` is the second part of a page's long lists. */
export const PAGE_PARTS_SLUG = 'page'

export const PAGE_PARTS_SLUG_MESSAGE = `“${PAGE_PARTS_SLUG}” is kept for the later parts of a page's long lists (/about-us/faqs/${PAGE_PARTS_SLUG}/2/): choose another address.`

/**
 * Validates a page's slug (`{current}`) for a Sanity `rule.custom`: the slug rules, not
 * PAGE_PARTS_SLUG, and, for a page with no parent, not one of the site's own sections. (A
 * child of the home page is top-level too; the build refuses that case, naming the page.)
 */
export function checkPageSlug(value: {current?: string} | undefined, hasParent: boolean): true | string {
  const slug = checkSlug(value)
  if (slug !== true) return slug
  const current = value?.current ?? ''
  if (current === PAGE_PARTS_SLUG) return PAGE_PARTS_SLUG_MESSAGE
  return !hasParent && RESERVED_PAGE_SLUGS.includes(current)
    ? `/${current}/ is the site's own ${current} section: choose another address.`
    : true
}

/** A DOI as written after `https://doi.org/`: `10.`, a 4 to 9 digit registrant code, `/`, a suffix. */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/i

/** Validates a DOI for a Sanity `rule.custom` and the build: the bare DOI, with no resolver prefix. */
export function checkDoi(value: string | undefined | null): true | string {
  if (!value) return true
  if (/^(https?:\/\/)?(dx\.)?doi\.org\//i.test(value.trim()) || /^doi:/i.test(value.trim()))
    return `Give the DOI without “https://doi.org/” or “doi:”, for example 10.1234/abcd.5678.`
  return DOI_PATTERN.test(value)
    ? true
    : 'A DOI starts “10.”, then 4 to 9 digits, a slash and the rest, for example 10.1234/abcd.5678.'
}

/** Publication addresses the site uses for itself: its list's pages, filters and feed. */
export const RESERVED_PUBLICATION_SLUGS = ['page', 'kind', 'topic', 'year', 'files'] as const

export const RESERVED_PUBLICATION_SLUG_MESSAGE = `The addresses /publications/${RESERVED_PUBLICATION_SLUGS.join(', /publications/')} are used by the publications list: choose another.`

/** Validates a publication's slug (`{current}`) for a Sanity `rule.custom`: the slug rules, and not reserved. */
export function checkPublicationSlug(value: {current?: string} | undefined): true | string {
  const slug = checkSlug(value)
  if (slug !== true) return slug
  return (RESERVED_PUBLICATION_SLUGS as readonly string[]).includes(value?.current ?? '')
    ? RESERVED_PUBLICATION_SLUG_MESSAGE
    : true
}

export const DOCUMENT_OR_URL_MESSAGE = 'Upload the PDF or give the address where the publication can be read (or both).'

/** Each section's reserved slugs by the section's address, for whatever must know them all (redirects). */
export const RESERVED_SECTION_SLUGS = [
  {section: NEWS_PATH, slugs: RESERVED_NEWS_SLUGS},
  {section: PUBLICATIONS_PATH, slugs: RESERVED_PUBLICATION_SLUGS},
  {section: EVENTS_PATH, slugs: RESERVED_EVENT_SLUGS},
] as const
