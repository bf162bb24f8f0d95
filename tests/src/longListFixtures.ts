// More FAQs, people, milestones and upcoming events than a page of the site holds, on top of
// the demo content: 45 questions, 30 people of the core team (one of whom wrote six
// publications), 30 milestones and 25 online events in the weeks to come. For the long-list
// tests, and for the site at scale in the browser tests.

const block = (text: string) => [
  {_type: 'block', _key: 'b', style: 'normal', markDefs: [], children: [{_type: 'span', _key: 's', text, marks: []}]},
]
const nn = (i: number) => String(i).padStart(2, '0')
export const faqs = Array.from({length: 45}, (_, i) => ({
  _id: `faq-test-${nn(i)}`,
  _type: 'faq',
  question: `Test question ${nn(i)}?`,
  answer: block(`The answer to test question ${nn(i)}.`),
  category: 'institute',
  order: 100 + i,
}))
const people = Array.from({length: 30}, (_, i) => ({
  _id: `team-test-${nn(i)}`,
  _type: 'teamMember',
  name: `Test Person ${nn(i)}`,
  role: 'Researcher',
  group: 'coreTeam',
  order: 100 + i,
}))
const milestones = Array.from({length: 30}, (_, i) => ({
  _id: `milestone-test-${nn(i)}`,
  _type: 'milestone',
  date: `2018-${nn((i % 12) + 1)}-01`,
  precision: 'month',
  title: `Test milestone ${nn(i)}`,
  summary: `What happened at test milestone ${nn(i)}.`,
}))
// Test Person 25 is the 28th of Meet the team's people (after the core team's two), on its second part.
export const author = 'team-test-25'
const publications = Array.from({length: 6}, (_, i) => ({
  _id: `publication-by-test-${nn(i)}`,
  _type: 'publication',
  title: `Test paper ${nn(i)}`,
  slug: {_type: 'slug', current: `test-paper-${nn(i)}`},
  kind: 'research-paper',
  date: `2024-${nn(i + 1)}-15`,
  summary: `Test paper number ${nn(i)}.`,
  url: `https://example.org/papers/${nn(i)}`,
  authors: [{_type: 'reference', _ref: author, _key: 'a1'}],
}))

const DAY = 86_400_000
// From tomorrow on, a day apart, so they are upcoming whenever the tests run.
const tomorrow = Math.ceil(Date.now() / DAY) * DAY + 10 * 3_600_000
export const upcomingEvents = Array.from({length: 25}, (_, i) => ({
  _id: `event-test-${nn(i)}`,
  _type: 'event',
  title: `Test webinar ${nn(i)}`,
  slug: {_type: 'slug', current: `test-webinar-${nn(i)}`},
  start: new Date(tomorrow + i * DAY).toISOString(),
  end: new Date(tomorrow + i * DAY + 3_600_000).toISOString(),
  format: 'online',
  joining: 'The link is emailed to everyone who registers.',
  status: 'scheduled',
  summary: `An online test webinar, number ${nn(i)}.`,
}))

export const longLists = [...faqs, ...people, ...milestones, ...publications, ...upcomingEvents]
