/** The names one content type goes by in each place it appears. */
export interface TypeNames {
  /** Schema type name, camelCase: `caseStudy`. */
  type: string
  /** Title for editors: `Case study`. */
  title: string
  /** Plural title for the listing page: `Case studies`. */
  pluralTitle: string
  /** Key in the site query: `caseStudies`. */
  queryKey: string
  /** Address of the listing page: `/case-studies`. */
  path: string
}

const TYPE_NAME = /^[a-z][a-zA-Z0-9]*$/

const plural = (word: string) =>
  /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`

export function typeNames(type: string): TypeNames {
  if (!TYPE_NAME.test(type))
    throw new Error(
      `“${type}” is not a type name: use camelCase letters and digits, starting with a letter (event, caseStudy).`,
    )
  const words = type
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .split(' ')
  const pluralWords = [...words.slice(0, -1), plural(words.at(-1) ?? '')]
  const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
  return {
    type,
    title: capitalise(words.join(' ')),
    pluralTitle: capitalise(pluralWords.join(' ')),
    queryKey: pluralWords.map((word, i) => (i === 0 ? word : capitalise(word))).join(''),
    path: `/${pluralWords.join('-')}`,
  }
}
