// Sections that list every document of a type: which documents each shows, in what order, and
// which part of its page shows one. The site cuts its pages by these (web/src/lib/listSections.ts);
// the Studio's Presentation tool points a document at the part that shows it.
import {LIST_SECTION_PAGE_SIZES} from './vocabulary.ts'

/** The order each list section's documents come in: GROQ orderings, used by the site's query and the Studio's. */
export const FAQ_ORDER = 'order asc, question asc'
export const TEAM_ORDER = 'order asc, name asc'
export const PARTNER_ORDER = 'order asc, name asc'
export const ROADMAP_ORDER = 'stage asc'
export const MILESTONE_ORDER = 'date asc'

export type ListSectionType = keyof typeof LIST_SECTION_PAGE_SIZES

/** Each list section's type, and the document type it lists, in its order. */
export const LIST_SECTIONS = {
  faqSection: {listing: 'faq', order: FAQ_ORDER},
  teamSection: {listing: 'teamMember', order: TEAM_ORDER},
  partnerSection: {listing: 'partner', order: PARTNER_ORDER},
  timelineSection: {listing: 'milestone', order: MILESTONE_ORDER},
  roadmapSection: {listing: 'roadmapStage', order: ROADMAP_ORDER},
} as const satisfies Record<ListSectionType, {listing: string; order: string}>

export const isListSectionType = (type: string): type is ListSectionType => type in LIST_SECTIONS

/** What a section holds that decides which documents it lists. */
export interface ListSectionChoice {
  _type: string
  groups?: string[] | null
  kinds?: string[] | null
}

/**
 * The documents a list section shows, in order, out of every document it could list (in the
 * section's order): a team section shows its groups in turn, a partner section its kinds.
 */
export function listSectionItems<T extends {group?: string | null; kind?: string | null}>(
  section: ListSectionChoice,
  all: readonly T[],
): T[] {
  if (section._type === 'teamSection')
    return (section.groups ?? []).flatMap((group) => all.filter((item) => item.group === group))
  if (section._type === 'partnerSection')
    return (section.kinds ?? []).flatMap((kind) => all.filter((item) => item.kind === kind))
  return [...all]
}

/** The part of its page (from 1) on which a list section shows its item at `index` (from 0). */
export const listPartAt = (type: ListSectionType, index: number): number =>
  Math.floor(Math.max(0, index) / LIST_SECTION_PAGE_SIZES[type]) + 1
