import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {checkPageSlug} from '../rules.ts'
import {PAGE_SECTION_TYPES} from '../vocabulary.ts'
import {previewValue} from '../preview.ts'

/** A page of the site. Its address is its slug under its parent's address. */
export const page = defineType({
  name: 'page',
  title: 'Page',
  type: 'document',
  icon: DocumentTextIcon,
  groups: [
    {name: 'content', title: 'Content', default: true},
    {name: 'seo', title: 'Search and sharing'},
  ],
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'content',
      description: 'The page heading, also used in menus and breadcrumbs.',
      validation: (rule) => rule.required().max(80),
    }),
    defineField({
      name: 'slug',
      title: 'Address',
      type: 'slug',
      group: 'content',
      description: 'The last part of the page address, for example “faqs” in /about-us/faqs.',
      options: {source: 'title', maxLength: 60},
      validation: (rule) =>
        rule
          .required()
          .custom((value: {current?: string} | undefined, context) =>
            checkPageSlug(value, Boolean(context.document?.parent)),
          )
          .error(),
    }),
    defineField({
      name: 'parent',
      title: 'Parent page',
      type: 'reference',
      to: [{type: 'page'}],
      group: 'content',
      description: 'The page this one sits under, for its address and breadcrumbs. Empty for a top-level page.',
      options: {filter: ({document}) => ({filter: '_id != $id', params: {id: document._id.replace(/^drafts\./, '')}})},
    }),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      group: 'content',
      description: 'One or two sentences under the heading, also shown on cards that link here.',
      validation: (rule) => rule.required().max(300),
    }),
    defineField({
      name: 'body',
      title: 'Sections',
      type: 'array',
      group: 'content',
      of: PAGE_SECTION_TYPES.map((type) => defineArrayMember({type})),
    }),
    defineField({name: 'seo', title: 'Search and sharing', type: 'seo', group: 'seo'}),
  ],
  preview: {
    // The page's address, three levels deep at most (… stands for any higher ones).
    select: {
      title: 'title',
      slug: 'slug.current',
      parent: 'parent.slug.current',
      grandparent: 'parent.parent.slug.current',
      higher: 'parent.parent.parent._id',
    },
    prepare: ({
      title,
      slug,
      ...above
    }: Record<'title' | 'slug' | 'parent' | 'grandparent' | 'higher', string | undefined>) =>
      previewValue(
        title,
        slug
          ? [above.higher && '…', above.grandparent, above.parent, slug]
              .filter(Boolean)
              .map((part) => `/${part}`)
              .join('')
          : 'No address yet',
      ),
  },
})
