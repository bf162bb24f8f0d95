import {createHash} from 'node:crypto'

import type {PageSectionType} from '@itss/schemas/vocabulary'
import type {Content, Section} from './content.ts'
import {listPart} from './listSections.ts'
import {personPublications, publicationFilters} from './publications.ts'

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

/** Keys matter only to an incremental build; any other build gets an empty one and skips the work. */
const incremental = () => Boolean(process.env.SITE_BUILD_CACHE)

/** Adds the page `id` names, if it names one: its title and address, and the pages above it (breadcrumbs). */
function addPage(content: Content, id: string, found: Map<string, unknown>): void {
  let page = content.pagesById.get(id)
  while (page && !found.has(page._id)) {
    found.set(page._id, [page.title, content.paths.get(page._id)])
    page = content.pagesById.get(page.parentId ?? '')
  }
}

/**
 * `value` ready to digest, with what it points at that shows with it added to `found`: each
 * image asset (`assetId`), for its address and size, and each page whose id it holds (a link,
 * a parent, a card). A document in it stands as its own digest (documentDigest).
 */
function reduce(content: Content, value: unknown, found: Map<string, unknown>): unknown {
  if (typeof value === 'string') addPage(content, value, found)
  if (!value || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => reduce(content, item, found))
  if ('_id' in value) return documentDigest(content, value)
  return reduceFields(content, value, found)
}

function reduceFields(content: Content, value: object, found: Map<string, unknown>): Record<string, unknown> {
  const reduced: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (key === 'assetId' && typeof item === 'string') found.set(item, content.imagesById.get(item) ?? null)
    reduced[key] = reduce(content, item, found)
  }
  return reduced
}

// Worked out once a build for each document: a publication shows on its page, in lists, on
// its topics' pages and beside its authors.
const documentDigests = new WeakMap<Content, WeakMap<object, string>>()

/** A document's digest: its fields, and the pages and images they point at. */
function documentDigest(content: Content, document: object): string {
  let known = documentDigests.get(content)
  if (!known) documentDigests.set(content, (known = new WeakMap()))
  let key = known.get(document)
  if (key === undefined) {
    const found = new Map<string, unknown>()
    key = digest([reduceFields(content, document, found), [...found]])
    known.set(document, key)
  }
  return key
}

function keyOf(content: Content, shown: unknown): string {
  const found = new Map<string, unknown>()
  return digest([reduce(content, shown, found), [...found]])
}

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
  return incremental() ? `${frameKey(content)}.${keyOf(content, shown)}` : ''
}

/** A file's cacheKey: its bytes. */
export const fileKey = (bytes: Uint8Array): string =>
  incremental() ? createHash('sha256').update(bytes).digest('base64url') : ''

/**
 * What each section type shows beyond its own fields on part `part` of its page, as its
 * component reads it. Typed over every section type, so a new one cannot be added without
 * saying what it shows.
 */
const sectionShows: {
  [K in PageSectionType]: (content: Content, section: Extract<Section, {_type: K}>, part: number) => unknown
} = {
  textSection: () => null,
  statsSection: () => null,
  commitmentsSection: () => null,
  videoSection: () => null,
  pageCardsSection: (content, section) => (section.pageIds ?? []).map((id) => content.pagesById.get(id) ?? null),
  timelineSection: (content, section, part) => listShown(content, section, part),
  faqSection: (content, section, part) => listShown(content, section, part),
  partnerSection: (content, section, part) => listShown(content, section, part),
  roadmapSection: (content, section, part) => listShown(content, section, part),
  quoteSection: (content, section) => content.site.quotes.find((quote) => quote._id === section.quoteId) ?? null,
  publicationsSection: (content, section) => content.site.publications.slice(0, section.count ?? 3),
  teamSection: (content, section, part) => {
    const {items, parts} = listPart(content, section, part)
    // Whether each group has anyone: a group with no members yet says so.
    const groups = (section.groups ?? []).map((group) => content.site.team.some((person) => person.group === group))
    return [
      groups,
      parts,
      items.map((person) => {
        const {shown, total, path} = personPublications(content, person)
        return {person, publications: shown.map(({_id, title, slug}) => [_id, title, slug]), total, path}
      }),
    ]
  },
}

/** A list section's part: its items, and how many parts there are, for the page links. */
function listShown(content: Content, section: Parameters<typeof listPart>[1], part: number): unknown {
  const {items, parts} = listPart(content, section, part)
  return [items, parts]
}

/** What a page's sections show beyond the page itself, on part `part` of the page. */
export const sectionsShow = (content: Content, sections: Section[] | null, part = 1): unknown[] =>
  (sections ?? []).map((section) =>
    (sectionShows[section._type] as (content: Content, section: Section, part: number) => unknown)(
      content,
      section,
      part,
    ),
  )

/**
 * What every page of the publications list shows beside its own publications: each filter in
 * its navigation, with its count (an author's list is not in it).
 */
export const publicationFiltersShown = (content: Content): unknown[] =>
  publicationFilters(content)
    .filter(({facet}) => facet !== 'Author')
    .map(({title, facet, path, publications}) => [title, facet, path, publications.length])
