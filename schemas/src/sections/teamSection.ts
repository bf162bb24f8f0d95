import {UsersIcon} from '@sanity/icons/Users'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {TEAM_GROUPS} from '../vocabulary.ts'
import {previewValue} from '../preview.ts'

/** People, grouped (core team, boards, councils) in the order chosen here. */
export const teamSection = defineType({
  name: 'teamSection',
  title: 'Team',
  type: 'object',
  icon: UsersIcon,
  fields: [
    defineField({name: 'heading', title: 'Heading', type: 'string', validation: (rule) => rule.required()}),
    defineField({name: 'intro', title: 'Introduction', type: 'text', rows: 2}),
    defineField({
      name: 'groups',
      title: 'Groups to show',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
      options: {list: [...TEAM_GROUPS]},
      description: 'Each group is shown with its people, in the order given here.',
      validation: (rule) => rule.required().min(1).unique(),
    }),
  ],
  preview: {
    select: {title: 'heading'},
    prepare: ({title}: {title?: string}) => previewValue(title, 'Team'),
  },
})
