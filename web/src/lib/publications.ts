import {formatDay} from '@itss/schemas/dates'
import {
  publicationAuthorPath,
  publicationKindPath,
  publicationListPath,
  publicationPath,
  PUBLICATIONS_PATH,
  publicationTopicPath,
  publicationYearPath,
} from '@itss/schemas/paths'
import {PUBLICATION_KINDS} from '@itss/schemas/vocabulary'
import type {Content, Crumb, Publication, Section, TeamMember, Topic} from './content.ts'
import {describeDownload} from './pdf.ts'
import {partShowing, pagePartPath} from './listSections.ts'
import {inPages} from './paging.ts'

/*
 * Publications as the site shows them: addresses, the list and its filters cut into pages,
 * authors and citations, and the download. checkContent has already refused publications
 * without an address, a date, a kind or a document, and references to anything unpublished.
 */

export const PUBLICATIONS_PER_PAGE = 10
export {PUBLICATIONS_PATH, publicationListPath}

export const publicationPagePath = (publication: Publication) => publicationPath(publication.slug ?? '')
export const publicationDate = (publication: Publication) => formatDay(publication.date ?? '')
export const publicationYear = (publication: Publication) => (publication.date ?? '').slice(0, 4)
export const kindTitle = (kind: string | null | undefined) =>
  PUBLICATION_KINDS.find((k) => k.value === kind)?.title ?? 'Publication'

/** Publications cut into pages, in the order given (newest first); always at least one page. */
export function publicationPages(publications: Publication[]): Publication[][] {
  return inPages(publications, PUBLICATIONS_PER_PAGE)
}

/** A filtered list of publications: its title, address, and the publications in it. */
export interface PublicationFilter {
  title: string
  /**
   * What the filter is, for headings and the filter navigation: “Kind”, “Topic”, “Year”. An
   * “Author” list is reached from its team member, not from the navigation.
   */
  facet: 'Kind' | 'Topic' | 'Year' | 'Author'
  path: string
  publications: Publication[]
}

// Every listing page shows every filter: worked out once per build's content, not once per page.
const filtersOf = new WeakMap<Content, PublicationFilter[]>()

/** A filtered list's heading: “Publications: Research paper”, “Publications by Kelly Vere”. */
export const filterHeading = (filter: PublicationFilter) =>
  filter.facet === 'Author' ? `Publications by ${filter.title}` : `Publications: ${filter.title}`

/** Every filter that lists at least one publication: by kind, topic, year and author. */
export function publicationFilters(content: Content): PublicationFilter[] {
  let filters = filtersOf.get(content)
  if (!filters) {
    filters = findFilters(content)
    filtersOf.set(content, filters)
  }
  return filters
}

function findFilters(content: Content): PublicationFilter[] {
  const all = content.site.publications
  const kinds = PUBLICATION_KINDS.map((kind) => ({
    title: kind.title,
    facet: 'Kind' as const,
    path: publicationKindPath(kind.value),
    publications: all.filter((publication) => publication.kind === kind.value),
  }))
  const topics = content.site.topics.map((topic) => ({
    title: topic.title ?? '',
    facet: 'Topic' as const,
    path: publicationTopicPath(topic.slug ?? ''),
    publications: publicationsOn(content, topic),
  }))
  const years = [...new Set(all.map(publicationYear))].sort().reverse()
  const byYear = years.map((year) => ({
    title: year,
    facet: 'Year' as const,
    path: publicationYearPath(year),
    publications: all.filter((publication) => publicationYear(publication) === year),
  }))
  const slugs = authorSlugs(content)
  const authors = content.site.team.map((person) => ({
    title: person.name ?? '',
    facet: 'Author' as const,
    path: publicationAuthorPath(slugs.get(person._id) ?? person._id),
    publications: publicationsBy(content, person),
  }))
  return [...kinds, ...topics, ...byYear, ...authors].filter((filter) => filter.publications.length > 0)
}

// Worked out once per build's content: each team section's entries and each author's list use them.
const authorSlugsOf = new WeakMap<Content, Map<string, string>>()

/** Each team member's part of an address, from their name, made unique in the team's order. */
function authorSlugs(content: Content): Map<string, string> {
  const known = authorSlugsOf.get(content)
  if (known) return known
  const slugs = new Map<string, string>()
  authorSlugsOf.set(content, slugs)
  const taken = new Set<string>()
  for (const person of content.site.team) {
    const base =
      (person.name ?? '')
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || person._id
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${String(n)}`
    taken.add(slug)
    slugs.set(person._id, slug)
  }
  return slugs
}

/** How many of a team member's publications the team section lists; the rest are a link away. */
export const PUBLICATIONS_PER_PERSON = 3

/** A team member's newest publications, how many they wrote, and the list of them all. */
export function personPublications(
  content: Content,
  person: TeamMember,
): {shown: Publication[]; total: number; path: string | undefined} {
  const all = publicationsBy(content, person)
  const path = all.length > 0 ? publicationAuthorPath(authorSlugs(content).get(person._id) ?? person._id) : undefined
  return {shown: all.slice(0, PUBLICATIONS_PER_PERSON), total: all.length, path}
}

/** Publications filed under a topic, newest first. */
export const publicationsOn = (content: Content, topic: Topic): Publication[] =>
  content.site.publications.filter((publication) => publication.topicIds?.includes(topic._id))

// Team pages list each member's publications: every member's found in one pass per build's content.
const byAuthorOf = new WeakMap<Content, Map<string, Publication[]>>()

/** Publications a team member wrote, newest first. */
export function publicationsBy(content: Content, person: TeamMember): Publication[] {
  let byAuthor = byAuthorOf.get(content)
  if (!byAuthor) {
    byAuthor = new Map()
    for (const publication of content.site.publications) {
      const members = new Set(
        (publication.authors ?? []).flatMap((author) => (author._type === 'reference' && author.memberId) || []),
      )
      for (const member of members) {
        const written = byAuthor.get(member)
        if (written) written.push(publication)
        else byAuthor.set(member, [publication])
      }
    }
    byAuthorOf.set(content, byAuthor)
  }
  return byAuthor.get(person._id) ?? []
}

/** The fragment identifying a team member on the page that lists them. */
export const memberAnchor = (person: TeamMember) => person._id

/** Where a team member is shown: their anchor on the part of the page whose team section lists their group. */
export function memberPath(content: Content, person: TeamMember): string | undefined {
  const shown = person.group ? teamSections(content).get(person.group) : undefined
  if (!shown) return undefined
  return `${pagePartPath(shown.path, partShowing(content, shown.section, person))}#${memberAnchor(person)}`
}

type TeamSection = Extract<Section, {_type: 'teamSection'}>

// Every publication's page links its authors: where each team group is shown, found once per build's content.
const teamSectionsOf = new WeakMap<Content, Map<string, {path: string; section: TeamSection}>>()

/** The first page whose team section shows a group, and that section, by group. */
function teamSections(content: Content): Map<string, {path: string; section: TeamSection}> {
  let found = teamSectionsOf.get(content)
  if (!found) {
    found = new Map()
    for (const page of content.site.pages) {
      const path = content.paths.get(page._id)
      if (path === undefined) continue
      for (const section of page.body ?? [])
        if (section._type === 'teamSection')
          for (const group of section.groups ?? []) if (!found.has(group)) found.set(group, {path, section})
    }
    teamSectionsOf.set(content, found)
  }
  return found
}

/** An author as the page shows them: a name, what they are, and a link to them where the site has one. */
export interface Author {
  name: string
  detail?: string | undefined
  href?: string | undefined
}

export function authorsOf(content: Content, publication: Publication): Author[] {
  return (publication.authors ?? []).flatMap((author): Author[] => {
    if (author._type === 'reference') {
      const person = content.site.team.find((member) => member._id === author.memberId)
      return person
        ? [{name: person.name ?? '', detail: person.role ?? undefined, href: memberPath(content, person)}]
        : []
    }
    return [{name: author.name ?? '', detail: author.affiliation ?? undefined}]
  })
}

/** `A, B and C`. */
export const listNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`

export const doiUrl = (doi: string) => `https://doi.org/${doi}`

/** Where the site serves a publication's PDF. */
export const documentPath = (publication: Publication) => `${PUBLICATIONS_PATH}files/${publication.slug ?? ''}.pdf`

/** The download link's description, “PDF, 1.2 MB, 24 pages”, or undefined when the publication has no PDF. */
export function downloadOf(
  content: Content,
  publication: Publication,
): {path: string; description: string} | undefined {
  const file = publication.fileId ? content.documents.get(publication.fileId) : undefined
  if (!file) return undefined
  return {path: documentPath(publication), description: describeDownload('PDF', file.size, file.pages)}
}

export const relatedPublications = (content: Content, publication: Publication): Publication[] =>
  (publication.relatedIds ?? []).flatMap((id) => content.publicationsById.get(id) ?? [])

/** When these publications last changed, for the sitemap: the newest date among them. */
export const lastPublished = (publications: Publication[]): string | undefined =>
  publications
    .map((publication) => publication.date ?? '')
    .filter(Boolean)
    .sort()
    .at(-1)

/** The trail above the publications pages. */
export function publicationsTrail(content: Content): Crumb[] {
  const home = content.pagesById.get(content.settings.homePageId ?? '')
  return home ? [{title: home.title ?? '', path: '/'}] : []
}

/** The publications pages for the sitemap, each with the newest date among what it lists. */
export function publicationEntries(content: Content): Array<{path: string; lastmod: string | undefined}> {
  const lists = [
    {path: PUBLICATIONS_PATH, publications: content.site.publications},
    ...publicationFilters(content),
  ].flatMap((list) =>
    publicationPages(list.publications).map((publications, i) => ({
      path: publicationListPath(i + 1, list.path),
      lastmod: lastPublished(publications),
    })),
  )
  return [
    ...lists,
    ...content.site.publications.map((publication) => ({
      path: publicationPagePath(publication),
      lastmod: lastPublished([publication]),
    })),
  ]
}
