import {createHash} from 'node:crypto'

import type {PageSectionType} from '@itss/schemas/vocabulary'
import type {Content, Section} from './content.ts'
import {BUILD_NOW} from './events.ts'
import {publicationFilters, publicationsBy} from './publications.ts'

/*
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and
 * code are the same as in the last build is copied from that build instead of rendered. A key
 * is a digest of what the page shows: the frame every page shares (menu, footer, settings),
 * and the documents and computed lists the page renders, handed in by its getStaticPaths as
 * the page's template reads them, with the images and pages they point at. Astro adds a hash
 * of the page's code (and drops every key when the config or the lockfile changes), so a
 * change of code re-renders what it affects.
 */

const digest = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32)

/**
 * What a value points at that shows with it: each image asset (`assetId`), for its address
 * and size, and each page whose id it holds (a link, a parent, a card), for that page's
 * title and address and the titles above it (breadcrumbs).
 */
function referencesIn(content: Content, value: unknown, found = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof value === 'string') {
    let page = content.pagesById.get(value)
    while (page && !found.has(page._id)) {
      found.set(page._id, [page.title, content.paths.get(page._id)])
      page = content.pagesById.get(page.parentId ?? '')
    }
  } else if (Array.isArray(value)) {
    for (const item of value) referencesIn(content, item, found)
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'assetId' && typeof item === 'string') found.set(item, content.imagesById.get(item) ?? null)
      else referencesIn(content, item, found)
    }
  }
  return found
}

const keyOf = (content: Content, shown: unknown) => digest([shown, [...referencesIn(content, shown)]])

const frames = new WeakMap<Content, string>()

/**
 * What every page's frame shows: the settings (name, footer links, sharing image, home page),
 * the menu, the footer's year, and whether drafts are showing.
 */
function frameKey(content: Content): string {
  let key = frames.get(content)
  if (!key) {
    key = keyOf(content, {
      settings: content.settings,
      navigation: content.site.navigation,
      year: new Date().getFullYear(),
      draft: [content.isDraftPreview, content.previewRelease],
    })
    frames.set(content, key)
  }
  return key
}

/** A page's cacheKey: the frame, and everything `shown` holds, with the images and pages it points at. */
export function pageKey(content: Content, shown: unknown): string {
  return `${frameKey(content)}.${keyOf(content, shown)}`
}

/** A file's cacheKey: its bytes. */
export const fileKey = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64url')

/** The moment the build counts as now, for what it decides (upcoming or past, a calendar's stamp). */
export const nowKey = () => BUILD_NOW.toISOString()

/**
 * What each section type shows beyond its own fields, as its component reads it. Typed over
 * every section type, so a new one cannot be added without saying what it shows.
 */
const sectionShows: {[K in PageSectionType]: (content: Content, section: Extract<Section, {_type: K}>) => unknown} = {
  textSection: () => null,
  statsSection: () => null,
  commitmentsSection: () => null,
  videoSection: () => null,
  pageCardsSection: (content, section) => (section.pageIds ?? []).map((id) => content.pagesById.get(id) ?? null),
  timelineSection: (content) => content.site.milestones,
  faqSection: (content) => content.site.faqs,
  partnerSection: (content) => content.site.partners,
  roadmapSection: (content) => content.site.roadmap,
  quoteSection: (content, section) => content.site.quotes.find((quote) => quote._id === section.quoteId) ?? null,
  publicationsSection: (content, section) => content.site.publications.slice(0, section.count ?? 3),
  teamSection: (content, section) =>
    content.site.team
      .filter((person) => person.group && section.groups?.includes(person.group))
      .map((person) => ({
        person,
        publications: publicationsBy(content, person).map(({_id, title, slug}) => [_id, title, slug]),
      })),
}

/** What a page's sections show beyond the page itself. */
export const sectionsShow = (content: Content, sections: Section[] | null): unknown[] =>
  (sections ?? []).map((section) =>
    (sectionShows[section._type] as (content: Content, section: Section) => unknown)(content, section),
  )

/** What every page of the publications list shows beside its own publications: each filter, with its count. */
export const publicationFiltersShown = (content: Content): unknown[] =>
  publicationFilters(content).map(({title, facet, path, publications}) => [title, facet, path, publications.length])
