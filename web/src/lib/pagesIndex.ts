import {PAGES_INDEX_PATH, pagesIndexPath} from '@itss/schemas/paths'
import type {Content} from './content.ts'

/*
 * The site's pages from A to Z, cut into pages of a fixed length: what the search page offers a
 * visitor without JavaScript, so it stays the same size however many pages the site has.
 * News, publications, events and topics have lists of their own and are not repeated here.
 */

export const PAGES_INDEX_PER_PAGE = 50
export {PAGES_INDEX_PATH, pagesIndexPath}

export interface IndexEntry {
  title: string
  path: string
  /** The title of the page it sits under, so two pages of the same name can be told apart. */
  parent?: string | undefined
}

export interface IndexGroup {
  /** `A` to `Z`, or `0–9` for titles that start with anything else. */
  letter: string
  /** The id of the group's heading, the target of the letter's link. */
  id: string
  entries: IndexEntry[]
}

export interface PagesIndex {
  /** Each page of the index: its entries grouped by first letter, in order. */
  pages: IndexGroup[][]
  /** Every letter, with the address where its entries start, or none when no title starts with it. */
  letters: Array<{letter: string; path: string | undefined}>
}

const OTHER = '0–9'
const LETTERS = [OTHER, ...Array.from({length: 26}, (_, i) => String.fromCharCode(65 + i))]
const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'})

/** The letter a title is filed under: its first letter without accents (`É` under `E`). */
export function letterOf(title: string): string {
  const first = title.trim().normalize('NFD').charAt(0).toUpperCase()
  return /^[A-Z]$/.test(first) ? first : OTHER
}

const idOf = (letter: string) => (letter === OTHER ? 'az-other' : `az-${letter.toLowerCase()}`)

export function buildPagesIndex(entries: IndexEntry[], perPage: number = PAGES_INDEX_PER_PAGE): PagesIndex {
  const sorted = entries
    .map((entry) => ({entry, letter: letterOf(entry.title)}))
    .sort(
      (a, b) =>
        LETTERS.indexOf(a.letter) - LETTERS.indexOf(b.letter) ||
        collator.compare(a.entry.title, b.entry.title) ||
        a.entry.path.localeCompare(b.entry.path),
    )
  const pages: IndexGroup[][] = []
  const starts = new Map<string, string>()
  sorted.forEach(({entry, letter}, i) => {
    if (i % perPage === 0) pages.push([])
    const page = pages[pages.length - 1] ?? []
    let group = page[page.length - 1]
    if (group?.letter !== letter) {
      group = {letter, id: idOf(letter), entries: []}
      page.push(group)
    }
    group.entries.push(entry)
    if (!starts.has(letter)) starts.set(letter, `${pagesIndexPath(pages.length)}#${group.id}`)
  })
  return {
    pages: pages.length > 0 ? pages : [[]],
    letters: LETTERS.map((letter) => ({letter, path: starts.get(letter)})),
  }
}

const indexOf = new WeakMap<Content, PagesIndex>()

/** The index of the site's pages that search engines may list (the others are hidden from search, here too). */
export function pagesIndex(content: Content): PagesIndex {
  const known = indexOf.get(content)
  if (known) return known
  const index = buildPagesIndex(
    content.site.pages
      .filter((page) => !page.seo?.noIndex)
      .map((page) => ({
        title: page.title ?? '',
        path: content.paths.get(page._id) ?? '/',
        // Children of the home page are top-level pages: “in Home” would tell the reader nothing.
        parent:
          page.parentId === content.settings.homePageId
            ? undefined
            : (content.pagesById.get(page.parentId ?? '')?.title ?? undefined),
      })),
  )
  indexOf.set(content, index)
  return index
}
