import type {Topic} from './content.ts'

/*
 * What the search index can filter by: what kind of thing a page is, and the topics it is filed
 * under. The index takes them from the content (searchRecords.ts); pages also declare them in
 * their markup (BaseLayout), and tests/src/search.test.ts checks the two agree. The search page
 * offers them.
 */

/** Each kind's value in the index, and its name in the search page's choice of kinds. */
export const SEARCH_KINDS = [
  {value: 'Page', title: 'Pages'},
  {value: 'News', title: 'News'},
  {value: 'Publication', title: 'Publications'},
  {value: 'Event', title: 'Events'},
] as const

export type SearchKind = (typeof SEARCH_KINDS)[number]['value']

export interface SearchFilters {
  kind: SearchKind
  /** The topics the page is filed under (a topic's own page is filed under itself). */
  topics?: Topic[]
}
