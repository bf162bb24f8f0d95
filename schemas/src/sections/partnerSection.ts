import {CaseIcon} from '@sanity/icons/Case'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {PARTNER_KINDS} from '../vocabulary.ts'
import {previewValue} from '../preview.ts'

/** Partner organisations with their logos, grouped by kind. */
export const partnerSection = defineType({
  name: 'partnerSection',
  title: 'Partners',
  type: 'object',
  icon: CaseIcon,
  fields: [
    defineField({name: 'heading', title: 'Heading', type: 'string', validation: (rule) => rule.required()}),
    defineField({name: 'intro', title: 'Introduction', type: 'text', rows: 2}),
    defineField({
      name: 'kinds',
      title: 'Kinds to show',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
      options: {list: [...PARTNER_KINDS]},
      validation: (rule) => rule.required().min(1).unique(),
    }),
  ],
  preview: {
    select: {title: 'heading'},
    prepare: ({title}: {title?: string}) => previewValue(title, 'Partners'),
  },
})
