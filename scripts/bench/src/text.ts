// Seeded words for synthetic content: sentences, titles and Portable Text as editors write it.
// The same seed gives the same content, so every run benchmarks the same dataset.

/** A small seeded generator (mulberry32). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type TextKit = ReturnType<typeof textKit>

export function textKit(seed: number) {
  const random = mulberry32(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  /** `count` different items (fewer when there are not that many), in a random order. */
  const pickSome = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items]
    const chosen: T[] = []
    while (chosen.length < count && pool.length > 0)
      chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T)
    return chosen
  }
  let keyCounter = 0
  const key = () => `k${(keyCounter++).toString(36)}`

  const capital = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`
  const sentence = () => `${capital(Array.from({length: between(8, 16)}, () => pick(WORDS)).join(' '))}.`
  const sentences = (min: number, max: number) => Array.from({length: between(min, max)}, sentence).join(' ')
  const title = () => capital(Array.from({length: between(2, 4)}, () => pick(WORDS)).join(' '))
  /** Whole sentences up to `max` characters, at least one word. */
  const summary = (max: number) => {
    let text = sentence()
    for (let next = sentence(); text.length + 1 + next.length <= max && random() < 0.7; next = sentence())
      text += ` ${next}`
    return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}.`
  }

  const span = (text: string, marks: string[] = []) => ({_type: 'span', _key: key(), text, marks})
  const block = (text: string, extra: Record<string, unknown> = {}) => ({
    _type: 'block',
    _key: key(),
    style: 'normal',
    markDefs: [],
    children: [span(text)],
    ...extra,
  })
  /** A paragraph with a link to another page or elsewhere, as editors write them. */
  const linkedBlock = (pageId: string | undefined) => {
    const mark = key()
    const def = pageId
      ? {_key: mark, _type: 'internalLink', page: {_type: 'reference', _ref: pageId}}
      : {_key: mark, _type: 'link', href: 'https://www.gov.uk/'}
    return {
      _type: 'block',
      _key: key(),
      style: 'normal',
      markDefs: [def],
      children: [span(`${sentence()} `), span('Read more', [mark]), span('.')],
    }
  }
  /** A few paragraphs, perhaps a heading (at `heading` level) and a list. */
  const richText = (linkTo: string | undefined, heading: 'h2' | 'h3' = 'h3') => {
    const blocks: unknown[] = [block(sentences(1, 3))]
    if (random() < 0.4) blocks.push(block(title(), {style: heading}))
    blocks.push(random() < 0.5 ? linkedBlock(linkTo) : block(sentences(1, 3)))
    if (random() < 0.4) {
      const strong = random() < 0.5 ? ['strong'] : ['em']
      for (let i = between(2, 4); i > 0; i--)
        blocks.push({...block(''), children: [span(title(), strong)], listItem: 'bullet', level: 1})
    }
    return blocks
  }
  return {random, pick, pickSome, between, key, sentence, sentences, title, summary, block, richText}
}

const WORDS = [
  'technical',
  'skills',
  'careers',
  'research',
  'innovation',
  'higher',
  'education',
  'technicians',
  'laboratory',
  'workshop',
  'training',
  'strategy',
  'policy',
  'sector',
  'universities',
  'partners',
  'national',
  'recognition',
  'development',
  'apprenticeships',
  'standards',
  'professional',
  'registration',
  'insight',
  'influence',
  'community',
  'network',
  'funding',
  'evidence',
  'data',
  'survey',
  'engineering',
  'science',
  'digital',
  'equipment',
  'facilities',
  'leadership',
  'mentoring',
  'progression',
  'pathways',
  'visibility',
  'sustainability',
  'collaboration',
  'regional',
  'programme',
  'commitment',
  'institute',
  'staff',
  'teams',
  'practice',
  'the',
  'and',
  'for',
  'with',
  'across',
  'of',
  'in',
  'to',
  'our',
  'new',
]
