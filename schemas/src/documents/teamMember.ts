import {UserIcon} from '@sanity/icons/User'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {TEAM_GROUPS} from '../vocabulary.ts'

/** A person on the team or on one of the boards and councils. */
export const teamMember = defineType({
  name: 'teamMember',
  title: 'Team member',
  type: 'document',
  icon: UserIcon,
  fields: [
    defineField({name: 'name', title: 'Name', type: 'string', validation: (rule) => rule.required().max(80)}),
    defineField({
      name: 'role',
      title: 'Role',
      type: 'string',
      description: 'Job title or role in the group, for example “Director”.',
      validation: (rule) => rule.required().max(120),
    }),
    defineField({
      name: 'group',
      title: 'Group',
      type: 'string',
      options: {list: [...TEAM_GROUPS], layout: 'radio'},
      validation: (rule) => rule.required(),
    }),
    defineField({name: 'photo', title: 'Photo', type: 'accessibleImage'}),
    defineField({
      name: 'bio',
      title: 'Short biography',
      type: 'text',
      rows: 4,
      description: 'A few sentences. Leave empty until the person has approved one.',
      validation: (rule) => rule.max(600),
    }),
    defineField({
      name: 'links',
      title: 'Links',
      type: 'array',
      of: [defineArrayMember({type: 'link'})],
      validation: (rule) => rule.max(4),
    }),
    defineField({
      name: 'order',
      title: 'Order in group',
      type: 'number',
      description: 'Lower numbers come first within the group.',
      validation: (rule) => rule.required().integer().min(0),
    }),
  ],
  orderings: [
    {
      title: 'Group, then order',
      name: 'groupOrder',
      by: [
        {field: 'group', direction: 'asc'},
        {field: 'order', direction: 'asc'},
      ],
    },
  ],
  preview: {select: {title: 'name', subtitle: 'role', media: 'photo'}},
})
