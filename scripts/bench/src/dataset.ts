// Synthetic datasets for the scale benchmark: the demo dataset (singletons, home page, menu)
// plus generated publications, news, events, pages and the rest, valid per the schema, and the
// same pages as plain JSON for the plain Astro build to render (plain.ts).
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {plainSite, type PlainSite} from './plain.ts'
import {generateEvents, generateNews, generatePublications, generateTopics, type Refs} from './outputs.ts'
import {textKit} from './text.ts'

export interface Doc {
  _id: string
  _type: string
  [key: string]: unknown
}

export interface SyntheticDataset {
  /** Every document for data.ndjson, demo documents first. */
  documents: Doc[]
  /** How many documents of each type. */
  counts: Record<string, number>
  plain: PlainSite
}

const STAMP = '2026-11-01T09:00:00Z'
const DAY = 86_400_000
/** Children per page in the generated tree: 20 top-level pages, 400 under them, and so on. */
const FAN_OUT = 20

export async function readDemoDocuments(datasetDir: string): Promise<Doc[]> {
  const text = await readFile(path.join(datasetDir, 'data.ndjson'), 'utf8')
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Doc)
}

/**
 * `total` documents in all: the demo's, then generated ones in the mix a mature institute site
 * holds: mostly publications, news and events across a dozen or so topics, then pages, FAQs,
 * people and the rest. Deterministic for a given `total` and day (`now`, which decides which
 * events are still to come).
 */
export function generateDataset(total: number, demo: Doc[], now: Date = new Date()): SyntheticDataset {
  const kit = textKit(total)
  const {random, pick, between, key, sentence, sentences, title, block, richText} = kit
  const today = Math.floor(now.getTime() / DAY) * DAY

  const remaining = Math.max(0, total - demo.length)
  const share = (fraction: number) => Math.round(remaining * fraction)
  const counts = {
    topic: Math.min(12, Math.ceil(remaining / 50)),
    publication: share(0.45),
    newsArticle: share(0.25),
    event: share(0.1),
    faq: share(0.02),
    teamMember: share(0.015),
    partner: share(0.005),
    milestone: share(0.005),
    quote: share(0.01),
    // Stages are numbered 1 to 20 and the demo has three.
    roadmapStage: Math.min(17, Math.floor(remaining / 500)),
  }
  const pageCount = Math.max(0, remaining - Object.values(counts).reduce((a, b) => a + b, 0))
  const docs: Doc[] = []
  const groups = ['coreTeam', 'advisoryBoard', 'technicalCouncil', 'researchPolicyGroup']
  const kinds = ['funder', 'host', 'supportingPartner']
  const precisions = ['year', 'month', 'day']
  const categories = ['institute', 'funding', 'programmes']
  const base = (type: string, id: string) => ({_id: id, _type: type, _createdAt: STAMP, _updatedAt: STAMP})

  for (let i = 0; i < counts.faq; i++)
    docs.push({
      ...base('faq', `faq-bench-${i}`),
      question: `${title()}?`,
      answer: [block(sentences(1, 3))],
      category: categories[i % categories.length],
      order: 100 + i,
    })
  for (let i = 0; i < counts.teamMember; i++)
    docs.push({
      ...base('teamMember', `team-bench-${i}`),
      name: `Person ${i}`,
      role: title(),
      group: groups[i % groups.length],
      ...(random() < 0.5 ? {bio: sentences(1, 2)} : {}),
      order: 100 + i,
    })
  for (let i = 0; i < counts.partner; i++)
    docs.push({
      ...base('partner', `partner-bench-${i}`),
      name: `${title()} ${i}`,
      kind: kinds[i % kinds.length],
      description: sentences(1, 1).slice(0, 300),
      url: `https://partner-${i}.example/`,
      order: 100 + i,
    })
  for (let i = 0; i < counts.milestone; i++)
    docs.push({
      ...base('milestone', `milestone-bench-${i}`),
      date: `${2000 + (i % 26)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
      precision: precisions[i % precisions.length],
      title: title(),
      summary: sentences(1, 2).slice(0, 400),
    })
  for (let i = 0; i < counts.quote; i++)
    docs.push({
      ...base('quote', `quote-bench-${i}`),
      text: sentences(1, 2).slice(0, 600),
      attribution: `Person ${i}`,
      role: title(),
      placeholder: false,
    })
  for (let i = 0; i < counts.roadmapStage; i++)
    docs.push({
      ...base('roadmapStage', `roadmap-bench-${i}`),
      stage: 4 + i,
      title: title(),
      summary: sentences(1, 2).slice(0, 400),
      body: [block(sentences(1, 2))],
      outcomes: [title(), title()],
    })

  const pageId = (i: number) => `page-bench-${i}`
  const idsOf = (type: string) => [...demo, ...docs].filter((doc) => doc._type === type).map((doc) => doc._id)
  const topics = generateTopics(kit, counts.topic)
  const refs: Refs = {
    topicIds: [...idsOf('topic'), ...topics.map((topic) => topic._id)],
    teamIds: idsOf('teamMember'),
    pageIds: [...idsOf('page'), ...Array.from({length: Math.min(pageCount, 200)}, (_, i) => pageId(i))],
    stageIds: idsOf('roadmapStage'),
    pdf: demo
      .map((doc) => (doc.file as {_sanityAsset?: string} | undefined)?._sanityAsset)
      .find((spec) => spec?.startsWith('file@')),
  }
  docs.push(
    ...topics,
    ...generatePublications(kit, counts.publication, refs, today),
    ...generateNews(kit, counts.newsArticle, refs, today),
    ...generateEvents(kit, counts.event, refs, today),
  )

  const quoteIds = idsOf('quote')
  // Page i's parent is page floor(i / FAN_OUT) - 1; the first FAN_OUT pages sit at the top.
  const parentOf = (i: number) => (i < FAN_OUT ? undefined : Math.floor(i / FAN_OUT) - 1)
  const childrenOf = (i: number) => {
    const first = (i + 1) * FAN_OUT
    const ids: string[] = []
    for (let c = first; c < Math.min(first + FAN_OUT, pageCount) && ids.length < 9; c++) ids.push(pageId(c))
    return ids
  }
  const hubSections = ['faqSection', 'teamSection', 'partnerSection', 'timelineSection', 'roadmapSection'] as const

  for (let i = 0; i < pageCount; i++) {
    const parent = parentOf(i)
    const linkTo = random() < 0.5 && parent !== undefined ? pageId(parent) : undefined
    const body: unknown[] = [{_type: 'textSection', _key: key(), heading: title(), body: richText(linkTo)}]
    for (let s = between(1, 3); s > 0; s--) {
      const roll = random()
      if (roll < 0.45) body.push({_type: 'textSection', _key: key(), heading: title(), body: richText(undefined)})
      else if (roll < 0.6)
        body.push({
          _type: 'statsSection',
          _key: key(),
          heading: title(),
          stats: Array.from({length: between(2, 4)}, () => ({
            _type: 'stat',
            _key: key(),
            value: `${between(2, 999)}`,
            label: title(),
          })),
        })
      else if (roll < 0.75 && quoteIds.length > 0)
        body.push({_type: 'quoteSection', _key: key(), quote: {_type: 'reference', _ref: pick(quoteIds)}})
      else if (roll < 0.85)
        body.push({
          _type: 'commitmentsSection',
          _key: key(),
          heading: title(),
          statement: sentence(),
          commitments: Array.from({length: between(2, 4)}, (_, n) => `${title()} ${n + 1}`),
        })
      else if (roll < 0.9) body.push({_type: 'videoSection', _key: key(), heading: title(), caption: sentence()})
      else body.push({_type: 'textSection', _key: key(), heading: title(), body: richText(undefined)})
    }
    // Sections that list every FAQ, person, partner, milestone or stage: on top-level pages only.
    if (i < FAN_OUT) {
      const type = hubSections[i % hubSections.length] ?? 'faqSection'
      const extra = type === 'teamSection' ? {groups} : type === 'partnerSection' ? {kinds} : {}
      body.push({_type: type, _key: key(), heading: title(), intro: sentence(), ...extra})
    }
    const children = childrenOf(i)
    const related = children.length > 0 ? children : parent !== undefined ? childrenOf(parent) : []
    const cards = related.filter((id) => id !== pageId(i))
    if (cards.length > 0)
      body.push({
        _type: 'pageCardsSection',
        _key: key(),
        heading: 'Related pages',
        pages: cards.map((id) => ({_type: 'reference', _ref: id, _key: key()})),
      })
    docs.push({
      ...base('page', pageId(i)),
      title: title(),
      slug: {_type: 'slug', current: `topic-${i}`},
      ...(parent !== undefined ? {parent: {_type: 'reference', _ref: pageId(parent)}} : {}),
      summary: sentences(1, 2).slice(0, 300),
      body,
    })
  }

  const documents = [...demo, ...docs]
  const tally: Record<string, number> = {}
  for (const doc of documents) tally[doc._type] = (tally[doc._type] ?? 0) + 1
  return {documents, counts: tally, plain: plainSite(documents, new Date(today))}
}
