import {
  checkRedirectAddress,
  checkRedirectSource,
  isSiteOwnedPath,
  normaliseRedirectSource,
  REDIRECT_KINDS,
} from '@itss/schemas/redirects'
import type {SiteQueryResult} from '../sanity.types.ts'
import type {ContentProblem} from './checkContent.ts'
import {documentPaths, redirectTarget} from './redirects.ts'

const KINDS = new Set<string>(REDIRECT_KINDS.map((kind) => kind.value))

/** The path part of an address on this site (`/a/#b` → `/a/`), or undefined for an address elsewhere. */
const sitePath = (address: string) => (address.startsWith('/') ? address.replace(/[?#].*$/s, '') : undefined)

/**
 * Checks the redirects: each old address is a page address on this site that no published
 * document or site section answers at and no other redirect claims; each leads to a published
 * document, or to an address that exists, in one hop: not to another redirect's old address,
 * which would make a chain or, coming back round, a loop.
 */
export function checkRedirects(site: SiteQueryResult): ContentProblem[] {
  const problems: ContentProblem[] = []
  const report = (documentId: string, field: string, message: string) => problems.push({documentId, field, message})

  const paths = documentPaths(site)
  const liveAt = new Map([...paths].map(([id, path]) => [path, id]))
  /** Where each old address leads, by old address; the first redirect to claim one keeps it. */
  const leads = new Map<string, {id: string; to: string | undefined}>()

  for (const redirect of site.redirects) {
    const {_id: id} = redirect
    if (redirect.kind && !KINDS.has(redirect.kind))
      report(id, 'kind', `“${redirect.kind}” is neither permanent nor temporary`)

    const to = redirectTarget(redirect, paths)
    if (redirect.toId) {
      if (!to) report(id, 'to', `leads to ${redirect.toId}, which does not exist or is not published`)
    } else if (!redirect.toAddress) report(id, 'to', 'leads nowhere: choose a document or give an address')
    else {
      const address = checkRedirectAddress(redirect.toAddress)
      if (address !== true) report(id, 'toAddress', `“${redirect.toAddress}”: ${address}`)
    }

    if (!redirect.from) {
      report(id, 'from', 'the redirect has no old address')
      continue
    }
    const source = checkRedirectSource(redirect.from)
    if (source !== true) {
      report(id, 'from', `“${redirect.from}”: ${source}`)
      continue
    }
    const from = normaliseRedirectSource(redirect.from)
    const live = liveAt.get(from)
    const other = leads.get(from)
    if (live) report(id, 'from', `${from} is the address of the published ${live}, which a redirect cannot take over`)
    else if (other) report(id, 'from', `${from} is already redirected by ${other.id}`)
    else leads.set(from, {id, to})
  }

  // Where each address on this site leads, followed one hop at a time while it lands on another redirect.
  for (const [from, {id, to}] of leads) {
    const target = to === undefined ? undefined : sitePath(to)
    if (target === undefined) continue
    if (!leads.has(target)) {
      if (!liveAt.has(target) && !existsOnSite(target))
        report(id, 'toAddress', `${target} is not an address on this site`)
      continue
    }
    const hops = [from]
    let next: string | undefined = target
    while (next !== undefined && !hops.includes(next)) {
      hops.push(next)
      const onward: string | undefined = leads.get(next)?.to
      // An address elsewhere ends the chain; name it as its last hop.
      if (onward !== undefined && sitePath(onward) === undefined) hops.push(onward)
      next = onward === undefined ? undefined : sitePath(onward)
    }
    if (next !== undefined) report(id, 'toAddress', `redirects in a loop: ${[...hops, next].join(' → ')}`)
    else
      report(
        id,
        'toAddress',
        `${hops.join(' → ')} is a chain of redirects: lead ${from} straight to ${hops.at(-1) ?? ''}`,
      )
  }
  return problems
}

/** A site section, list page or file the site answers at, which no document's address names. */
const existsOnSite = (path: string) => path === '/' || isSiteOwnedPath(path) || /\.\w+$/.test(path)
