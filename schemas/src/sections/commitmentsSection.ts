import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {previewValue} from '../preview.ts'

/** A statement followed by the list of commitments that carry it out (the mission). */
export const commitmentsSection = defineType({
  name: 'commitmentsSection',
  title: 'Commitments',
  type: 'object',
  icon: CheckmarkCircleIcon,
  fields: [
    defineField({name: 'heading', title: 'Heading', type: 'string', validation: (rule) => rule.required()}),
    defineField({
      name: 'statement',
      title: 'Statement',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'commitments',
      title: 'Commitments',
      type: 'array',
      of: [defineArrayMember({type: 'string', validation: (rule) => rule.required().max(140)})],
      validation: (rule) => rule.required().min(1).unique(),
    }),
  ],
  preview: {
    select: {title: 'heading', commitments: 'commitments'},
    prepare: ({title, commitments}: {title?: string; commitments?: string[]}) =>
      previewValue(title, `Commitments (${commitments?.length ?? 0})`),
  },
})
