import {isCalendarDate} from '@itss/schemas/dates'
import {checkEventEnd, checkRegistrationCloses, EVENT_FORMATS, EVENT_STATUSES} from '@itss/schemas/events'
import {isInstant} from '@itss/schemas/times'
import {
  isAllowedHref,
  LINK_SCHEME_MESSAGE,
  PAGE_PARTS_SLUG,
  PAGE_PARTS_SLUG_MESSAGE,
  RESERVED_NEWS_SLUG_MESSAGE,
  RESERVED_NEWS_SLUGS,
  SLUG_MESSAGE,
  SLUG_PATTERN,
  checkDoi,
  SECTION_MESSAGE,
  DOCUMENT_OR_URL_MESSAGE,
  RESERVED_PUBLICATION_SLUGS,
  RESERVED_PUBLICATION_SLUG_MESSAGE,
  RESERVED_EVENT_SLUGS,
  RESERVED_EVENT_SLUG_MESSAGE,
} from '@itss/schemas/rules'
import {PAGE_SECTION_TYPES, PUBLICATION_KINDS} from '@itss/schemas/vocabulary'
import type {SiteQueryResult} from '../sanity.types.ts'
import {
  eventPath,
  newsArticlePath,
  publicationPath,
  reservedPathOf,
  sectionPath,
  resolvePagePaths,
  topicPath,
} from '@itss/schemas/paths'
import {checkRedirects} from './checkRedirects.ts'

export interface ContentProblem {
  documentId: string
  field: string
  message: string
}

/** `The content has 2 problems; <outcome>:` and a line for each. */
export function describeProblems(problems: ContentProblem[], outcome: string): string {
  return (
    `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}; ${outcome}:\n` +
    problems.map((p) => `  - ${p.documentId} ${p.field}: ${p.message}`).join('\n')
  )
}

/** Thrown when content would make a broken page; lists every problem, not just the first. */
export class ContentError extends Error {
  readonly problems: ContentProblem[]
  constructor(problems: ContentProblem[]) {
    super(describeProblems(problems, 'nothing was built'))
    this.name = 'ContentError'
    this.problems = problems
  }
}

/** Why a reserved address is refused, by the kind of document that asked for it. */
const RESERVED_SLUG_MESSAGES: Record<string, string> = {
  'news article': RESERVED_NEWS_SLUG_MESSAGE,
  publication: RESERVED_PUBLICATION_SLUG_MESSAGE,
  event: RESERVED_EVENT_SLUG_MESSAGE,
}

const BLOCK_STYLES = new Set(['normal', 'h2', 'h3', 'h4', 'blockquote'])
const DECORATORS = new Set(['strong', 'em'])
const SECTION_TYPES = new Set<string>(PAGE_SECTION_TYPES)

type Link =
  {label?: string | null; href?: string | null; section?: string | null; pageId?: string | null} | null | undefined
type Image = {alt?: string | null; decorative?: boolean | null; assetId?: string | null} | null | undefined

/**
 * Checks what the build is about to render: every reference resolves, every slug is
 * well-formed and every address is unique, every link uses a safe scheme, every Portable
 * Text node is a kind the site can render, every image has alt text or is decorative, and
 * every redirect leads somewhere in one hop (checkRedirects.ts).
 */
export function checkContent(site: SiteQueryResult): ContentProblem[] {
  const problems: ContentProblem[] = []
  const report = (documentId: string, field: string, message: string) => problems.push({documentId, field, message})

  const pageIds = new Set(site.pages.map((page) => page._id))
  const quoteIds = new Set(site.quotes.map((quote) => quote._id))
  const imageIds = new Set(site.images.map((image) => image._id))

  const checkPageRef = (docId: string, field: string, id: string | null | undefined) => {
    if (id && !pageIds.has(id)) report(docId, field, `links to page ${id}, which does not exist or is not published`)
  }
  const checkLink = (docId: string, field: string, link: Link) => {
    if (!link) return
    if (link.pageId) checkPageRef(docId, `${field}.page`, link.pageId)
    else if (link.section) {
      if (!sectionPath(link.section)) report(docId, `${field}.section`, `“${link.section}”: ${SECTION_MESSAGE}`)
    } else if (!link.href) report(docId, field, 'has neither a page, a section nor an address')
    else if (!isAllowedHref(link.href)) report(docId, `${field}.href`, `“${link.href}”: ${LINK_SCHEME_MESSAGE}`)
  }
  const checkImage = (docId: string, field: string, image: Image) => {
    if (!image?.assetId) return
    if (!imageIds.has(image.assetId)) report(docId, `${field}.asset`, `image ${image.assetId} does not exist`)
    if (!image.decorative && !image.alt?.trim())
      report(docId, `${field}.alt`, 'image has no alternative text and is not marked decorative')
  }
  const checkRichText = (docId: string, field: string, blocks: unknown) => {
    if (blocks == null) return
    if (!Array.isArray(blocks)) return report(docId, field, 'is not formatted text')
    blocks.forEach((block: PortableTextNode, i) => {
      const at = `${field}[${i}]`
      if (block._type !== 'block') return report(docId, at, `unknown text block type “${block._type}”`)
      if (block.style && !BLOCK_STYLES.has(block.style))
        report(docId, `${at}.style`, `unknown text style “${block.style}”`)
      const markKeys = new Set<string>()
      for (const [j, def] of (block.markDefs ?? []).entries()) {
        markKeys.add(def._key)
        const defAt = `${at}.markDefs[${j}]`
        if (def._type === 'link') {
          if (!def.href || !isAllowedHref(def.href))
            report(docId, `${defAt}.href`, `“${def.href ?? ''}”: ${LINK_SCHEME_MESSAGE}`)
        } else if (def._type === 'internalLink') {
          checkPageRef(docId, `${defAt}.page`, def.page?._ref)
          if (!def.page?._ref) report(docId, `${defAt}.page`, 'link to a page has no page')
        } else report(docId, defAt, `unknown link type “${def._type}”`)
      }
      for (const [j, child] of (block.children ?? []).entries()) {
        if (child._type !== 'span') report(docId, `${at}.children[${j}]`, `unknown inline type “${child._type}”`)
        for (const mark of child.marks ?? []) {
          if (!DECORATORS.has(mark) && !markKeys.has(mark))
            report(docId, `${at}.children[${j}].marks`, `unknown mark “${mark}”`)
        }
      }
    })
  }

  // Pages: addresses, sections and what they point at.
  const homePageId = site.settings?.homePageId
  if (!site.settings) report('siteSettings', '', 'the site settings document is missing or not published')
  else if (!homePageId) report('siteSettings', 'homePage', 'no home page is chosen')
  else checkPageRef('siteSettings', 'homePage', homePageId)

  const {paths, problems: pathProblems} = resolvePagePaths(site.pages, homePageId)
  for (const {id, message} of pathProblems) report(id, 'parent', message)
  const byPath = new Map<string, string>()
  for (const page of site.pages) {
    if (!page.slug) report(page._id, 'slug', 'the page has no address')
    else if (!SLUG_PATTERN.test(page.slug)) report(page._id, 'slug', `“${page.slug}”: ${SLUG_MESSAGE}`)
    else if (page.slug === PAGE_PARTS_SLUG) report(page._id, 'slug', PAGE_PARTS_SLUG_MESSAGE)
    const path = paths.get(page._id)
    if (path && page.slug) {
      const other = byPath.get(path)
      // Named as editors write an address (`/about-us/faqs`), not with the served trailing slash.
      const address = path.replace(/(.)\/$/, '$1')
      const reserved = reservedPathOf(path)
      if (other) report(page._id, 'slug', `address ${address} is already used by page ${other}`)
      else if (reserved) report(page._id, 'slug', `address ${address} is taken by the site's own ${reserved} section`)
      else byPath.set(path, page._id)
    }
    checkImage(page._id, 'seo.image', page.seo?.image)
    for (const [i, section] of (page.body ?? []).entries()) {
      const at = `body[${i}]`
      if (!SECTION_TYPES.has(section._type)) {
        report(page._id, at, `unknown section type “${section._type}”`)
        continue
      }
      if (section._type === 'textSection') checkRichText(page._id, `${at}.body`, section.body)
      if (section._type === 'quoteSection' && (!section.quoteId || !quoteIds.has(section.quoteId)))
        report(page._id, `${at}.quote`, `quote ${section.quoteId ?? '(none)'} does not exist or is not published`)
      if (section._type === 'pageCardsSection')
        section.pageIds?.forEach((id, j) => checkPageRef(page._id, `${at}.pages[${j}]`, id))
    }
  }

  // Everything else that links or shows images.
  site.settings?.footerLinks?.forEach((link, i) => checkLink('siteSettings', `footerLinks[${i}]`, link))
  if (site.settings?.explainerVideoUrl && !isAllowedHref(site.settings.explainerVideoUrl))
    report('siteSettings', 'explainerVideoUrl', LINK_SCHEME_MESSAGE)
  checkImage('siteSettings', 'socialImage', site.settings?.socialImage)
  site.navigation?.main?.forEach((item, i) => {
    checkLink('navigation', `main[${i}].link`, item.link)
    item.children?.forEach((child, j) => checkLink('navigation', `main[${i}].children[${j}]`, child))
  })
  for (const faq of site.faqs) checkRichText(faq._id, 'answer', faq.answer)
  for (const stage of site.roadmap) checkRichText(stage._id, 'body', stage.body)
  for (const person of site.team) {
    checkImage(person._id, 'photo', person.photo)
    person.links?.forEach((link, i) => checkLink(person._id, `links[${i}]`, link))
  }
  for (const partner of site.partners) {
    checkImage(partner._id, 'logo', partner.logo)
    if (partner.url && !isAllowedHref(partner.url))
      report(partner._id, 'url', `“${partner.url}”: ${LINK_SCHEME_MESSAGE}`)
  }

  // Topics and news: addresses, dates, and what articles point at.
  const topicIds = new Set(site.topics.map((topic) => topic._id))
  /** Reports each topic a news article, publication or event is filed under that is not published. */
  const checkTopics = (docId: string, ids: string[] | null) => {
    ids?.forEach((id, i) => {
      if (!topicIds.has(id)) report(docId, `topics[${i}]`, `topic ${id} does not exist or is not published`)
    })
  }
  const newsIds = new Set(site.news.map((article) => article._id))
  /** Reports a missing or malformed slug, or one already taken; `documents` in the order addresses are given out. */
  const checkSlugs = (
    documents: Array<{_id: string; slug: string | null}>,
    kind: string,
    path: (slug: string) => string,
    reserved: readonly string[] = [],
  ) => {
    const taken = new Map<string, string>()
    for (const {_id, slug} of documents) {
      if (!slug) report(_id, 'slug', `the ${kind} has no address`)
      else if (!SLUG_PATTERN.test(slug)) report(_id, 'slug', `“${slug}”: ${SLUG_MESSAGE}`)
      else if (reserved.includes(slug)) report(_id, 'slug', `“${slug}”: ${RESERVED_SLUG_MESSAGES[kind] ?? ''}`)
      else {
        const other = taken.get(slug)
        const address = path(slug).replace(/\/$/, '')
        if (other) report(_id, 'slug', `address ${address} is already used by ${kind} ${other}`)
        else taken.set(slug, _id)
      }
    }
  }
  // Topics keep their addresses in title order, as pages do.
  checkSlugs(site.topics, 'topic', topicPath)
  // The older article keeps its address; the newer one that reuses it is reported.
  checkSlugs(oldestFirst(site.news), 'news article', newsArticlePath, RESERVED_NEWS_SLUGS)
  for (const article of site.news) {
    if (!article.date) report(article._id, 'date', 'the article has no date')
    else if (!isCalendarDate(article.date)) report(article._id, 'date', `“${article.date}” is not a date (YYYY-MM-DD)`)
    if (article.updated && !isCalendarDate(article.updated))
      report(article._id, 'updated', `“${article.updated}” is not a date (YYYY-MM-DD)`)
    checkRichText(article._id, 'body', article.body)
    checkImage(article._id, 'image', article.image)
    checkTopics(article._id, article.topicIds)
    article.relatedIds?.forEach((id, i) => {
      if (!newsIds.has(id) && !pageIds.has(id))
        report(article._id, `related[${i}]`, `links to ${id}, which does not exist or is not published`)
    })
  }
  checkPublications(site, report, {checkSlugs, checkRichText, checkImage, checkTopics})

  // Events: addresses, times, links, and topics. Addresses go to events in start order.
  checkSlugs(site.events, 'event', eventPath, RESERVED_EVENT_SLUGS)
  const formats = new Set<string>(EVENT_FORMATS.map((f) => f.value))
  const statuses = new Set<string>(EVENT_STATUSES.map((s) => s.value))
  for (const event of site.events) {
    const {_id: id} = event
    if (!event.start) report(id, 'start', 'the event has no start')
    else if (!isInstant(event.start)) report(id, 'start', `“${event.start}” is not a date and time`)
    if (!event.end) report(id, 'end', 'the event has no end')
    else if (!isInstant(event.end)) report(id, 'end', `“${event.end}” is not a date and time`)
    const end = checkEventEnd(event.start, event.end)
    if (end !== true) report(id, 'end', end)
    if (event.registrationCloses && !isInstant(event.registrationCloses))
      report(id, 'registrationCloses', `“${event.registrationCloses}” is not a date and time`)
    const closes = checkRegistrationCloses(event.start, event.registrationCloses)
    if (closes !== true) report(id, 'registrationCloses', closes)
    if (event.format && !formats.has(event.format)) report(id, 'format', `unknown format “${event.format}”`)
    if (event.status && !statuses.has(event.status)) report(id, 'status', `unknown status “${event.status}”`)
    if (event.registrationUrl && !/^https?:\/\//i.test(event.registrationUrl.trim()))
      report(
        id,
        'registrationUrl',
        `“${event.registrationUrl}”: registration links must start with https:// or http://`,
      )
    checkRichText(id, 'body', event.body)
    checkTopics(id, event.topicIds)
  }
  problems.push(...checkRedirects(site))
  return problems
}

/** Publications: addresses, dates, kinds, the document itself, the DOI, and what they point at. */
function checkPublications(
  site: SiteQueryResult,
  report: (documentId: string, field: string, message: string) => void,
  checks: {
    checkSlugs: (
      documents: Array<{_id: string; slug: string | null}>,
      kind: string,
      path: (slug: string) => string,
      reserved?: readonly string[],
    ) => void
    checkRichText: (docId: string, field: string, blocks: unknown) => void
    checkImage: (docId: string, field: string, image: Image) => void
    checkTopics: (docId: string, ids: string[] | null) => void
  },
) {
  const {checkSlugs, checkRichText, checkImage, checkTopics} = checks
  const teamIds = new Set(site.team.map((person) => person._id))
  const stageIds = new Set(site.roadmap.map((stage) => stage._id))
  const fileIds = new Set(site.files.map((file) => file._id))
  const publicationIds = new Set(site.publications.map((publication) => publication._id))
  const kinds = new Set<string>(PUBLICATION_KINDS.map((kind) => kind.value))
  checkSlugs(oldestFirst(site.publications), 'publication', publicationPath, RESERVED_PUBLICATION_SLUGS)
  for (const publication of site.publications) {
    const id = publication._id
    if (!publication.date) report(id, 'date', 'the publication has no date')
    else if (!isCalendarDate(publication.date)) report(id, 'date', `“${publication.date}” is not a date (YYYY-MM-DD)`)
    if (!publication.kind) report(id, 'kind', 'the publication has no kind')
    else if (!kinds.has(publication.kind)) report(id, 'kind', `“${publication.kind}” is not a kind of publication`)
    if (!publication.fileId && !publication.url?.trim()) report(id, 'url', DOCUMENT_OR_URL_MESSAGE)
    if (publication.fileId && !fileIds.has(publication.fileId))
      report(id, 'file.asset', `file ${publication.fileId} does not exist`)
    if (publication.url && (!/^https?:/i.test(publication.url.trim()) || !isAllowedHref(publication.url)))
      report(id, 'url', `“${publication.url}”: give a web address starting https://`)
    const doi = checkDoi(publication.doi)
    if (doi !== true) report(id, 'doi', `“${publication.doi ?? ''}”: ${doi}`)
    checkRichText(id, 'body', publication.body)
    checkImage(id, 'image', publication.image)
    publication.authors?.forEach((author, i) => {
      if (author._type === 'reference') {
        if (!teamIds.has(author.memberId))
          report(id, `authors[${i}]`, `team member ${author.memberId} does not exist or is not published`)
      } else if (!author.name?.trim()) report(id, `authors[${i}].name`, 'the author has no name')
    })
    checkTopics(id, publication.topicIds)
    if (publication.roadmapStageId && !stageIds.has(publication.roadmapStageId))
      report(id, 'roadmapStage', `roadmap stage ${publication.roadmapStageId} does not exist or is not published`)
    publication.relatedIds?.forEach((relatedId, i) => {
      if (!publicationIds.has(relatedId))
        report(id, `related[${i}]`, `publication ${relatedId} does not exist or is not published`)
    })
  }
}

interface PortableTextNode {
  _type: string
  style?: string
  markDefs?: Array<{_key: string; _type: string; href?: string; page?: {_ref?: string}}>
  children?: Array<{_type: string; marks?: string[]}>
}

/** Dated documents oldest first (ties by id), the order in which they are given their addresses. */
function oldestFirst<T extends {_id: string; date: string | null}>(documents: readonly T[]): T[] {
  return [...documents].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a._id.localeCompare(b._id))
}

/**
 * The draft preview's content with the drafts that fail the checks set aside: each such document
 * shows as it is published (`published`, the same query without drafts), or not at all if it never
 * was, so one editor's unfinished draft (a new article still without an address) does not stop
 * everyone's preview. Documents that point at a set-aside draft are set aside in turn. Returns the
 * problems of the drafts set aside, or throws when the published versions do not pass either.
 */
export function setAsideBrokenDrafts(
  site: SiteQueryResult,
  published: SiteQueryResult,
  problems: ContentProblem[],
): {site: SiteQueryResult; setAside: ContentProblem[]} {
  const ids = new Set<string>()
  const setAside: ContentProblem[] = []
  let current = site
  let remaining = problems
  while (remaining.some((problem) => !ids.has(problem.documentId))) {
    for (const problem of remaining) ids.add(problem.documentId)
    setAside.push(...remaining)
    current = withPublished(site, published, ids)
    remaining = checkContent(current)
  }
  if (remaining.length > 0) throw new ContentError(remaining)
  return {site: current, setAside}
}

/** `site` with the documents in `ids` as `published` has them, and without those it lacks. */
function withPublished(site: SiteQueryResult, published: SiteQueryResult, ids: Set<string>): SiteQueryResult {
  const entries = Object.entries(site).map(([key, value]: [string, unknown]) => {
    const fallback = (published as Record<string, unknown>)[key]
    if (Array.isArray(value)) {
      const publishedById = new Map((fallback as {_id?: string}[]).map((doc) => [doc._id, doc]))
      const kept = value.flatMap((doc: {_id?: string}) => {
        if (doc._id === undefined || !ids.has(doc._id)) return [doc]
        const original = publishedById.get(doc._id)
        return original ? [original] : []
      })
      return [key, kept]
    }
    const id = (value as {_id?: string} | null)?._id
    return [key, id !== undefined && ids.has(id) ? fallback : value]
  })
  return Object.fromEntries(entries) as SiteQueryResult
}
