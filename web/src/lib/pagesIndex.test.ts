import {describe, expect, test} from 'vitest'
import {buildPagesIndex, letterOf, type IndexEntry} from './pagesIndex.ts'

const entry = (title: string, path = `/${title.toLowerCase().replace(/\W+/g, '-')}/`): IndexEntry => ({title, path})
const titlesOf = (groups: ReturnType<typeof buildPagesIndex>['pages'][number]) =>
  groups.flatMap((group) => group.entries.map((item) => item.title))

describe('the pages A to Z', () => {
  test('files titles under their first letter, accents and case aside, and the rest under 0–9', () => {
    expect(['apprentices', 'Émigrés', '2030 strategy', '“Quoted”', 'Zebra'].map(letterOf)).toEqual([
      'A',
      'E',
      '0–9',
      '0–9',
      'Z',
    ])
  })

  test('sorts by title as a reader expects, numbers in numeric order', () => {
    const {pages} = buildPagesIndex(
      ['beta', 'Alpha', 'Stage 10', 'Stage 2', 'alpha two', '10 years'].map((t) => entry(t)),
    )
    expect(pages).toHaveLength(1)
    expect(pages[0]?.map((group) => group.letter)).toEqual(['0–9', 'A', 'B', 'S'])
    expect(titlesOf(pages[0] ?? [])).toEqual(['10 years', 'Alpha', 'alpha two', 'beta', 'Stage 2', 'Stage 10'])
  })

  test('no page of the index holds more than its share, and every page of the site is on exactly one', () => {
    const titles = Array.from({length: 1234}, (_, i) => `${'ABCDEFGHIJKLMNOPQRSTUVWXY'.charAt(i % 25)} page ${i}`)
    const {pages} = buildPagesIndex(
      titles.map((t) => entry(t)),
      50,
    )
    expect(pages).toHaveLength(25)
    for (const page of pages) expect(titlesOf(page).length).toBeLessThanOrEqual(50)
    expect(pages.flatMap(titlesOf).sort()).toEqual([...titles].sort())
  })

  test('each letter links to where its pages start, a letter no title starts with to nothing', () => {
    const titles = [...Array.from({length: 60}, (_, i) => `Apple ${i}`), 'Banana', 'Cherry']
    const {pages, letters} = buildPagesIndex(
      titles.map((t) => entry(t)),
      50,
    )
    const link = (letter: string) => letters.find((item) => item.letter === letter)?.path
    expect(link('A')).toBe('/search/a-z/#az-a')
    expect(link('B')).toBe('/search/a-z/page/2/#az-b')
    expect(link('Z')).toBeUndefined()
    expect(letters.map((item) => item.letter)).toHaveLength(27)
    // A continues on page 2 under its own heading, which the link target on that page is.
    expect(pages[1]?.map((group) => group.id)).toEqual(['az-a', 'az-b', 'az-c'])
  })

  test('a site with no pages has one empty page of the index', () => {
    expect(buildPagesIndex([]).pages).toEqual([[]])
  })
})
