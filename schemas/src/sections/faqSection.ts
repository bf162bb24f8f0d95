import {HelpCircleIcon} from '@sanity/icons/HelpCircle'
import {defineField, defineType} from 'sanity'
import {previewValue} from '../preview.ts'

/** Frequently asked questions, as an accordion, in the order editors set. */
export const faqSection = defineType({
  name: 'faqSection',
  title: 'FAQs',
  type: 'object',
  icon: HelpCircleIcon,
  description: 'Lists FAQs in their set order. Edit the questions themselves under “FAQs”.',
  fields: [
    defineField({name: 'heading', title: 'Heading', type: 'string', validation: (rule) => rule.required()}),
    defineField({name: 'intro', title: 'Introduction', type: 'text', rows: 2}),
  ],
  preview: {
    select: {title: 'heading'},
    prepare: ({title}: {title?: string}) => previewValue(title, 'FAQs'),
  },
})
