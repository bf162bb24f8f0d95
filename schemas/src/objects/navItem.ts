import {defineArrayMember, defineField, defineType} from 'sanity'
import {previewValue} from '../preview.ts'

/** An entry in the main menu, optionally with a submenu one level deep. */
export const navItem = defineType({
  name: 'navItem',
  title: 'Menu entry',
  type: 'object',
  fields: [
    defineField({
      name: 'link',
      title: 'Link',
      type: 'link',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'children',
      title: 'Submenu',
      type: 'array',
      of: [defineArrayMember({type: 'link'})],
      description: 'Pages listed under this entry. Keep it short: seven entries at most.',
      validation: (rule) => rule.max(7),
    }),
  ],
  preview: {
    select: {title: 'link.label', children: 'children'},
    prepare: ({title, children}: {title?: string; children?: unknown[]}) =>
      previewValue(title ?? 'Untitled entry', children?.length ? `${children.length} in submenu` : undefined),
  },
})
