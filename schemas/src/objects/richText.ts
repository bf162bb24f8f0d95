import {defineArrayMember, defineField, defineType} from 'sanity'
import {checkHref} from '../rules.ts'

const HEADING_LEVEL: Record<string, number> = {h2: 2, h3: 3, h4: 4}

/**
 * Headings may go down one level at a time (Heading 2, then 3, then 4), so the page outline
 * that screen reader users navigate by has no gaps. Returns the first skip it finds.
 */
export function checkHeadingOrder(blocks: Array<{_type?: string; style?: string}> | undefined): true | string {
  let previous: number | undefined
  for (const block of blocks ?? []) {
    const level = block._type === 'block' && block.style ? HEADING_LEVEL[block.style] : undefined
    if (!level) continue
    if (previous !== undefined && level > previous + 1)
      return `“Heading ${level}” follows “Heading ${previous}”: use “Heading ${previous + 1}” so the outline has no gaps for screen reader users.`
    previous = level
  }
  return true
}

/** Formatted text: paragraphs, headings, lists, quotes and links. */
export const richText = defineType({
  name: 'richText',
  title: 'Text',
  type: 'array',
  validation: (rule) => rule.custom(checkHeadingOrder),
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        {title: 'Paragraph', value: 'normal'},
        {title: 'Heading 2', value: 'h2'},
        {title: 'Heading 3', value: 'h3'},
        {title: 'Heading 4', value: 'h4'},
        {title: 'Quote', value: 'blockquote'},
      ],
      lists: [
        {title: 'Bullets', value: 'bullet'},
        {title: 'Numbers', value: 'number'},
      ],
      marks: {
        decorators: [
          {title: 'Bold', value: 'strong'},
          {title: 'Italic', value: 'em'},
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Link elsewhere',
            type: 'object',
            fields: [
              defineField({
                name: 'href',
                title: 'Address',
                type: 'string',
                description: 'https://…, mailto:… or tel:…',
                validation: (rule) => rule.required().custom(checkHref),
              }),
            ],
          }),
          defineArrayMember({
            name: 'internalLink',
            title: 'Link to a page',
            type: 'object',
            fields: [
              defineField({
                name: 'page',
                title: 'Page',
                type: 'reference',
                to: [{type: 'page'}],
                validation: (rule) => rule.required(),
              }),
            ],
          }),
        ],
      },
    }),
  ],
})
