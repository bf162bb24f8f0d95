import {servedPath} from '@itss/schemas/paths'
import {normaliseRedirectSource} from '@itss/schemas/redirects'
import type {AddressMove} from './addressMoves.ts'

/** A published redirect, as the plan needs it. */
export interface ExistingRedirect {
  _id: string
  from: string | null
  toAddress: string | null
}

/** What publishing a document's moves does to the redirects. */
export interface RedirectPlan {
  /** Before publishing: redirects away from an address a document is about to take. */
  remove: string[]
  /** After publishing: redirects to point at a moved document, from its old address or leading to it. */
  repoint: Array<{redirectId: string; documentId: string}>
  /** After publishing: old addresses no redirect leaves from yet. */
  create: Array<{from: string; documentId: string}>
}

/**
 * Keeps every old address working in one hop: each leads to its document (by reference, so it
 * follows the document when it moves again), a redirect that led to an old address now leads
 * to the document instead of on to another redirect, and no redirect leaves from an address a
 * document takes (changing a slug back must not hide the page behind a redirect).
 */
export function redirectPlan(moves: AddressMove[], existing: ExistingRedirect[]): RedirectPlan {
  const source = (redirect: ExistingRedirect) => (redirect.from ? normaliseRedirectSource(redirect.from) : null)
  const taken = new Set(moves.map((move) => move.to))
  const remove = existing.filter((redirect) => taken.has(source(redirect) ?? '')).map((redirect) => redirect._id)
  const kept = existing.filter((redirect) => !remove.includes(redirect._id))
  const repoint: RedirectPlan['repoint'] = []
  const create: RedirectPlan['create'] = []
  for (const {id: documentId, from} of moves) {
    const leavingFrom = kept.filter((redirect) => source(redirect) === from)
    const leadingTo = kept.filter((redirect) => redirect.toAddress && servedPath(redirect.toAddress.trim()) === from)
    for (const redirect of [...leavingFrom, ...leadingTo]) repoint.push({redirectId: redirect._id, documentId})
    if (leavingFrom.length === 0) create.push({from, documentId})
  }
  return {remove, repoint, create}
}
