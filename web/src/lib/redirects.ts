import {servedPath} from '@itss/schemas/paths'
import {normaliseRedirectSource, redirectStatus, routablePaths, type RoutableDocument} from '@itss/schemas/redirects'
import type {SiteQueryResult} from '../sanity.types.ts'

export type SiteRedirect = SiteQueryResult['redirects'][number]

/** One redirect as hosts and browsers are given it. */
export interface RedirectRule {
  id: string
  /** The old address, in the form the site serves addresses: `/old-page/`. */
  from: string
  /** Where it leads: a path as served (`/news/new-headline/`) or an address elsewhere. */
  to: string
  status: 301 | 302
}

/** The address of every document with a page of its own (pages, articles, publications, events, topics), by id. */
export function documentPaths(site: SiteQueryResult): Map<string, string> {
  const documents: RoutableDocument[] = [
    ...site.pages,
    ...site.news,
    ...site.publications,
    ...site.events,
    ...site.topics,
  ]
  return routablePaths({homePageId: site.settings?.homePageId ?? null, documents})
}

/**
 * Where a redirect leads: its document's current address (so it follows the document when it
 * moves again), or its own address with a path put in served form; undefined when it has neither.
 */
export function redirectTarget(redirect: SiteRedirect, paths: ReadonlyMap<string, string>): string | undefined {
  if (redirect.toId) return paths.get(redirect.toId)
  return redirect.toAddress ? servedPath(redirect.toAddress.trim()) : undefined
}

/** The site's redirects, by old address. The build has refused any that would break (checkRedirects.ts). */
export function redirectRules(site: SiteQueryResult): RedirectRule[] {
  const paths = documentPaths(site)
  return site.redirects
    .flatMap((redirect) => {
      const to = redirectTarget(redirect, paths)
      if (!redirect.from || !to) return []
      return [
        {id: redirect._id, from: normaliseRedirectSource(redirect.from), to, status: redirectStatus(redirect.kind)},
      ]
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
}

/** The rules as a `_redirects` file, which Netlify and Cloudflare Pages read: `from to status`, one a line. */
export function redirectsFile(rules: readonly RedirectRule[]): string {
  return [
    '# Old addresses and where they lead, from the Studio’s Redirects; written by the site build.',
    ...rules.map(({from, to, status}) => `${from} ${to} ${String(status)}`),
    '',
  ].join('\n')
}
