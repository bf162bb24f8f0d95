import {BlockContentIcon} from '@sanity/icons/BlockContent'
import {defineField, defineType} from 'sanity'
import {checkHeadingOrder} from '../objects/richText.ts'

/** A run of formatted text with an optional heading. */
export const textSection = defineType({
  name: 'textSection',
  title: 'Text',
  type: 'object',
  icon: BlockContentIcon,
  fields: [
    defineField({name: 'heading', title: 'Heading', type: 'string'}),
    defineField({
      name: 'body',
      title: 'Text',
      type: 'richText',
      // A field's own rules replace its type's, so the heading check is repeated here.
      validation: (rule) => [rule.required().min(1), rule.custom(checkHeadingOrder)],
    }),
  ],
  preview: {
    select: {title: 'heading'},
    prepare: ({title}: {title?: string}) => ({title: title ?? 'Text', subtitle: 'Text'}),
  },
})
