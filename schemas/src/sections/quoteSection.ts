import {CommentIcon} from '@sanity/icons/Comment'
import {defineField, defineType} from 'sanity'

/** One quote, chosen from the Quotes list. */
export const quoteSection = defineType({
  name: 'quoteSection',
  title: 'Quote',
  type: 'object',
  icon: CommentIcon,
  fields: [
    defineField({
      name: 'quote',
      title: 'Quote',
      type: 'reference',
      to: [{type: 'quote'}],
      validation: (rule) => rule.required(),
    }),
  ],
  preview: {
    select: {title: 'quote.text', subtitle: 'quote.attribution'},
  },
})
