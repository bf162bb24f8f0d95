import {CogIcon} from '@sanity/icons/Cog'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {checkHref} from '../rules.ts'

/** Facts about the organisation used across the whole site. There is exactly one. */
export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  icon: CogIcon,
  groups: [
    {name: 'organisation', title: 'Organisation', default: true},
    {name: 'contact', title: 'Contact and footer'},
    {name: 'media', title: 'Video and images'},
  ],
  fields: [
    defineField({
      name: 'name',
      title: 'Organisation name',
      type: 'string',
      group: 'organisation',
      validation: (rule) => rule.required().max(100),
    }),
    defineField({
      name: 'shortName',
      title: 'Short name',
      type: 'string',
      group: 'organisation',
      description: 'Used where space is tight, for example “ITSS”.',
      validation: (rule) => rule.required().max(20),
    }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      group: 'organisation',
      description: 'What the Institute is, in a sentence or two; the default search description.',
      validation: (rule) => rule.required().max(200),
    }),
    defineField({
      name: 'homePage',
      title: 'Home page',
      type: 'reference',
      to: [{type: 'page'}],
      group: 'organisation',
      description: 'The page shown at the site’s front door.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'funderAcknowledgement',
      title: 'Funder acknowledgement',
      type: 'text',
      rows: 2,
      group: 'contact',
      description: 'Shown in the footer of every page.',
      validation: (rule) => rule.required().max(300),
    }),
    defineField({
      name: 'contactEmail',
      title: 'Contact email',
      type: 'string',
      group: 'contact',
      validation: (rule) => rule.required().email(),
    }),
    defineField({
      name: 'address',
      title: 'Postal address',
      type: 'text',
      rows: 3,
      group: 'contact',
    }),
    defineField({
      name: 'footerLinks',
      title: 'Footer links',
      type: 'array',
      group: 'contact',
      of: [defineArrayMember({type: 'link'})],
      description: 'Links at the foot of every page, such as the accessibility statement.',
      validation: (rule) => rule.max(8),
    }),
    defineField({
      name: 'explainerVideoUrl',
      title: 'Explainer video address',
      type: 'string',
      group: 'media',
      description: 'The https:// address of the explainer video (for example on YouTube or Vimeo).',
      validation: (rule) => rule.custom(checkHref),
    }),
    defineField({
      name: 'socialImage',
      title: 'Default sharing image',
      type: 'accessibleImage',
      group: 'media',
      description: 'Shown when a page without its own sharing image is shared.',
    }),
  ],
  preview: {prepare: () => ({title: 'Site settings'})},
})
