import type {AsyncLocalStorage} from 'node:async_hooks'

import {pageChain, resolvePagePaths, sectionPath, servedPath} from '@itss/schemas/paths'
import type {SiteQueryResult} from '../sanity.types.ts'
import {announceBuildContent} from './buildContent.ts'
import {
  checkContent,
  ContentError,
  describeProblems,
  setAsideBrokenDrafts,
  type ContentProblem,
} from './checkContent.ts'
import {siteQuery} from './queries.ts'
import {connectContent} from './sanity.ts'
import {fetchDocuments, type DocumentFile} from './documents.ts'
import {redirectRules, type RedirectRule} from './redirects.ts'

export type Site = SiteQueryResult
export type Page = Site['pages'][number]
export type Section = NonNullable<Page['body']>[number]
export type TeamMember = Site['team'][number]
export type Partner = Site['partners'][number]
export type Faq = Site['faqs'][number]
export type ImageRef = NonNullable<TeamMember['photo']>
export type NewsArticle = Site['news'][number]
export type Topic = Site['topics'][number]
export type Publication = Site['publications'][number]
export type SiteEvent = Site['events'][number]
export type LinkValue = NonNullable<NonNullable<Site['settings']>['footerLinks']>[number]

/** A link in a trail of breadcrumbs, or anywhere a title and an address are enough. */
export interface Crumb {
  title: string
  path: string
}

export interface Content {
  site: Site
  settings: NonNullable<Site['settings']>
  /** Site path of every page, by document id: `/`, `/about-us/`, `/about-us/faqs/`. */
  paths: Map<string, string>
  pagesById: Map<string, Page>
  imagesById: Map<string, Site['images'][number]>
  newsById: Map<string, NewsArticle>
  topicsById: Map<string, Topic>
  publicationsById: Map<string, Publication>
  /** The PDFs publications offer, by asset id, fetched at build time to ship with the site. */
  documents: Map<string, DocumentFile>
  /** Old addresses and where they lead, by old address. */
  redirects: RedirectRule[]
  /** The draft preview: unpublished edits are showing, and every page says so. */
  isDraftPreview: boolean
  /** The release the draft preview shows the site with, if one was asked for. */
  previewRelease: string | undefined
  /** Drafts the preview shows as published, because they fail the content checks (why, for each). */
  setAside: ContentProblem[]
}

let loading: Promise<Content> | undefined

/**
 * The dev server's page requests, tracked by the content-backend integration, which shares this
 * process: each request's render runs with its own store, holding the release it previews.
 * Undefined in a build.
 */
export const DEV_REQUEST_KEY = Symbol.for('itss.devPageRequest')

interface DevRequest {
  release?: string | undefined
  /** False when the draft preview refuses this request drafts: it listens beyond loopback, and no handshake. */
  drafts: boolean
  content?: Promise<Content>
}

/**
 * The whole site's content, fetched once per build in a single request and checked before
 * any page renders. Every page of the build shares this one promise. The dev server (draft
 * preview) fetches it once per page request instead, so a saved draft shows on reload.
 */
export function loadContent(): Promise<Content> {
  if (import.meta.env.DEV) {
    const requests = (globalThis as Record<symbol, AsyncLocalStorage<DevRequest> | undefined>)[DEV_REQUEST_KEY]
    const request = requests?.getStore()
    if (request) return (request.content ??= fetchContent(request.release, request.drafts))
  }
  loading ??= (prefetched() ?? fetchContent(undefined)).then((content) => {
    announceBuildContent(content)
    return content
  })
  return loading
}

/** The build's content, asked for by the content-backend integration while Vite bundles the pages. */
const PREFETCHED_KEY = Symbol.for('itss.prefetchedBuildContent')
const prefetched = () => (globalThis as Record<symbol, Promise<Content> | undefined>)[PREFETCHED_KEY]

/**
 * Starts fetching the build's content before any page asks, so the query, the content checks and
 * the PDFs overlap bundling instead of delaying the first page. The pages' loadContent takes this
 * fetch up (they load their own copy of this module, hence the global); its failure fails them.
 */
export function prefetchBuildContent(ensureLake: typeof import('@itss/lake/local').ensureLocalLake): void {
  const global = globalThis as Record<symbol, Promise<Content> | undefined>
  if (global[PREFETCHED_KEY]) return
  const fetching = fetchContent(undefined, true, ensureLake)
  // Reported when a page awaits it; until then a rejection is not unhandled.
  fetching.catch(() => undefined)
  global[PREFETCHED_KEY] = fetching
}

async function fetchContent(
  release: string | undefined,
  drafts = true,
  ensureLake?: typeof import('@itss/lake/local').ensureLocalLake,
): Promise<Content> {
  const env = drafts ? process.env : {...process.env, SANITY_PERSPECTIVE: 'published'}
  const source = await connectContent(env, release, ensureLake)
  try {
    const started = performance.now()
    let site = await source.client.fetch(siteQuery)
    const documents = Object.values(site).reduce(
      (n, value) => n + (Array.isArray(value) ? value.length : value ? 1 : 0),
      0,
    )
    console.log(
      `[content] 1 request to ${source.description}: ${documents} documents in ${Math.round(performance.now() - started)} ms`,
    )

    const isDraftPreview = source.perspective !== 'published'
    const problems = checkContent(site)
    let setAside: ContentProblem[] = []
    if (problems.length > 0 && isDraftPreview) {
      // A preview shows the drafts that fail as they are published; a build of drafts says so too.
      const published = await source.client.fetch(siteQuery, {}, {perspective: 'published'})
      ;({site, setAside} = setAsideBrokenDrafts(site, published, problems))
      console.warn(`[content] ${describeProblems(setAside, 'shown as published')}`)
    } else if (problems.length > 0) throw new ContentError(problems)
    if (!site.settings) throw new ContentError([])

    return {
      site,
      settings: site.settings,
      paths: resolvePagePaths(site.pages, site.settings.homePageId).paths,
      pagesById: new Map(site.pages.map((page) => [page._id, page])),
      imagesById: new Map(site.images.map((image) => [image._id, image])),
      newsById: new Map(site.news.map((article) => [article._id, article])),
      topicsById: new Map(site.topics.map((topic) => [topic._id, topic])),
      publicationsById: new Map(site.publications.map((publication) => [publication._id, publication])),
      documents: await fetchDocuments(site),
      redirects: redirectRules(site),
      isDraftPreview,
      previewRelease: Array.isArray(source.perspective) ? source.perspective[0] : undefined,
      setAside,
    }
  } finally {
    await source.close()
  }
}

/**
 * The address a link points at: a page's path, a section's list (`/news/`), or the address as
 * given, with a path on this site (`/about-us`) put in the form it is served at (`/about-us/`)
 * so following it costs no redirect.
 */
export function linkHref(content: Content, link: Pick<LinkValue, 'href' | 'pageId' | 'section'>): string {
  if (link.pageId) return content.paths.get(link.pageId) ?? '/'
  if (link.section) return sectionPath(link.section) ?? '/'
  return servedPath(link.href ?? '/')
}

/** The pages above a page, from the home page down, for breadcrumbs. */
export function ancestorsOf(content: Content, page: Page): Page[] {
  const home = content.pagesById.get(content.settings.homePageId ?? '')
  if (!home || home === page) return []
  const {chain} = pageChain(page, content.pagesById, home._id)
  return [home, ...chain.slice(0, -1)]
}
