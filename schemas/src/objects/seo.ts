import {defineField, defineType} from 'sanity'

/** How a page appears in search results and when shared. */
export const seo = defineType({
  name: 'seo',
  title: 'Search and sharing',
  type: 'object',
  options: {collapsible: true, collapsed: true},
  fields: [
    defineField({
      name: 'title',
      title: 'Search title',
      type: 'string',
      description:
        'Shown as the headline in search results. Leave empty to use the page title. Best under 60 characters.',
      validation: (rule) => rule.max(70).warning('Search engines cut titles longer than about 60 characters.'),
    }),
    defineField({
      name: 'description',
      title: 'Search description',
      type: 'text',
      rows: 3,
      description: 'One or two sentences under the headline in search results. Aim for 70 to 160 characters.',
      validation: (rule) => [
        rule.max(160).warning('Search engines cut descriptions longer than 160 characters.'),
        rule.min(70).warning('A description under 70 characters wastes the space search results give you.'),
      ],
    }),
    defineField({
      name: 'image',
      title: 'Sharing image',
      type: 'accessibleImage',
      description: 'Shown when the page is shared on social media. Leave empty to use the site default.',
    }),
    defineField({
      name: 'noIndex',
      title: 'Hide from search engines',
      type: 'boolean',
      initialValue: false,
    }),
  ],
})
