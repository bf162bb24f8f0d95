import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'
import {SITE_SECTIONS} from '../paths.ts'
import {checkHref, checkSection} from '../rules.ts'
import {previewValue} from '../preview.ts'

/** A labelled link to a page on this site, one of its sections (such as News), or an address elsewhere. */
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
      description: 'Choose a page, or leave empty and choose a section or give an address below.',
    }),
    defineField({
      name: 'section',
      title: 'Section of the site',
      type: 'string',
      description: 'The site’s own lists, such as News or Events. Ignored when a page is chosen.',
      options: {list: SITE_SECTIONS.map(({title, value}) => ({title, value}))},
      validation: (rule) => rule.custom((section: string | undefined) => checkSection(section)),
    }),
    defineField({
      name: 'href',
      title: 'Address',
      type: 'string',
      description: 'For links elsewhere: https://…, mailto:… or tel:…. Ignored when a page or a section is chosen.',
      validation: (rule) =>
        rule.custom((href: string | undefined, context) => {
          const parent = context.parent as {page?: unknown; section?: unknown} | undefined
          if (!href && !parent?.page && !parent?.section) return 'Choose a page or a section, or give an address.'
          return checkHref(href)
        }),
    }),
  ],
  preview: {
    select: {title: 'label', page: 'page.title', section: 'section', href: 'href'},
    prepare: ({title, page, section, href}: {title?: string; page?: string; section?: string; href?: string}) =>
      previewValue(
        title ?? 'Untitled link',
        page ? `→ ${page}` : section ? `→ ${SITE_SECTIONS.find((s) => s.value === section)?.title ?? section}` : href,
      ),
  },
})
