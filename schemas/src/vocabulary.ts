/**
 * The fixed lists the content model offers editors. Kept free of Sanity imports so the site
 * can use the same lists (group titles, section types) without bundling the Studio.
 */

export const TEAM_GROUPS = [
  {title: 'Core team', value: 'coreTeam'},
  {title: 'Advisory Board', value: 'advisoryBoard'},
  {title: 'Technical Council', value: 'technicalCouncil'},
  {title: 'Research and Policy Group', value: 'researchPolicyGroup'},
] as const

export const PARTNER_KINDS = [
  {title: 'Funder', value: 'funder'},
  {title: 'Host', value: 'host'},
  {title: 'Supporting partner', value: 'supportingPartner'},
] as const

export const FAQ_CATEGORIES = [
  {title: 'About the Institute', value: 'institute'},
  {title: 'Funding', value: 'funding'},
  {title: 'Programmes', value: 'programmes'},
] as const

export const DATE_PRECISIONS = [
  {title: 'Year only (2017)', value: 'year'},
  {title: 'Month and year (July 2026)', value: 'month'},
  {title: 'Full date (1 August 2023)', value: 'day'},
] as const

/** What kind of publication a publication is; `value` is its address under /publications/kind/. */
export const PUBLICATION_KINDS = [
  {title: 'Research paper', value: 'research-paper'},
  {title: 'Insight report', value: 'insight-report'},
  {title: 'Policy response', value: 'policy-response'},
  {title: 'Evaluation', value: 'evaluation'},
  {title: 'Other', value: 'other'},
] as const

/** Section types a page body can hold, in the order the Studio offers them. */
export const PAGE_SECTION_TYPES = [
  'textSection',
  'statsSection',
  'pageCardsSection',
  'commitmentsSection',
  'timelineSection',
  'videoSection',
  'faqSection',
  'teamSection',
  'partnerSection',
  'roadmapSection',
  'quoteSection',
  'publicationsSection',
] as const

/** A page section's type name; the site's section components and the schemas are keyed by it. */
export type PageSectionType = (typeof PAGE_SECTION_TYPES)[number]

/**
 * Sections that list every document of a type, and how many of them one page of the site
 * shows before the list continues at `<page>/page/2/`: enough to read, few enough that a page
 * with two such lists stays within the HTML budget at any number of documents.
 */
export const LIST_SECTION_PAGE_SIZES = {
  faqSection: 20,
  teamSection: 15,
  partnerSection: 30,
  timelineSection: 30,
  roadmapSection: 10,
} as const satisfies Partial<Record<PageSectionType, number>>
