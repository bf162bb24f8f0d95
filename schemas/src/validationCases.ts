/*
 * Validation cases: each document and singleton type has a `<type>.cases.ts` beside its schema
 * with a document that passes every rule and one broken copy per rule. tests/src/schemaValidation.test.ts runs
 * them through the Studio's validator; tests/src/hostile.test.ts writes the copies marked
 * `build` into a dataset and expects the site's build to refuse them as well.
 *
 * Kept free of Sanity imports, so the site's tests can load the cases without the Studio.
 */

export type Doc = Record<string, unknown> & {_id: string; _type: string}

export interface BrokenCase {
  /** What the copy breaks, read as a test name: "slug is required". */
  rule: string
  /** The top-level field the Studio reports the error on. */
  field: string
  change: (doc: Doc) => Doc
  /**
   * Set when the build must refuse the copy too (web/src/lib/checkContent.ts): `true` when
   * the build names `field`, or the deeper path it names, such as `body[0].body[0].markDefs[0].href`.
   */
  build?: true | string
}

export interface Case {
  /** A document that passes every rule, and every check of the build. */
  valid: Doc
  /** Each breaks one rule; `field` is where the error must be reported. */
  broken: BrokenCase[]
}

/** What a `<type>.cases.ts` file exports as `cases`: the cases of that one type, under its name. */
export type ValidationCases = Record<string, Case>

// Builders the cases files share.

export const ref = (id: string) => ({_type: 'reference', _ref: id})

export const text = (words: string, style = 'normal') => ({
  _type: 'block',
  _key: `b${String(words.length)}`,
  style,
  markDefs: [],
  children: [{_type: 'span', _key: 's1', text: words, marks: []}],
})

/** A paragraph that is one link to `href`. */
export const linkedText = (href: string) => ({
  ...text('Read more'),
  markDefs: [{_key: 'm1', _type: 'link', href}],
  children: [{_type: 'span', _key: 's1', text: 'Read more', marks: ['m1']}],
})

/** The one image asset the cases use; CASE_FIXTURES holds its document. */
export const IMAGE_ASSET_ID = 'image-abc-10x10-png'
export const image = {_type: 'accessibleImage', asset: ref(IMAGE_ASSET_ID), alt: 'A workshop bench'}

export const set =
  (patch: Record<string, unknown>) =>
  (doc: Doc): Doc => ({...doc, ...patch})

export const unset = (field: string) => (doc: Doc) =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => key !== field)) as Doc

/**
 * Documents the cases point at, which every dataset the cases are checked against must hold:
 * a page to link to, a page under it whose address a case takes, a topic and a news article
 * to point at (whose addresses cases take too), a redirect whose old address a case takes, and
 * the image asset.
 * Their titles sort before any case's page, so when a case's page takes an address, the build
 * (which reads pages in title order and reports the later one) names the case's page.
 */
export const CASE_FIXTURES: Doc[] = [
  {
    _id: 'page-other',
    _type: 'page',
    title: 'A page the cases link to',
    slug: {_type: 'slug', current: 'other'},
    summary: 'Linked from the validation cases.',
  },
  {
    _id: 'page-taken',
    _type: 'page',
    title: 'A page whose address a case takes',
    slug: {_type: 'slug', current: 'taken'},
    parent: ref('page-other'),
    summary: 'Its address, /other/taken, is claimed by a case.',
  },
  {
    _id: 'topic-other',
    _type: 'topic',
    title: 'A topic the cases point at',
    slug: {_type: 'slug', current: 'other-topic'},
    description: 'Filed on by the validation cases; a case takes its address.',
  },
  {
    // Older than any case's article, so when a case's article takes its address, the build
    // (which gives an address to the older article and reports the newer one) names the case's.
    _id: 'news-other',
    _type: 'newsArticle',
    title: 'An article the cases link to',
    slug: {_type: 'slug', current: 'other-news'},
    date: '2000-01-01',
    summary: 'Linked from the validation cases; a case takes its address.',
    body: [text('Linked from the validation cases.')],
  },
  {
    _id: 'team-other',
    _type: 'teamMember',
    name: 'A team member the cases name',
    role: 'Author',
    group: 'researchPolicyGroup',
    order: 99,
  },
  {
    _id: 'roadmap-other',
    _type: 'roadmapStage',
    stage: 20,
    title: 'A stage the cases point at',
    summary: 'Pointed at by the validation cases.',
  },
  {
    _id: 'publication-other',
    _type: 'publication',
    title: 'A publication the cases link to',
    slug: {_type: 'slug', current: 'other-publication'},
    kind: 'other',
    date: '2000-01-01',
    summary: 'Linked from the validation cases.',
    url: 'https://example.org/publication',
  },
  {
    _id: 'redirect-other',
    _type: 'redirect',
    from: '/old-fixture-address',
    to: ref('page-other'),
    kind: 'permanent',
  },
  {
    _id: IMAGE_ASSET_ID,
    _type: 'sanity.imageAsset',
    extension: 'png',
    mimeType: 'image/png',
    metadata: {_type: 'sanity.imageMetadata', dimensions: {_type: 'sanity.imageDimensions', width: 10, height: 10}},
  },
]
