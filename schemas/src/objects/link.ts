import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'
import {checkHref} from '../rules.ts'
import {previewValue} from '../preview.ts'

/** A labelled link to a page on this site or to an address elsewhere. */
export const link = defineType({
  name: 'link',
  title: 'Link',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'label',
      title: 'Label',
      type: 'string',
      description: 'The words people click. Make them make sense on their own, not “click here”.',
      validation: (rule) => rule.required().max(60),
    }),
    defineField({
      name: 'page',
      title: 'Page on this site',
      type: 'reference',
      to: [{type: 'page'}],
      description: 'Choose a page, or leave empty and give an address below.',
    }),
    defineField({
      name: 'href',
      title: 'Address',
      type: 'string',
      description: 'For links elsewhere: https://…, mailto:… or tel:…. Ignored when a page is chosen.',
      validation: (rule) =>
        rule.custom((href: string | undefined, context) => {
          const parent = context.parent as {page?: unknown} | undefined
          if (!href && !parent?.page) return 'Choose a page or give an address.'
          return checkHref(href)
        }),
    }),
  ],
  preview: {
    select: {title: 'label', page: 'page.title', href: 'href'},
    prepare: ({title, page, href}: {title?: string; page?: string; href?: string}) =>
      previewValue(title ?? 'Untitled link', page ? `→ ${page}` : href),
  },
})
