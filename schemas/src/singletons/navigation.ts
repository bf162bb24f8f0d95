import {MenuIcon} from '@sanity/icons/Menu'
import {defineArrayMember, defineField, defineType} from 'sanity'

/** The main menu shown at the top of every page. There is exactly one. */
export const navigation = defineType({
  name: 'navigation',
  title: 'Navigation',
  type: 'document',
  icon: MenuIcon,
  fields: [
    defineField({
      name: 'main',
      title: 'Main menu',
      type: 'array',
      of: [defineArrayMember({type: 'navItem'})],
      description: 'Entries in the order they appear. Six at most fit on a phone.',
      validation: (rule) => rule.required().min(1).max(7),
    }),
  ],
  preview: {prepare: () => ({title: 'Navigation'})},
})
