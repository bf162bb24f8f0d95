import {HelpCircleIcon} from '@sanity/icons/HelpCircle'
import {defineField, defineType} from 'sanity'
import {checkHeadingOrder} from '../objects/richText.ts'
import {FAQ_CATEGORIES} from '../vocabulary.ts'
import {previewValue} from '../preview.ts'

/** A question visitors ask, with its answer. */
export const faq = defineType({
  name: 'faq',
  title: 'FAQ',
  type: 'document',
  icon: HelpCircleIcon,
  fields: [
    defineField({
      name: 'question',
      title: 'Question',
      type: 'string',
      description: 'As a visitor would ask it, ending with a question mark.',
      validation: (rule) =>
        rule
          .required()
          .max(160)
          .custom((value: string | undefined) =>
            !value || value.trim().endsWith('?') ? true : 'End the question with a question mark.',
          ),
    }),
    defineField({
      name: 'answer',
      title: 'Answer',
      type: 'richText',
      // A field's own rules replace its type's, so the heading check is repeated here.
      validation: (rule) => [rule.required().min(1), rule.custom(checkHeadingOrder)],
    }),
    defineField({
      name: 'category',
      title: 'Category',
      type: 'string',
      options: {list: [...FAQ_CATEGORIES], layout: 'radio'},
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'order',
      title: 'Order',
      type: 'number',
      description: 'Lower numbers come first.',
      validation: (rule) => rule.required().integer().min(0),
    }),
  ],
  orderings: [{title: 'Set order', name: 'order', by: [{field: 'order', direction: 'asc'}]}],
  preview: {
    select: {title: 'question', category: 'category'},
    prepare: ({title, category}: {title?: string; category?: string}) =>
      previewValue(title, FAQ_CATEGORIES.find((option) => option.value === category)?.title),
  },
})
