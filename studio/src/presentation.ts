// Sanity's Presentation tool over the draft preview: where each document appears on the site
// (its "locations"), and which document a page of the site is about (its "main document").
// Addresses come from the site's own path helpers, so the Studio and the site agree.
import {SINGLETON_IDS} from '@itss/schemas'
import {isListSectionType, LIST_SECTIONS, listPartAt, listSectionItems} from '@itss/schemas/lists'
import {listPagePath, resolvePagePaths, SITE_SECTIONS, type PageNode} from '@itss/schemas/paths'
import {ROUTABLE_TYPES, SLUG_PATHS} from '@itss/schemas/redirects'
import {map} from 'rxjs'
import type {
  DocumentLocation,
  DocumentLocationResolver,
  DocumentLocationsState,
  DocumentResolver,
} from 'sanity/presentation'

/**
 * What the locations of a document of `type` are worked out from, read in the perspective the
 * editor is looking at (params: `id`, `type`). A type that list sections show also gets every
 * document of its type, in the site's order, to find the part of a page that shows this one.
 */
export function locationsQuery(type: string): string {
  const list = Object.values(LIST_SECTIONS).find(({listing}) => listing === type)
  return /* groq */ `{
  "homePageId": *[_id == "siteSettings"][0].homePage._ref,
  "pages": *[_type == "page"]{
    _id, title, "slug": slug.current, "parentId": parent._ref,
    "sections": body[]{_type, groups, kinds, "quoteId": quote._ref}
  },
  "document": *[_id == $id][0]{_type, "title": coalesce(title, name, question, text), "slug": slug.current, group, kind},
  "listed": ${list ? `*[_type == $type] | order(${list.order}){_id, group, kind}` : 'null'},
  "publications": *[_type == "publication" && references($id)]{title, "slug": slug.current}
}`
}

export interface SectionRef {
  _type: string
  groups?: string[] | null
  kinds?: string[] | null
  quoteId?: string | null
}

/** A document of the site, as far as where it shows decides. */
interface ListedDocument {
  _id: string
  group?: string | null
  kind?: string | null
}

export interface LocationsData {
  homePageId: string | null
  pages: Array<PageNode & {title: string | null; sections: SectionRef[] | null}>
  document: (ListedDocument & {_type: string; title: string | null; slug: string | null}) | null
  /** When the document is of a type that list sections show: every document of its type, in their order. */
  listed: ListedDocument[] | null
  /** Publications that reference the document (a team member as an author). */
  publications: Array<{title: string | null; slug: string | null}>
}

/** Which section of a page shows a document of a type, when that section shows it. */
const SECTION_SHOWS: Record<string, (section: SectionRef, id: string, document: ListedDocument) => boolean> = {
  faq: (section) => section._type === 'faqSection',
  teamMember: (section, _id, {group}) =>
    section._type === 'teamSection' && (section.groups ?? []).includes(group ?? ''),
  partner: (section, _id, {kind}) => section._type === 'partnerSection' && (section.kinds ?? []).includes(kind ?? ''),
  roadmapStage: (section) => section._type === 'roadmapSection',
  milestone: (section) => section._type === 'timelineSection',
  quote: (section, id) => section._type === 'quoteSection' && section.quoteId === id,
  publication: (section) => section._type === 'publicationsSection',
}

/** The site's own lists, where every document of a type with its own page is listed too. */
const LIST_PATHS: Record<string, string> = Object.fromEntries(
  (['newsArticle', 'publication', 'event', 'topic'] as const).map((type) => [
    type,
    SITE_SECTIONS.find(({path}) => SLUG_PATHS[type]('x').startsWith(path))?.path ?? '/',
  ]),
)

const singletons = new Set<string>(SINGLETON_IDS)
const routable = new Set<string>(ROUTABLE_TYPES)

/** Where a document appears on the site, page by page; none for a document the site does not show. */
export function siteLocations(id: string, data: LocationsData): DocumentLocationsState {
  const {document, pages, homePageId} = data
  if (!document) return {message: 'This document is not on the site yet.', tone: 'caution'}
  const paths = resolvePagePaths(pages, homePageId).paths
  /** A page, or the part of it that shows the document when a long list is cut into parts. */
  const pageLocation = (page: LocationsData['pages'][number], part = 1): DocumentLocation | undefined => {
    const path = paths.get(page._id)
    if (path === undefined) return undefined
    const title = page.title ?? path
    return {title: part > 1 ? `${title}, page ${String(part)}` : title, href: listPagePath(path, part)}
  }
  const partShowing = (section: SectionRef): number =>
    isListSectionType(section._type)
      ? listPartAt(
          section._type,
          listSectionItems(section, data.listed ?? []).findIndex((item) => item._id === id),
        )
      : 1
  const locations: DocumentLocation[] = []
  const add = (location: DocumentLocation | undefined) => {
    if (location && !locations.some(({href}) => href === location.href)) locations.push(location)
  }

  if (singletons.has(id)) {
    // The header and footer are on every page.
    for (const page of pages) add(pageLocation(page))
    for (const section of SITE_SECTIONS) add({title: section.title, href: section.path})
  } else if (document._type === 'page') {
    const page = pages.find((candidate) => candidate._id === id)
    if (page) add(pageLocation(page))
  } else if (routable.has(document._type) && document.slug) {
    add({
      title: document.title ?? document.slug,
      href: SLUG_PATHS[document._type as keyof typeof SLUG_PATHS](document.slug),
    })
  }
  const shows = SECTION_SHOWS[document._type]
  if (shows) {
    for (const page of pages) {
      for (const section of page.sections ?? [])
        if (shows(section, id, document)) add(pageLocation(page, partShowing(section)))
    }
  }
  const list = LIST_PATHS[document._type]
  if (list) add({title: SITE_SECTIONS.find(({path}) => path === list)?.title ?? list, href: list})
  for (const publication of data.publications) {
    if (publication.slug)
      add({title: publication.title ?? publication.slug, href: SLUG_PATHS.publication(publication.slug)})
  }
  return locations.length > 0
    ? {locations}
    : {message: 'This document is not shown on any page of the site.', tone: 'caution'}
}

/** Locations for every type, kept up to date as the editor changes the document or the pages. */
export const locations: DocumentLocationResolver = ({id, type, perspectiveStack}, {documentStore}) =>
  documentStore
    .listenQuery(locationsQuery(type), {id, type}, {perspective: perspectiveStack, tag: 'presentation-locations'})
    .pipe(map((data: LocationsData) => siteLocations(id, data)))

/**
 * A GROQ filter for the page at a site path: its slug, its parents' slugs, and a top-level
 * ancestor. A later part of a page's long lists (`/about-us/faqs/page/2/`) is that page.
 */
export function pageFilter(pathname: string): {filter: string; params: Record<string, string>} {
  const segments = pathname
    .replace(/(^|\/)page\/\d+\/?$/, '/')
    .split('/')
    .filter(Boolean)
    .reverse()
  if (segments.length === 0) return {filter: '_id == *[_id == "siteSettings"][0].homePage._ref', params: {}}
  const up = (depth: number) => 'parent->'.repeat(depth)
  const top = up(segments.length - 1)
  return {
    filter: [
      '_type == "page"',
      ...segments.map((_slug, depth) => `${up(depth)}slug.current == $s${String(depth)}`),
      // Its top page hangs from nothing or from the home page.
      `(!defined(${top}parent) || ${top}parent._ref == *[_id == "siteSettings"][0].homePage._ref)`,
    ].join(' && '),
    params: Object.fromEntries(segments.map((slug, depth) => [`s${String(depth)}`, slug])),
  }
}

/** The document each page of the site is about, for the panel beside the preview. */
export const mainDocuments: DocumentResolver[] = [
  ...Object.entries(SLUG_PATHS).map(([type, path]): DocumentResolver => ({
    route: path(':slug'),
    filter: `_type == "${type}" && slug.current == $slug`,
  })),
  {route: ['/', '/:path+'], resolve: ({path}) => pageFilter(path)},
]
