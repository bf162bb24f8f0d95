/**
 * Where a page lives on the site: its slug under its parent's address; the home page is `/`
 * and its children sit at the top level. The site, the Studio's Preview action and the
 * breadcrumbs all resolve addresses here.
 *
 * Addresses end in a slash (`/about-us/`, `/about-us/faqs/`): the site is built as
 * `about-us/index.html`, which every static host serves at exactly that URL with no redirect
 * and no rewrite rule, so the address a page links to is the one it is served and indexed at.
 */
export interface PageNode {
  _id: string
  slug: string | null
  parentId: string | null
}

/** Why a page has no address. */
export type ChainProblem = {id: string; message: string}

/**
 * The pages from the top level down to `page` (included; the home page never is), or the
 * problem that breaks the chain: a loop, or a parent that does not exist.
 */
export function pageChain<P extends PageNode>(
  page: P,
  byId: ReadonlyMap<string, P>,
  homePageId: string | null | undefined,
): {chain: P[]; problem?: ChainProblem} {
  const chain: P[] = []
  // Ends at the top level (break) or at a broken link (return).
  for (let current = page; ;) {
    if (chain.includes(current)) return {chain, problem: {id: page._id, message: 'its parent pages form a loop'}}
    chain.unshift(current)
    if (!current.parentId || current.parentId === homePageId) break
    const parent = byId.get(current.parentId)
    if (!parent) {
      const message = `its parent page ${current.parentId} does not exist or is not published`
      return {chain, problem: {id: current._id, message}}
    }
    current = parent
  }
  return {chain}
}

/**
 * A path on this site in the form it is served at: a trailing slash on any path that does not
 * name a file (`/about-us` → `/about-us/`, `/about-us#team` → `/about-us/#team`); files
 * (`/sitemap.xml`), other sites, `mailto:` and fragments are returned as given.
 */
export function servedPath(href: string): string {
  const match = /^(\/(?!\/)[^?#]*)(.*)$/s.exec(href)
  if (!match) return href
  const [, pathname = '', rest = ''] = match
  if (pathname.endsWith('/') || /\/[^/]+\.\w+$/.test(pathname)) return href
  return `${pathname}/${rest}`
}

/** Resolves every page's path (`/` or `/parent/slug/`), or reports the pages whose parent chain is broken. */
export function resolvePagePaths(pages: PageNode[], homePageId: string | null | undefined) {
  const byId = new Map(pages.map((page) => [page._id, page]))
  const paths = new Map<string, string>()
  const problems: ChainProblem[] = []
  for (const page of pages) {
    if (page._id === homePageId) {
      paths.set(page._id, '/')
      continue
    }
    const {chain, problem} = pageChain(page, byId, homePageId)
    if (problem) problems.push(problem)
    paths.set(page._id, `/${chain.map((node) => node.slug ?? '').join('/')}/`.replace(/\/{2,}$/, '/'))
  }
  return {paths, problems}
}

/** Page `page` of a list at `base`: page 1 is `base` itself, page n after it `<base>page/n/`. */
export const listPagePath = (base: string, page: number) => (page <= 1 ? base : `${base}page/${String(page)}/`)

/** Where the draft preview takes the Presentation tool's handshake, which switches drafts on. */
export const PREVIEW_MODE_ENABLE_PATH = '/preview-mode/enable/'

/** Where news and topics live: `/news/<slug>/`, the news list's pages, `/topics/<slug>/`. */
export const NEWS_PATH = '/news/'
export const TOPICS_PATH = '/topics/'
export const newsArticlePath = (slug: string) => `${NEWS_PATH}${slug}/`
export const topicPath = (slug: string) => `${TOPICS_PATH}${slug}/`
/** Where events live: `/events/`, `/events/<slug>/`, each one's calendar file, and the upcoming events' calendar. */
export const EVENTS_PATH = '/events/'
export const eventPath = (slug: string) => `${EVENTS_PATH}${slug}/`
export const eventCalendarPath = (slug: string) => `${EVENTS_PATH}${slug}/event.ics`
export const UPCOMING_EVENTS_CALENDAR_PATH = `${EVENTS_PATH}upcoming.ics`
/** Every past event, newest first: page 1 is `/events/past/`, page n after it `/events/past/page/n/`. */
export const PAST_EVENTS_PATH = `${EVENTS_PATH}past/`
export const pastEventsListPath = (page: number) => listPagePath(PAST_EVENTS_PATH, page)
/** Every upcoming event, soonest first, when there are more than /events/ shows: `/events/upcoming/` and its pages. */
export const UPCOMING_EVENTS_PATH = `${EVENTS_PATH}upcoming/`
export const upcomingEventsListPath = (page: number) => listPagePath(UPCOMING_EVENTS_PATH, page)
/** The search page, and under it the index of pages from A to Z that serves visitors without JavaScript. */
export const SEARCH_PATH = '/search/'
export const PAGES_INDEX_PATH = `${SEARCH_PATH}a-z/`
/** Page 1 of the A to Z is `/search/a-z/`; page n after it is `/search/a-z/page/n/`. */
export const pagesIndexPath = (page: number) => listPagePath(PAGES_INDEX_PATH, page)
/** Addresses the site gives its own sections; no page may take one, or an address under one. */
export const RESERVED_PATHS = [NEWS_PATH, TOPICS_PATH, SEARCH_PATH, '/publications/', EVENTS_PATH] as const

/** The reserved section `path` falls in, if any. */
export const reservedPathOf = (path: string) => RESERVED_PATHS.find((reserved) => path.startsWith(reserved))

/** Page 1 of the news list is `/news/`; page n after it is `/news/page/n/`. */
export const newsListPath = (page: number) => listPagePath(NEWS_PATH, page)

/** Where publications live: `/publications/<slug>/`, the list's pages and its filters. */
export const PUBLICATIONS_PATH = '/publications/'
export const publicationPath = (slug: string) => `${PUBLICATIONS_PATH}${slug}/`
/** Page 1 of a publications list is `base`; page n after it is `<base>page/n/`. */
export const publicationListPath = (page: number, base: string = PUBLICATIONS_PATH) => listPagePath(base, page)
export const publicationKindPath = (kind: string) => `${PUBLICATIONS_PATH}kind/${kind}/`
export const publicationTopicPath = (slug: string) => `${PUBLICATIONS_PATH}topic/${slug}/`
export const publicationYearPath = (year: string) => `${PUBLICATIONS_PATH}year/${year}/`
export const publicationAuthorPath = (slug: string) => `${PUBLICATIONS_PATH}author/${slug}/`

/**
 * The feeds: news, publications, and one for everything (news, publications and events) at the
 * top level. A page can never take `/rss.xml`: slugs have no dots (SLUG_PATTERN in rules.ts).
 */
export const NEWS_FEED_PATH = `${NEWS_PATH}rss.xml`
export const PUBLICATIONS_FEED_PATH = `${PUBLICATIONS_PATH}rss.xml`
export const SITE_FEED_PATH = '/rss.xml'

/**
 * The site's own lists a menu or footer link can point at by name (a link's `section`), so an
 * editor picks “News” rather than typing its address. Each lives at a reserved address.
 */
export const SITE_SECTIONS = [
  {value: 'news', title: 'News', path: NEWS_PATH},
  {value: 'publications', title: 'Publications', path: PUBLICATIONS_PATH},
  {value: 'events', title: 'Events', path: EVENTS_PATH},
  {value: 'topics', title: 'Topics', path: TOPICS_PATH},
  {value: 'search', title: 'Search', path: SEARCH_PATH},
] as const

/** Where a section of the site lives, or undefined for a name the site does not have. */
export const sectionPath = (section: string) => SITE_SECTIONS.find((candidate) => candidate.value === section)?.path
