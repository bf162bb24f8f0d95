import {DocumentPdfIcon} from '@sanity/icons/DocumentPdf'
import {defineField, defineType} from 'sanity'
import {previewValue} from '../preview.ts'

/** The latest publications, newest first, with a link to them all. */
export const publicationsSection = defineType({
  name: 'publicationsSection',
  title: 'Latest publications',
  type: 'object',
  icon: DocumentPdfIcon,
  description: 'Lists the newest publications. Edit them under “Publications”.',
  fields: [
    defineField({
      name: 'heading',
      title: 'Heading',
      type: 'string',
      description: 'For example “Latest publications”.',
      validation: (rule) => rule.required().max(80),
    }),
    defineField({
      name: 'count',
      title: 'How many',
      type: 'number',
      description: 'How many of the newest publications to list, from 1 to 10.',
      initialValue: 3,
      validation: (rule) => rule.required().integer().min(1).max(10),
    }),
  ],
  preview: {
    select: {title: 'heading', count: 'count'},
    prepare: ({title, count}: {title?: string; count?: number}) =>
      previewValue(title, `Latest publications${count ? ` (${String(count)})` : ''}`),
  },
})
