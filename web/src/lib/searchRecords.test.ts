import {describe, expect, test} from 'vitest'
import type {Content, Site} from './content.ts'
import {searchRecords, wordsOf} from './searchRecords.ts'

const block = (text: string, style = 'normal') => ({
  _type: 'block',
  _key: text.slice(0, 8),
  style,
  markDefs: [{_type: 'link', _key: 'l', href: 'https://example.org/not-a-word'}],
  children: [{_type: 'span', _key: 's', marks: ['l'], text}],
})

const topic = {
  _id: 'topic-skills',
  _type: 'topic',
  title: 'Technical skills',
  slug: 'technical-skills',
  description: 'Skills.',
}
const home = {_id: 'home', _type: 'page', title: 'Home', slug: 'home', parentId: null, summary: 'Welcome.', seo: null}
const site = {
  settings: {name: 'The Institute', homePageId: 'home'},
  navigation: null,
  pages: [
    {
      ...home,
      body: [
        {_type: 'textSection', _key: 't', heading: 'What we do', body: [block('We train technicians.', 'h2')]},
        {_type: 'faqSection', _key: 'f', heading: 'Questions'},
      ],
    },
    {_id: 'hidden', _type: 'page', title: 'Hidden', slug: 'hidden', parentId: 'home', seo: {noIndex: true}, body: null},
  ],
  faqs: [{_id: 'faq', _type: 'faq', question: 'Who are you?', answer: [block('An institute.')], category: null}],
  team: [],
  partners: [],
  roadmap: [],
  milestones: [],
  quotes: [],
  topics: [topic],
  news: [
    {
      _id: 'news-1',
      _type: 'newsArticle',
      title: 'We open',
      slug: 'we-open',
      date: '2026-01-15',
      summary: 'The Institute opens.',
      body: [block('Doors open in Leeds.')],
      topicIds: ['topic-skills'],
      relatedIds: null,
    },
  ],
  publications: [],
  files: [],
  events: [],
  redirects: [],
  images: [],
} as unknown as Site

const content = {
  site,
  settings: site.settings,
  paths: new Map([
    ['home', '/'],
    ['hidden', '/hidden/'],
  ]),
  pagesById: new Map(site.pages.map((page) => [page._id, page])),
  topicsById: new Map([[topic._id, topic]]),
} as unknown as Content

const records = searchRecords(content)
const recordAt = (url: string) => records.find((record) => record.url === url)

describe('the search index from the content', () => {
  test('a news article is filed by its kind and topics, with its title, date and words', () => {
    const article = recordAt('/news/we-open/')
    expect(article?.meta).toEqual({title: 'We open'})
    expect(article?.filters).toEqual({kind: ['News'], topic: ['Technical skills']})
    expect(article?.language).toBe('en')
    expect(article?.content.split('\n')).toEqual([
      'We open',
      '15 January 2026',
      'The Institute opens.',
      'Doors open in Leeds.',
      'Technical skills',
    ])
  })

  test('a page has the words of its sections and of what they show, and no topic', () => {
    const page = recordAt('/')
    // The home page is headed with the site's name, as it shows it.
    expect(page?.meta).toEqual({title: 'The Institute'})
    expect(page?.filters).toEqual({kind: ['Page']})
    expect(page?.content).toContain('We train technicians.')
    expect(page?.content).toContain('Who are you?')
    expect(page?.content).toContain('An institute.')
    // Addresses, styles and keys are not words.
    expect(page?.content).not.toMatch(/example\.org|normal|h2|textSection/)
  })

  test('a topic page is a page filed under its topic', () => {
    expect(recordAt('/topics/technical-skills/')?.filters).toEqual({kind: ['Page'], topic: ['Technical skills']})
  })

  test('a page hidden from search engines is not in the index; the first page of each list is', () => {
    expect(recordAt('/hidden/')).toBeUndefined()
    expect(recordAt('/news/')?.content).toContain('We open')
    expect(recordAt('/publications/')?.meta.title).toBe('Publications')
    expect(recordAt('/events/')?.filters).toEqual({kind: ['Page']})
    expect(records.map((record) => record.url).filter((url) => url.includes('/page/'))).toEqual([])
  })

  test('every page is in the index once', () => {
    const urls = records.map((record) => record.url)
    expect(new Set(urls).size).toBe(urls.length)
  })

  test('words are read from formatted text and plain fields, in order', () => {
    expect(wordsOf({heading: 'One', _key: 'x', body: [block('Two')], href: '/three/', items: [' ', 'Four']})).toEqual([
      'One',
      'Two',
      'Four',
    ])
  })
})
