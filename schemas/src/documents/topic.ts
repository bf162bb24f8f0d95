import {TagIcon} from '@sanity/icons/Tag'
import {defineField, defineType} from 'sanity'
import {checkSlug} from '../rules.ts'

/** A subject the Institute works on; news (and later other output) is filed under topics. */
export const topic = defineType({
  name: 'topic',
  title: 'Topic',
  type: 'document',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      description:
        'A short name for the subject, for example “Technical careers”. Shown on articles and as the topic page heading.',
      validation: (rule) => rule.required().max(60),
    }),
    defineField({
      name: 'slug',
      title: 'Address',
      type: 'slug',
      description:
        'The last part of the topic page address, for example “technical-careers” in /topics/technical-careers. Each topic needs its own.',
      options: {source: 'title', maxLength: 60},
      validation: (rule) => rule.required().custom(checkSlug).error(),
    }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      description:
        'One or two sentences on what the topic covers, shown at the top of its page and in the list of topics.',
      validation: (rule) => rule.required().max(300),
    }),
  ],
  orderings: [{title: 'Title', name: 'title', by: [{field: 'title', direction: 'asc'}]}],
  preview: {select: {title: 'title', subtitle: 'description'}},
})
