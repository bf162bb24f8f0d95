// What a mature institute site mostly holds: topics, and publications, news articles and
// events filed under them, generated valid per the schema and the build's content checks.
import type {Doc} from './dataset.ts'
import type {TextKit} from './text.ts'

const STAMP = '2026-11-01T09:00:00Z'
const DAY = 86_400_000
const KINDS = ['research-paper', 'insight-report', 'policy-response', 'evaluation', 'other']
const FORMATS = ['inPerson', 'online', 'hybrid']
/** Most events go ahead; a few are cancelled, postponed or moved online. */
const STATUSES = [...Array<string>(17).fill('scheduled'), 'cancelled', 'postponed', 'movedOnline']
const VENUES = [
  'Jubilee Conference Centre',
  'Birmingham Council House',
  'The Royal Institution',
  'Edinburgh Futures Institute',
]
const TOPIC_NAMES = [
  'Apprenticeships',
  'Digital skills',
  'Laboratory safety',
  'Professional registration',
  'Research culture',
  'Equality and inclusion',
  'Sustainable laboratories',
  'Workforce data',
  'Leadership',
  'Regional networks',
  'Funding and investment',
  'Technical education',
  'Recognition and awards',
  'Core facilities',
  'Skills policy',
  'International practice',
]
const EXTERNAL_AUTHORS = [
  {name: 'Dr Amara Okafor', affiliation: 'University of Leeds'},
  {name: 'Professor Sarah Lindqvist', affiliation: 'Science Council'},
  {name: 'Tom Whitfield', affiliation: 'Gatsby Charitable Foundation'},
  {name: 'Dr Priya Raman'},
  {name: 'Professor Alan Murray', affiliation: 'University of Glasgow'},
  {name: 'Helen Carver', affiliation: 'Midlands Innovation'},
  {name: 'Dr Joseph Mensah'},
  {name: 'Chloe Barnes', affiliation: 'Research England'},
]

export interface OutputCounts {
  topic: number
  publication: number
  newsArticle: number
  event: number
}

export interface Refs {
  /** Published documents the generated ones may point at. */
  topicIds: string[]
  teamIds: string[]
  pageIds: string[]
  stageIds: string[]
  /** The demo's PDF, shared by the generated publications that offer one (uploaded once). */
  pdf: string | undefined
}

const base = (type: string, id: string) => ({_id: id, _type: type, _createdAt: STAMP, _updatedAt: STAMP})
const ref = (kit: TextKit, id: string) => ({_type: 'reference', _ref: id, _key: kit.key()})
/** A slug from a title and a number, unique by the number: `skills-policy-data-12`. */
const slugOf = (title: string, n: number) =>
  `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${n}`
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export function generateTopics(kit: TextKit, count: number): Doc[] {
  return Array.from({length: count}, (_, i) => {
    const name = TOPIC_NAMES[i % TOPIC_NAMES.length] ?? 'Topic'
    const title = i < TOPIC_NAMES.length ? name : `${name} ${Math.floor(i / TOPIC_NAMES.length) + 1}`
    return {
      ...base('topic', `topic-bench-${i}`),
      title,
      slug: {_type: 'slug', current: slugOf(title, i)},
      description: kit.summary(300),
    }
  })
}

/** Filed under one to three topics, as editors tend to. */
const topicsFor = (kit: TextKit, refs: Refs) => kit.pickSome(refs.topicIds, kit.between(1, 3)).map((id) => ref(kit, id))

/** Publications over the last twenty years, oldest first: kinds, authors, a PDF or an address. */
export function generatePublications(kit: TextKit, count: number, refs: Refs, now: number): Doc[] {
  const docs: Doc[] = []
  const first = now - 20 * 365 * DAY
  for (let i = 0; i < count; i++) {
    const title = kit.title()
    const authors = Array.from({length: kit.between(0, 4)}, () =>
      kit.random() < 0.5 && refs.teamIds.length > 0
        ? {_type: 'reference', _ref: kit.pick(refs.teamIds)}
        : {_type: 'externalAuthor', ...kit.pick(EXTERNAL_AUTHORS)},
    )
      // A team member is named once.
      .filter(
        (author, n, all) => !('_ref' in author) || all.findIndex((a) => '_ref' in a && a._ref === author._ref) === n,
      )
      .map((author) => ({...author, _key: kit.key()}))
    const withPdf = refs.pdf !== undefined && kit.random() < 0.5
    const earlier = docs.slice(-50).map((doc) => doc._id)
    docs.push({
      ...base('publication', `publication-bench-${i}`),
      title,
      slug: {_type: 'slug', current: slugOf(title, i)},
      kind: kit.pick(KINDS),
      date: day(first + ((now - first) * (i + 1)) / (count + 1)),
      ...(authors.length > 0 ? {authors} : {}),
      summary: kit.summary(300),
      ...(kit.random() < 0.5 ? {body: kit.richText(kit.pick(refs.pageIds), 'h2')} : {}),
      // Some offer the PDF, the rest (and some of those too) an address where it can be read.
      ...(withPdf ? {file: {_type: 'file', _sanityAsset: refs.pdf}, placeholder: false} : {}),
      ...(!withPdf || kit.random() < 0.2 ? {url: `https://research.example.org/outputs/${i}`} : {}),
      ...(kit.random() < 0.3 ? {doi: `10.5555/itss.${i}`} : {}),
      topics: topicsFor(kit, refs),
      ...(refs.stageIds.length > 0 && kit.random() < 0.2
        ? {roadmapStage: {_type: 'reference', _ref: kit.pick(refs.stageIds)}}
        : {}),
      ...(earlier.length > 0 && kit.random() < 0.3
        ? {related: kit.pickSome(earlier, kit.between(1, 3)).map((id) => ref(kit, id))}
        : {}),
    })
  }
  return docs
}

/** News over the last fifteen years, oldest first, some updated later, linking pages and earlier news. */
export function generateNews(kit: TextKit, count: number, refs: Refs, now: number): Doc[] {
  const docs: Doc[] = []
  const first = now - 15 * 365 * DAY
  for (let i = 0; i < count; i++) {
    const title = kit.title()
    const date = first + ((now - first) * (i + 1)) / (count + 1)
    const related = [...docs.slice(-30).map((doc) => doc._id), ...refs.pageIds.slice(0, 30)]
    docs.push({
      ...base('newsArticle', `news-bench-${i}`),
      title,
      slug: {_type: 'slug', current: slugOf(title, i)},
      date: day(date),
      ...(kit.random() < 0.1 ? {updated: day(Math.min(now, date + kit.between(1, 60) * DAY))} : {}),
      summary: kit.summary(240),
      body: kit.richText(kit.pick(refs.pageIds), 'h2'),
      ...(kit.random() < 0.9 ? {topics: topicsFor(kit, refs)} : {}),
      ...(kit.random() < 0.3 ? {related: kit.pickSome(related, kit.between(1, 3)).map((id) => ref(kit, id))} : {}),
    })
  }
  return docs
}

/**
 * Events over the last ten years and the next year, in start order: most are past, about one in
 * twenty-five is still to come; in person, online or hybrid, a few cancelled, postponed or moved.
 */
export function generateEvents(kit: TextKit, count: number, refs: Refs, now: number): Doc[] {
  const upcoming = Math.max(1, Math.round(count / 25))
  const first = now - 10 * 365 * DAY
  const docs: Doc[] = []
  for (let i = 0; i < count; i++) {
    const title = kit.title()
    const past = i < count - upcoming
    // Whole hours, UK daytime; past events spread over ten years, upcoming ones over the next.
    const dayMs = past
      ? first + ((now - DAY - first) * (i + 1)) / (count - upcoming + 1)
      : now + (365 * DAY * (i - (count - upcoming) + 1)) / (upcoming + 1)
    const start = Math.floor(dayMs / DAY) * DAY + kit.between(9, 14) * 3_600_000
    const end = start + (kit.random() < 0.1 ? kit.between(1, 2) * DAY : kit.between(1, 4) * 3_600_000)
    const format = kit.pick(FORMATS)
    const register = kit.random() < 0.6
    docs.push({
      ...base('event', `event-bench-${i}`),
      title,
      slug: {_type: 'slug', current: slugOf(title, i)},
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      format,
      ...(format !== 'online'
        ? {venue: kit.pick(VENUES), address: `${kit.between(1, 200)} High Street\nNottingham`}
        : {}),
      ...(format !== 'inPerson' ? {joining: 'The link is emailed to everyone who registers.'} : {}),
      ...(register ? {registrationUrl: `https://events.example.org/${i}`} : {}),
      ...(register && kit.random() < 0.5 ? {registrationCloses: new Date(start - 7 * DAY).toISOString()} : {}),
      status: kit.pick(STATUSES),
      summary: kit.summary(240),
      ...(kit.random() < 0.7 ? {body: kit.richText(kit.pick(refs.pageIds), 'h2')} : {}),
      topics: topicsFor(kit, refs),
      example: false,
    })
  }
  return docs
}
