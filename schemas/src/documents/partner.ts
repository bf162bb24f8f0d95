import {CaseIcon} from '@sanity/icons/Case'
import {defineField, defineType} from 'sanity'
import {checkHref} from '../rules.ts'
import {PARTNER_KINDS} from '../vocabulary.ts'

/** An organisation that funds, hosts or supports the Institute. */
export const partner = defineType({
  name: 'partner',
  title: 'Partner',
  type: 'document',
  icon: CaseIcon,
  fields: [
    defineField({name: 'name', title: 'Name', type: 'string', validation: (rule) => rule.required().max(100)}),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      options: {list: [...PARTNER_KINDS], layout: 'radio'},
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'description',
      title: 'What they do with us',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.required().max(300),
    }),
    defineField({name: 'logo', title: 'Logo', type: 'accessibleImage'}),
    defineField({
      name: 'url',
      title: 'Website',
      type: 'string',
      description: 'The full address, starting https://',
      validation: (rule) => rule.custom(checkHref),
    }),
    defineField({
      name: 'order',
      title: 'Order',
      type: 'number',
      description: 'Lower numbers come first within the kind.',
      validation: (rule) => rule.required().integer().min(0),
    }),
  ],
  preview: {select: {title: 'name', subtitle: 'kind', media: 'logo'}},
})
