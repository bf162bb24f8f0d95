import {CalendarIcon} from '@sanity/icons/Calendar'
import {defineField, defineType} from 'sanity'
import {DATE_PRECISIONS} from '../vocabulary.ts'

/** A dated event in the Institute's story. */
export const milestone = defineType({
  name: 'milestone',
  title: 'Milestone',
  type: 'document',
  icon: CalendarIcon,
  fields: [
    defineField({name: 'date', title: 'Date', type: 'date', validation: (rule) => rule.required()}),
    defineField({
      name: 'precision',
      title: 'Show the date as',
      type: 'string',
      description: 'How much of the date is known and shown. For a year only, the day and month above are ignored.',
      options: {list: [...DATE_PRECISIONS], layout: 'radio'},
      initialValue: 'day',
      validation: (rule) => rule.required(),
    }),
    defineField({name: 'title', title: 'Title', type: 'string', validation: (rule) => rule.required().max(100)}),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.required().max(400),
    }),
  ],
  orderings: [{title: 'Date', name: 'date', by: [{field: 'date', direction: 'asc'}]}],
  preview: {select: {title: 'title', subtitle: 'date'}},
})
