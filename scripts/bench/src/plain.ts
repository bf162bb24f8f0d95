// The synthetic site as the plain Astro build renders it: the same pages with the same words,
// addresses resolved and references replaced by words, and no CMS. Content pages, and the
// publications, news and events with the lists the site makes of them.
import {LIST_SECTION_PAGE_SIZES} from '@itss/schemas/vocabulary'
import type {Doc} from './dataset.ts'

/** One page as the plain Astro build renders it: the same words, no CMS. */
export interface PlainPage {
  path: string
  title: string
  summary: string
  trail: PlainLink[]
  sections: PlainSection[]
}
export interface PlainLink {
  href: string
  title: string
}
export interface PlainSection {
  heading?: string
  paragraphs: string[]
  items: string[]
  cards: Array<PlainLink & {summary: string}>
  entries: Array<{title: string; text: string}>
  /** For a list of every document of a type: how many entries a page shows. */
  perPage?: number
}
export interface PlainSite {
  name: string
  nav: PlainLink[]
  footer: PlainLink[]
  pages: PlainPage[]
}

/** The pages as the plain build sees them: addresses resolved, references replaced by words. */
export function plainSite(documents: Doc[], now: Date): PlainSite {
  const byType = (type: string) => documents.filter((doc) => doc._type === type)
  const settings = documents.find((doc) => doc._id === 'siteSettings') ?? {_id: '', _type: ''}
  const homeId = (settings.homePage as {_ref?: string} | undefined)?._ref
  const pages = byType('page')
  const pagesById = new Map(pages.map((page) => [page._id, page]))
  const byId = new Map(documents.map((doc) => [doc._id, doc]))
  const str = (value: unknown) => (typeof value === 'string' ? value : '')
  const parentId = (page: Doc) => (page.parent as {_ref?: string} | undefined)?._ref

  const paths = new Map<string, string>()
  const pathOf = (page: Doc): string => {
    const known = paths.get(page._id)
    if (known) return known
    const parent = parentId(page)
    const above = parent && parent !== homeId ? pagesById.get(parent) : undefined
    const slug = (page.slug as {current?: string} | undefined)?.current ?? ''
    const result = page._id === homeId ? '/' : `${above ? pathOf(above) : ''}/${slug}`
    paths.set(page._id, result)
    return result
  }
  const linkOf = (link: unknown): PlainLink => {
    const value = (link ?? {}) as {label?: string; href?: string; page?: {_ref?: string}}
    const target = value.page?._ref ? pagesById.get(value.page._ref) : undefined
    return {href: target ? pathOf(target) : (value.href ?? '/'), title: value.label ?? ''}
  }
  const textOf = (blocks: unknown) =>
    ((blocks ?? []) as Array<{children?: Array<{text?: string}>}>).map((b) =>
      (b.children ?? []).map((c) => c.text ?? '').join(''),
    )
  const entriesOf = (type: string, titleField: string, textField: string) =>
    byType(type).map((doc) => ({
      title: str(doc[titleField]),
      text: Array.isArray(doc[textField]) ? textOf(doc[textField]).join(' ') : str(doc[textField]),
    }))

  const sectionOf = (section: Record<string, unknown>): PlainSection => {
    const out: PlainSection = {paragraphs: [], items: [], cards: [], entries: []}
    if (typeof section.heading === 'string') out.heading = section.heading
    for (const field of ['intro', 'statement', 'caption']) if (section[field]) out.paragraphs.push(str(section[field]))
    const list = LISTS[str(section._type)]
    if (list) {
      out.entries.push(...entriesOf(...list.entry))
      out.perPage = list.perPage
    }
    switch (section._type) {
      case 'textSection':
        out.paragraphs.push(...textOf(section.body))
        break
      case 'statsSection':
        out.items.push(
          ...((section.stats ?? []) as Array<{value?: string; label?: string}>).map((s) => `${s.value} ${s.label}`),
        )
        break
      case 'commitmentsSection':
        out.items.push(...((section.commitments ?? []) as string[]))
        break
      case 'quoteSection': {
        const quote = byId.get((section.quote as {_ref?: string} | undefined)?._ref ?? '')
        if (quote) out.paragraphs.push(str(quote.text), str(quote.attribution))
        break
      }
      case 'pageCardsSection':
        for (const ref of (section.pages ?? []) as Array<{_ref?: string}>) {
          const page = pagesById.get(ref._ref ?? '')
          if (page) out.cards.push({href: pathOf(page), title: str(page.title), summary: str(page.summary)})
        }
        break
    }
    return out
  }

  const trailOf = (page: Doc): PlainLink[] => {
    const trail: PlainLink[] = []
    let parent = pagesById.get(parentId(page) ?? '')
    while (parent && parent._id !== homeId && trail.length < 20) {
      trail.unshift({href: pathOf(parent), title: str(parent.title)})
      parent = pagesById.get(parentId(parent) ?? '')
    }
    return page._id === homeId ? [] : [{href: '/', title: 'Home'}, ...trail]
  }

  const navigation = documents.find((doc) => doc._id === 'navigation')
  return {
    name: str(settings.name),
    nav: ((navigation?.main ?? []) as Array<{link?: unknown}>).map((item) => linkOf(item.link)),
    footer: ((settings.footerLinks ?? []) as unknown[]).map(linkOf),
    pages: [
      ...pages.flatMap((page) =>
        inParts({
          path: pathOf(page),
          title: str(page.title),
          summary: str(page.summary),
          trail: trailOf(page),
          sections: ((page.body ?? []) as Array<Record<string, unknown>>).map(sectionOf),
        }),
      ),
      ...outputPages(documents, now, textOf),
    ],
  }
}

const PER_PAGE = 10
/** Upcoming events on /events/, and on each page of /events/upcoming/ when there are more. */
const UPCOMING_PER_PAGE = 20
const LATEST = 5

/**
 * The sections that list every document of a type: the type and the fields of an entry, and
 * at most how many entries a page shows, as the site cuts them.
 */
const LISTS: Record<string, {entry: [type: string, title: string, text: string]; perPage: number}> = {
  faqSection: {entry: ['faq', 'question', 'answer'], perPage: LIST_SECTION_PAGE_SIZES.faqSection},
  teamSection: {entry: ['teamMember', 'name', 'role'], perPage: LIST_SECTION_PAGE_SIZES.teamSection},
  partnerSection: {entry: ['partner', 'name', 'description'], perPage: LIST_SECTION_PAGE_SIZES.partnerSection},
  timelineSection: {entry: ['milestone', 'title', 'summary'], perPage: LIST_SECTION_PAGE_SIZES.timelineSection},
  roadmapSection: {entry: ['roadmapStage', 'title', 'summary'], perPage: LIST_SECTION_PAGE_SIZES.roadmapSection},
}

/** A page whose lists run long, cut as the site cuts it: the first part whole, then `<path>/page/n` with the rest of its lists. */
function inParts(page: PlainPage): PlainPage[] {
  const partsOf = (section: PlainSection) => (section.perPage ? Math.ceil(section.entries.length / section.perPage) : 1)
  return Array.from({length: Math.max(1, ...page.sections.map(partsOf))}, (_, i) => {
    const part = (section: PlainSection) =>
      section.perPage
        ? {...section, entries: section.entries.slice(i * section.perPage, (i + 1) * section.perPage)}
        : section
    if (i === 0) return {...page, sections: page.sections.map(part)}
    return {
      ...page,
      path: `${page.path}/page/${i + 1}`,
      title: `${page.title}, page ${i + 1}`,
      sections: page.sections.filter((section) => partsOf(section) > i).map(part),
    }
  })
}

/**
 * Publications, news articles and events, each on a page of its own, and the lists the site
 * makes of them at the same addresses: ten a page, filters by kind, topic, year and author, /events/
 * with its past events, and a topic page with the latest five of each.
 */
function outputPages(documents: Doc[], now: Date, textOf: (blocks: unknown) => string[]): PlainPage[] {
  const str = (value: unknown) => (typeof value === 'string' ? value : '')
  const slugOf = (doc: Doc) => (doc.slug as {current?: string} | undefined)?.current ?? ''
  const topicsOf = (doc: Doc) => ((doc.topics ?? []) as Array<{_ref?: string}>).map((ref) => ref._ref)
  const newestFirst = (field: string) => (a: Doc, b: Doc) => str(b[field]).localeCompare(str(a[field]))
  const ofType = (type: string) => documents.filter((doc) => doc._type === type)
  const publications = ofType('publication').sort(newestFirst('date'))
  const news = ofType('newsArticle').sort(newestFirst('date'))
  const ended = (event: Doc) => Date.parse(str(event.end)) < now.getTime()
  const events = ofType('event').sort(newestFirst('start'))
  const past = events.filter(ended)
  const upcoming = events.filter((event) => !ended(event)).reverse()
  const topics = ofType('topic')
  const home = {href: '/', title: 'Home'}

  const card = (base: string) => (doc: Doc) => ({
    href: `${base}/${slugOf(doc)}`,
    title: str(doc.title),
    summary: str(doc.summary),
  })
  const section = (cards: PlainSection['cards'], heading?: string): PlainSection => ({
    ...(heading ? {heading} : {}),
    paragraphs: [],
    items: [],
    cards,
    entries: [],
  })
  const list = (
    path: string,
    title: string,
    items: Doc[],
    base: string,
    trail: PlainLink[],
    perPage = PER_PAGE,
  ): PlainPage[] => {
    const pages: PlainPage[] = []
    for (let start = 0; start === 0 || start < items.length; start += perPage) {
      const n = start / perPage + 1
      pages.push({
        path: n === 1 ? path : `${path}/page/${n}`,
        title: n === 1 ? title : `${title}, page ${n}`,
        summary: title,
        trail,
        sections: [section(items.slice(start, start + perPage).map(card(base)))],
      })
    }
    return pages
  }
  const itemPage = (doc: Doc, base: string, trail: PlainLink[]): PlainPage => ({
    path: `${base}/${slugOf(doc)}`,
    title: str(doc.title),
    summary: str(doc.summary),
    trail,
    sections: [{paragraphs: [str(doc.summary), ...textOf(doc.body)], items: [], cards: [], entries: []}],
  })

  const atPublications = [home, {href: '/publications', title: 'Publications'}]
  const atNews = [home, {href: '/news', title: 'News'}]
  const atEvents = [home, {href: '/events', title: 'Events'}]
  const atTopics = [home, {href: '/topics', title: 'Topics'}]
  const filters = [
    ...[...new Set(publications.map((p) => str(p.kind)))].map((kind) => ({
      path: `/publications/kind/${kind}`,
      items: publications.filter((p) => p.kind === kind),
    })),
    ...topics.map((topic) => ({
      path: `/publications/topic/${slugOf(topic)}`,
      items: publications.filter((p) => topicsOf(p).includes(topic._id)),
    })),
    ...[...new Set(publications.map((p) => str(p.date).slice(0, 4)))].map((year) => ({
      path: `/publications/year/${year}`,
      items: publications.filter((p) => str(p.date).startsWith(year)),
    })),
    ...ofType('teamMember').map((person) => ({
      path: `/publications/author/${person._id}`,
      items: publications.filter((p) =>
        ((p.authors ?? []) as Array<{_ref?: string}>).some((author) => author._ref === person._id),
      ),
    })),
  ].filter((filter) => filter.items.length > 0)
  return [
    ...list('/publications', 'Publications', publications, '/publications', [home]),
    ...filters.flatMap((filter) => list(filter.path, 'Publications', filter.items, '/publications', atPublications)),
    ...publications.map((doc) => itemPage(doc, '/publications', atPublications)),
    ...list('/news', 'News', news, '/news', [home]),
    ...news.map((doc) => itemPage(doc, '/news', atNews)),
    {
      path: '/events',
      title: 'Events',
      summary: 'Upcoming events, then past events.',
      trail: [home],
      sections: [
        section(upcoming.slice(0, UPCOMING_PER_PAGE).map(card('/events')), 'Upcoming'),
        section(past.slice(0, PER_PAGE).map(card('/events')), 'Past'),
      ],
    },
    ...list('/events/past', 'Past events', past, '/events', atEvents),
    ...(upcoming.length > UPCOMING_PER_PAGE
      ? list('/events/upcoming', 'Upcoming events', upcoming, '/events', atEvents, UPCOMING_PER_PAGE)
      : []),
    ...events.map((doc) => itemPage(doc, '/events', atEvents)),
    {
      path: '/topics',
      title: 'Topics',
      summary: 'Topics',
      trail: [home],
      sections: [
        section(
          topics.map((topic) => ({
            href: `/topics/${slugOf(topic)}`,
            title: str(topic.title),
            summary: str(topic.description),
          })),
        ),
      ],
    },
    ...topics.map((topic) => {
      const on = (docs: Doc[]) => docs.filter((doc) => topicsOf(doc).includes(topic._id)).slice(0, LATEST)
      return {
        path: `/topics/${slugOf(topic)}`,
        title: str(topic.title),
        summary: str(topic.description),
        trail: atTopics,
        sections: [
          section(on(news).map(card('/news')), 'News'),
          section(on(publications).map(card('/publications')), 'Publications'),
          section(on([...upcoming, ...past]).map(card('/events')), 'Events'),
        ],
      }
    }),
  ]
}
