import {ThLargeIcon} from '@sanity/icons/ThLarge'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {previewValue} from '../preview.ts'

/** Cards linking to other pages, each showing the page's title and summary. */
export const pageCardsSection = defineType({
  name: 'pageCardsSection',
  title: 'Page cards',
  type: 'object',
  icon: ThLargeIcon,
  fields: [
    defineField({name: 'heading', title: 'Heading', type: 'string', validation: (rule) => rule.required()}),
    defineField({
      name: 'pages',
      title: 'Pages',
      type: 'array',
      of: [defineArrayMember({type: 'reference', to: [{type: 'page'}]})],
      validation: (rule) => rule.required().min(1).max(9).unique(),
    }),
  ],
  preview: {
    select: {title: 'heading', pages: 'pages'},
    prepare: ({title, pages}: {title?: string; pages?: unknown[]}) =>
      previewValue(title, `Page cards (${pages?.length ?? 0})`),
  },
})
