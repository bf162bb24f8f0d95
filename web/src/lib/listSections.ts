import {listSectionItems} from '@itss/schemas/lists'
import {listPagePath} from '@itss/schemas/paths'
import {LIST_SECTION_PAGE_SIZES as PER_PAGE} from '@itss/schemas/vocabulary'
import type {Content, Faq, Page, Partner, Section, TeamMember} from './content.ts'
import {inPages} from './paging.ts'

/*
 * Sections that list every document of a kind: FAQs, people, partners, milestones, roadmap
 * stages. They grow with the content, so past a screenful each is cut into parts: the page's
 * own address shows the first part of its lists and every other section, `<page>/page/n/` the
 * nth part of its lists alone. No page then outgrows the HTML budget, however many documents
 * there are, even with two lists on it (Research and Policy has its roadmap and its team).
 */

type Milestone = Content['site']['milestones'][number]
type Stage = Content['site']['roadmap'][number]

/** What each list section shows, in order, what a reader calls them, and how many fit one page of the site. */
const LISTS = {
  faqSection: {perPage: PER_PAGE.faqSection, noun: 'questions', items: (content: Content): Faq[] => content.site.faqs},
  teamSection: {
    perPage: PER_PAGE.teamSection,
    noun: 'people',
    items: (content: Content, section: Section): TeamMember[] => listSectionItems(section, content.site.team),
  },
  partnerSection: {
    perPage: PER_PAGE.partnerSection,
    noun: 'partners',
    items: (content: Content, section: Section): Partner[] => listSectionItems(section, content.site.partners),
  },
  timelineSection: {
    perPage: PER_PAGE.timelineSection,
    noun: 'milestones',
    items: (content: Content): Milestone[] => content.site.milestones,
  },
  roadmapSection: {
    perPage: PER_PAGE.roadmapSection,
    noun: 'stages',
    items: (content: Content): Stage[] => content.site.roadmap,
  },
}

export type ListSectionType = keyof typeof LISTS
type ListSection = Extract<Section, {_type: ListSectionType}>
type ItemOf<K extends ListSectionType> = ReturnType<(typeof LISTS)[K]['items']>[number]

export const isListSection = (section: Section): section is ListSection => section._type in LISTS

/** What a list section's items are, for its page links: “questions”, “people”. */
export const listNoun = (section: ListSection): string => LISTS[section._type].noun

/** Part `part` of what a list section shows (from 1), where it starts in the whole list, and how many parts there are. */
export interface ListPart<T> {
  items: T[]
  /** How many items come before this part: an ordered list starts numbering after them. */
  offset: number
  parts: number
}

// A page's parts are worked out by its route, its view and search: once per section and build.
const partsOf = new WeakMap<Content, WeakMap<object, unknown[][]>>()

/** A list section's items cut into parts (always at least one). */
function partsOfList(content: Content, section: ListSection): unknown[][] {
  let known = partsOf.get(content)
  if (!known) partsOf.set(content, (known = new WeakMap()))
  let parts = known.get(section)
  if (!parts) {
    const list = LISTS[section._type] as {perPage: number; items: (content: Content, section: Section) => unknown[]}
    parts = inPages(list.items(content, section), list.perPage)
    known.set(section, parts)
  }
  return parts
}

export function listPart<K extends ListSectionType>(
  content: Content,
  section: Extract<ListSection, {_type: K}>,
  part: number,
): ListPart<ItemOf<K>> {
  const parts = partsOfList(content, section)
  const offset = (part - 1) * LISTS[section._type].perPage
  return {items: (parts[part - 1] ?? []) as ItemOf<K>[], offset, parts: parts.length}
}

/** How many parts a page has: as many as its longest list, and one when it has none. */
export function pageParts(content: Content, page: Page): number {
  return Math.max(1, ...(page.body ?? []).filter(isListSection).map((section) => listPart(content, section, 1).parts))
}

/** The address of part `part` of a page at `path`: the page itself, then `<path>page/n/`. */
export const pagePartPath = listPagePath

/** The part of a page at which a list section shows `item` (found by identity); 1 when it does not. */
export function partShowing(content: Content, section: ListSection, item: object): number {
  return partsOfList(content, section).findIndex((items) => items.includes(item)) + 1 || 1
}
