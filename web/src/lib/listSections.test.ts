import {describe, expect, test} from 'vitest'
import type {Content, Page, Section} from './content.ts'
import {listPart, pageParts, partShowing} from './listSections.ts'
import {memberPath, personPublications, publicationFilters} from './publications.ts'

/*
 * Long lists cut into parts of a page: which items each part shows, how many parts a page
 * has, and where a team member and their publications are found. The built pages are checked
 * in tests/src/longLists.test.ts.
 */

const person = (n: number, group: string, name = `Person ${String(n)}`) => ({_id: `team-${String(n)}`, name, group})
const publication = (n: number, authors: string[]) => ({
  _id: `publication-${String(n)}`,
  title: `Publication ${String(n)}`,
  slug: `publication-${String(n)}`,
  authors: authors.map((memberId) => ({_type: 'reference', memberId})),
})

function site(faqCount: number) {
  const team = [
    ...Array.from({length: 25}, (_, n) => person(n, 'coreTeam')),
    ...Array.from({length: 5}, (_, n) => person(100 + n, 'advisoryBoard')),
    person(200, 'advisoryBoard', 'Person 1'),
  ]
  const faqSection = {_type: 'faqSection', _key: 'faqs', heading: 'Questions'} as Section
  const teamSection = {
    _type: 'teamSection',
    _key: 'team',
    heading: 'Team',
    groups: ['advisoryBoard', 'coreTeam'],
  } as Section
  const pages = [
    {_id: 'faqs', title: 'FAQs', body: [{_type: 'textSection', _key: 'intro'}, faqSection]},
    {_id: 'team', title: 'Team', body: [teamSection]},
    {_id: 'plain', title: 'Plain', body: [{_type: 'textSection', _key: 'text'}]},
  ] as unknown as Page[]
  const content = {
    site: {
      pages,
      faqs: Array.from({length: faqCount}, (_, n) => ({_id: `faq-${String(n)}`, question: `Question ${String(n)}?`})),
      team,
      partners: [],
      milestones: [],
      topics: [],
      publications: [
        ...Array.from({length: 5}, (_, n) => publication(n, ['team-7'])),
        publication(9, ['team-200', 'team-7']),
      ],
    },
    settings: {homePageId: 'home'},
    paths: new Map([
      ['faqs', '/about/faqs/'],
      ['team', '/about/team/'],
      ['plain', '/plain/'],
    ]),
  } as unknown as Content
  return {content, faqSection, teamSection, pages, team}
}

const faqSection = (section: Section) => section as Extract<Section, {_type: 'faqSection'}>
const teamSection = (section: Section) => section as Extract<Section, {_type: 'teamSection'}>

describe('a list section cut into parts', () => {
  test('shows twenty questions a part, in order, each once, and says where each part starts', () => {
    const {content, faqSection: section} = site(45)
    const parts = [1, 2, 3].map((part) => listPart(content, faqSection(section), part))
    expect(parts.map(({items}) => items.length)).toEqual([20, 20, 5])
    expect(parts.map(({offset}) => offset)).toEqual([0, 20, 40])
    expect(parts.flatMap(({items}) => items)).toEqual(content.site.faqs)
    expect(parts[0]?.parts).toBe(3)
    expect(listPart(content, faqSection(section), 4).items).toEqual([])
  })

  test('is one part, however short the list, even when empty', () => {
    expect(listPart(site(20).content, faqSection(site(20).faqSection), 1).parts).toBe(1)
    expect(listPart(site(0).content, faqSection(site(0).faqSection), 1)).toEqual({items: [], offset: 0, parts: 1})
  })

  test('lists the team in the order of its groups, so a part can span two groups', () => {
    const {content, teamSection: section, team} = site(0)
    const first = listPart(content, teamSection(section), 1).items
    expect(first.slice(0, 6).map((p) => p._id)).toEqual(
      team.filter((p) => p.group === 'advisoryBoard').map((p) => p._id),
    )
    expect(first).toHaveLength(15)
    expect(first[6]?._id).toBe('team-0')
    expect(listPart(content, teamSection(section), 2).items.map((p) => p._id)).toEqual(
      team.slice(9, 24).map((p) => p._id),
    )
  })

  test('makes a page as many parts as its longest list; a page without one has one', () => {
    const {content, pages} = site(45)
    expect(pages.map((page) => pageParts(content, page))).toEqual([3, 3, 1])
  })
})

describe('a team member on a long team list', () => {
  test('is linked at the part of the page that shows them', () => {
    const {content, teamSection: section, team} = site(0)
    const late = team.find((p) => p._id === 'team-20')
    const early = team.find((p) => p._id === 'team-7')
    expect(partShowing(content, teamSection(section), late as object)).toBe(2)
    expect(memberPath(content, late as never)).toBe('/about/team/page/2/#team-20')
    expect(memberPath(content, early as never)).toBe('/about/team/#team-7')
  })

  test('shows their three newest publications, and links the list of all they wrote', () => {
    const {content, team} = site(0)
    const written = personPublications(content, team.find((p) => p._id === 'team-7') as never)
    expect(written.shown.map((p) => p._id)).toEqual(['publication-0', 'publication-1', 'publication-2'])
    expect(written.total).toBe(6)
    expect(written.path).toBe('/publications/author/person-7/')
    const byAuthor = publicationFilters(content).filter((filter) => filter.facet === 'Author')
    expect(byAuthor.map((filter) => [filter.path, filter.publications.length])).toEqual([
      ['/publications/author/person-7/', 6],
      ['/publications/author/person-1-2/', 1],
    ])
  })
})
