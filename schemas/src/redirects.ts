import {
  eventPath,
  newsArticlePath,
  publicationPath,
  RESERVED_PATHS,
  topicPath,
  resolvePagePaths,
  SEARCH_PATH,
} from './paths.ts'
import {RESERVED_SECTION_SLUGS} from './rules.ts'

/*
 * Redirects: an old address on this site that sends visitors on to a document or another
 * address. The schema, the Studio's Publish action and the build share these rules, so an
 * editor and the build agree on what an address is and where a document lives.
 */

/** Document types with a page of their own, which a redirect may point at. */
export const ROUTABLE_TYPES = ['page', 'newsArticle', 'publication', 'event', 'topic'] as const
export type RoutableType = (typeof ROUTABLE_TYPES)[number]

/** Where a document that is not a page lives, by its type and slug (pages sit under their parents: resolvePagePaths). */
export const SLUG_PATHS: Record<Exclude<RoutableType, 'page'>, (slug: string) => string> = {
  newsArticle: newsArticlePath,
  publication: publicationPath,
  event: eventPath,
  topic: topicPath,
}

/** Permanent redirects answer 301 (search engines move the old address's standing on), temporary ones 302. */
export const REDIRECT_KINDS = [
  {title: 'Permanent: the page has moved for good (301)', value: 'permanent', status: 301},
  {title: 'Temporary: the old address will be back (302)', value: 'temporary', status: 302},
] as const

/** The HTTP status a redirect kind answers with; permanent unless it says temporary. */
export const redirectStatus = (kind: string | null | undefined): 301 | 302 => (kind === 'temporary' ? 302 : 301)

/**
 * An old address as the site serves addresses: one leading slash, a trailing slash, no
 * doubled slashes (`about`, `/about`, `/about/` and `about//` are all `/about/`).
 */
export function normaliseRedirectSource(from: string): string {
  const segments = from.trim().split('/').filter(Boolean)
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`
}

/** Addresses the site's own lists and files use: `/news/page/2/`, `/events/past/`, `/search/a-z/`, `/pagefind/…`. */
const SITE_OWNED_PREFIXES = [
  SEARCH_PATH,
  ...RESERVED_SECTION_SLUGS.flatMap(({section, slugs}) => slugs.map((slug) => `${section}${slug}/`)),
  '/pagefind/',
]

/** True for an address the site's own lists or sections answer at, which no redirect may take over. */
export const isSiteOwnedPath = (path: string) =>
  (RESERVED_PATHS as readonly string[]).includes(path) || SITE_OWNED_PREFIXES.some((prefix) => path.startsWith(prefix))

export const REDIRECT_SOURCE_MESSAGE =
  'Give an address on this site, such as /old-page or /news/old-headline: no https://, no ? or #, and not a file such as /report.pdf.'

/**
 * Validates an old address for a Sanity `rule.custom` and the build: a path on this site that
 * names a page (not a file, a query or a fragment), and not the home page or one the site's
 * own lists use.
 */
export function checkRedirectSource(from: string | null | undefined): true | string {
  if (!from) return true
  const trimmed = from.trim()
  // Host rule files split on whitespace and treat `*` and `:name` as patterns.
  if (/^[a-z][a-z0-9+.-]*:|[\s?#*:\\]|^\/\/|(^|\/)\.\.?(\/|$)|(^|\/)[^/]+\.\w+\/?$|^\/?_/i.test(trimmed))
    return REDIRECT_SOURCE_MESSAGE
  const path = normaliseRedirectSource(trimmed)
  if (path === '/') return 'The home page cannot be redirected.'
  if (isSiteOwnedPath(path)) return `${path} is used by the site itself: choose another address.`
  return true
}

export const REDIRECT_ADDRESS_MESSAGE =
  'Give a path on this site, such as /about-us, or a full web address starting https:// or http://.'

/** Validates where a redirect sends visitors, when it is an address rather than a document. */
export function checkRedirectAddress(to: string | null | undefined): true | string {
  if (!to) return true
  const trimmed = to.trim()
  if (/^https?:\/\/[^\s/]+\S*$/i.test(trimmed)) return true
  if (/^\/(?!\/)[^\s]*$/.test(trimmed) && !/[*\\]/.test(trimmed)) return true
  return REDIRECT_ADDRESS_MESSAGE
}

/** A routable document as the Studio and the build read it: enough to give it its address. */
export interface RoutableDocument {
  _id: string
  _type: string
  slug: string | null
  parentId?: string | null
}

/**
 * What the Studio reads to know every published address: the home page and each routable
 * document's slug and parent (drafts excluded: only published pages answer visitors).
 */
export const PUBLISHED_ADDRESSES_QUERY = /* groq */ `{
  "homePageId": *[_id == "siteSettings"][0].homePage._ref,
  "documents": *[_type in $types && !(_id in path("drafts.**"))]{_id, _type, "slug": slug.current, "parentId": parent._ref}
}`
export const PUBLISHED_ADDRESSES_PARAMS = {types: [...ROUTABLE_TYPES]}
export interface PublishedAddresses {
  homePageId: string | null
  documents: RoutableDocument[]
}

/** The address of every routable document with a slug, by id; pages as resolvePagePaths gives them. */
export function routablePaths({homePageId, documents}: PublishedAddresses): Map<string, string> {
  const pages = documents.filter((doc) => doc._type === 'page').map((doc) => ({...doc, parentId: doc.parentId ?? null}))
  const paths = resolvePagePaths(pages, homePageId).paths
  for (const doc of documents) {
    const path = doc._type in SLUG_PATHS ? SLUG_PATHS[doc._type as keyof typeof SLUG_PATHS] : undefined
    if (path && doc.slug) paths.set(doc._id, path(doc.slug))
  }
  return paths
}
