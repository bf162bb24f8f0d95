import {CommentIcon} from '@sanity/icons/Comment'
import {defineField, defineType} from 'sanity'
import {previewValue} from '../preview.ts'

export const PLACEHOLDER_QUOTE_MESSAGE =
  'This quote is marked as a placeholder. Replace it with words the person has approved, then untick “Placeholder”.'

/** Words attributed to a person. Placeholders are shown as such on the site. */
export const quote = defineType({
  name: 'quote',
  title: 'Quote',
  type: 'document',
  icon: CommentIcon,
  fields: [
    defineField({
      name: 'text',
      title: 'Quote',
      type: 'text',
      rows: 4,
      description: 'Only words the person said or approved.',
      validation: (rule) => rule.required().max(600),
    }),
    defineField({
      name: 'attribution',
      title: 'Who said it',
      type: 'string',
      validation: (rule) => rule.required().max(100),
    }),
    defineField({name: 'role', title: 'Their role', type: 'string', validation: (rule) => rule.max(160)}),
    defineField({
      name: 'placeholder',
      title: 'Placeholder',
      type: 'boolean',
      description: 'Ticked while the text is not yet the person’s own words; the site labels it as a placeholder.',
      initialValue: true,
      validation: (rule) => rule.warning().custom((value) => (value ? PLACEHOLDER_QUOTE_MESSAGE : true)),
    }),
  ],
  preview: {
    select: {title: 'text', attribution: 'attribution', placeholder: 'placeholder'},
    prepare: ({title, attribution, placeholder}: {title?: string; attribution?: string; placeholder?: boolean}) =>
      previewValue(title, `${placeholder ? '[Placeholder] ' : ''}${attribution ?? ''}`),
  },
})
