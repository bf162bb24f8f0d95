import type {PageSectionType} from '@itss/schemas/vocabulary'
import type {Content, NewsArticle, Page, Publication, Section, SiteEvent, Topic} from './content.ts'
import {
  EVENTS_PATH,
  eventPagePath,
  eventWhen,
  PAST_EVENTS_PATH,
  pastEventPages,
  UPCOMING_EVENTS_PATH,
  UPCOMING_EVENTS_PER_PAGE,
  upcomingEvents,
  upcomingListPages,
} from './events.ts'
import {articleDate, articlePath, NEWS_PATH, newsPages, topicPagePath, topicsOf, TOPICS_PATH} from './news.ts'
import {
  authorsOf,
  filterHeading,
  kindTitle,
  publicationDate,
  publicationFilters,
  publicationPagePath,
  publicationPages,
  PUBLICATIONS_PATH,
} from './publications.ts'
import type {SearchKind} from './searchFilters.ts'
import {isListSection, listPart, pageParts, pagePartPath} from './listSections.ts'

/*
 * The search index, built from the content rather than from the built pages: one record per
 * page search finds, with the words the page shows, its title and its filters. The build hands
 * these to Pagefind as soon as the content is loaded, so indexing runs beside rendering instead
 * of re-reading every page after it.
 */

/** One page of the site as the search index knows it (Pagefind's custom record). */
export interface SearchRecord {
  /** The page's address as served: `/news/institute-opens/`. */
  url: string
  /** The page's words, its title first; Pagefind takes excerpts from these. */
  content: string
  language: 'en'
  /** What the results list shows: the page's heading. */
  meta: {title: string}
  filters: {kind: [SearchKind]; topic?: string[]}
}

/** Keys whose values are addresses, references, settings or layout, never words a reader sees. */
const NOT_WORDS = new Set([
  'slug',
  'href',
  'url',
  'section',
  'pageId',
  'pageIds',
  'quoteId',
  'assetId',
  'crop',
  'hotspot',
  'alt',
  'decorative',
  'style',
  'listItem',
  'level',
  'marks',
  'markDefs',
  'groups',
  'kinds',
  'count',
])

/**
 * Every string a reader sees in a value: plain fields and the words of formatted text (its
 * spans' `text`), in order, leaving out system fields (`_type`, `_key`, `_ref`) and NOT_WORDS.
 */
export function wordsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.trim()) into.push(value.trim())
  } else if (Array.isArray(value)) {
    for (const item of value) wordsOf(item, into)
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      if (!key.startsWith('_') && !NOT_WORDS.has(key)) wordsOf(item, into)
  }
  return into
}

/** What a section shows beyond its own fields on part `part` of its page: the documents it lists, by section type. */
const shownBy: {
  [K in PageSectionType]?: (content: Content, section: Extract<Section, {_type: K}>, part: number) => unknown
} = {
  faqSection: (content, section, part) =>
    listPart(content, section, part).items.map(({question, answer}) => ({question, answer})),
  teamSection: (content, section, part) =>
    listPart(content, section, part).items.map(({name, role, bio}) => ({name, role, bio})),
  partnerSection: (content, section, part) =>
    listPart(content, section, part).items.map(({name, description}) => ({name, description})),
  roadmapSection: (content, section, part) =>
    listPart(content, section, part).items.map(({title, summary, body, outcomes}) => ({
      title,
      summary,
      body,
      outcomes,
    })),
  timelineSection: (content, section, part) =>
    listPart(content, section, part).items.map(({title, summary}) => ({title, summary})),
  quoteSection: (content, section) =>
    content.site.quotes
      .filter((quote) => quote._id === section.quoteId)
      .map(({text, attribution, role}) => ({text, attribution, role})),
  pageCardsSection: (content, section) =>
    (section.pageIds ?? []).map((id) => {
      const page = content.pagesById.get(id)
      return {title: page?.title, summary: page?.summary}
    }),
  publicationsSection: (content, section) =>
    content.site.publications.slice(0, section.count ?? 3).map(({title, summary}) => ({title, summary})),
}

function sectionWords(content: Content, section: Section, part: number, into: string[]): void {
  wordsOf(section, into)
  const shown = shownBy[section._type] as ((content: Content, section: Section, part: number) => unknown) | undefined
  if (shown) wordsOf(shown(content, section, part), into)
}

const text = (words: string[]) => words.join('\n')
const titlesOf = (topics: Topic[]) => topics.map((topic) => topic.title ?? '')

function record(url: string, title: string, words: string[], kind: SearchKind, topics?: Topic[]): SearchRecord {
  return {
    url,
    content: text([title, ...words]),
    language: 'en',
    meta: {title},
    filters: topics && topics.length > 0 ? {kind: [kind], topic: titlesOf(topics)} : {kind: [kind]},
  }
}

/** A record for an item filed under topics: found by its own words and its topics' titles, filtered by both. */
function filedRecord(
  content: Content,
  item: {title?: string | null; topicIds: string[] | null},
  url: string,
  kind: SearchKind,
  words: string[],
): SearchRecord {
  const topics = topicsOf(content, item)
  return record(url, item.title ?? '', [...words, ...titlesOf(topics)], kind, topics)
}

/** A record for each part of a page (listSections.ts): the first has every section, a later one the rest of its lists. */
function pageRecords(content: Content, page: Page): SearchRecord[] {
  const isHome = page._id === content.settings.homePageId
  const path = content.paths.get(page._id) ?? '/'
  const title = (isHome ? content.settings.name : page.title) ?? ''
  return Array.from({length: pageParts(content, page)}, (_, i) => {
    const part = i + 1
    const words = part === 1 ? wordsOf(page.summary) : []
    for (const section of page.body ?? [])
      if (part === 1 || isListSection(section)) sectionWords(content, section, part, words)
    return record(pagePartPath(path, part), part === 1 ? title : `${title}, page ${part}`, words, 'Page')
  })
}

/** A list's words: what each item shows, its title first. */
const itemWords = (items: Array<{title?: string | null; summary?: string | null}>, detail: (item: never) => string[]) =>
  items.flatMap((item) => [item.title ?? '', ...detail(item as never), ...wordsOf(item.summary)])

const newsItem = (article: NewsArticle) => [articleDate(article)]
const publicationItem = (publication: Publication) => [kindTitle(publication.kind), publicationDate(publication)]
const eventItem = (event: SiteEvent) => [eventWhen(event)]

/**
 * The first page of each of the site's lists (news, publications and each of their filters,
 * events, past events, topics), which search finds as pages: its heading and the items it lists.
 * Their later pages are not in the index.
 */
function listRecords(content: Content): SearchRecord[] {
  const past = pastEventPages(content)[0] ?? []
  // What /events/ shows, and the first page of /events/upcoming/ when there is one.
  const soonest = upcomingEvents(content).slice(0, UPCOMING_EVENTS_PER_PAGE)
  const upcoming = upcomingListPages(content)
  return [
    record(NEWS_PATH, 'News', itemWords(newsPages(content)[0] ?? [], newsItem), 'Page'),
    record(
      PUBLICATIONS_PATH,
      'Publications',
      itemWords(publicationPages(content.site.publications)[0] ?? [], publicationItem),
      'Page',
    ),
    ...publicationFilters(content).map((filter) =>
      record(
        filter.path,
        filterHeading(filter),
        itemWords(publicationPages(filter.publications)[0] ?? [], publicationItem),
        'Page',
      ),
    ),
    record(EVENTS_PATH, 'Events', itemWords([...soonest, ...past], eventItem), 'Page'),
    ...(upcoming[0]
      ? [record(UPCOMING_EVENTS_PATH, 'Upcoming events', itemWords(upcoming[0], eventItem), 'Page')]
      : []),
    record(PAST_EVENTS_PATH, 'Past events', itemWords(past, eventItem), 'Page'),
    record(
      TOPICS_PATH,
      'Topics',
      content.site.topics.flatMap((topic) => [topic.title ?? '', ...wordsOf(topic.description)]),
      'Page',
    ),
  ]
}

/**
 * A record for every page of the site that search finds: every page not hidden from search
 * engines, every news article, publication, event and topic, and the first page of each list.
 */
export function searchRecords(content: Content): SearchRecord[] {
  const {site} = content
  return [
    ...site.pages.filter((page) => !page.seo?.noIndex).flatMap((page) => pageRecords(content, page)),
    ...site.news.map((article) =>
      filedRecord(content, article, articlePath(article), 'News', [
        articleDate(article),
        ...wordsOf([article.summary, article.body]),
      ]),
    ),
    ...site.publications.map((publication) =>
      filedRecord(content, publication, publicationPagePath(publication), 'Publication', [
        ...publicationItem(publication),
        ...authorsOf(content, publication).map((author) => author.name),
        ...wordsOf([publication.summary, publication.body]),
      ]),
    ),
    ...site.events.map((event) =>
      filedRecord(content, event, eventPagePath(event), 'Event', [
        ...eventItem(event),
        ...wordsOf([event.summary, event.venue, event.address, event.body]),
      ]),
    ),
    ...site.topics.map((topic) =>
      record(topicPagePath(topic), topic.title ?? '', wordsOf(topic.description), 'Page', [topic]),
    ),
    ...listRecords(content),
  ]
}
