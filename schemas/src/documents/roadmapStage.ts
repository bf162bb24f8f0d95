import {ArrowRightIcon} from '@sanity/icons/ArrowRight'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {previewValue} from '../preview.ts'

/** One stage of the research roadmap; stages are shown by their number. */
export const roadmapStage = defineType({
  name: 'roadmapStage',
  title: 'Roadmap stage',
  type: 'document',
  icon: ArrowRightIcon,
  fields: [
    defineField({
      name: 'stage',
      title: 'Stage number',
      type: 'number',
      description: '1 for the first stage, 2 for the next, and so on.',
      validation: (rule) => rule.required().integer().min(1).max(20),
    }),
    defineField({name: 'title', title: 'Title', type: 'string', validation: (rule) => rule.required().max(80)}),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.required().max(400),
    }),
    defineField({name: 'body', title: 'Detail', type: 'richText'}),
    defineField({
      name: 'outcomes',
      title: 'Outcomes',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
      description: 'What the stage should achieve, one per line.',
    }),
  ],
  orderings: [{title: 'Stage', name: 'stage', by: [{field: 'stage', direction: 'asc'}]}],
  preview: {
    select: {stage: 'stage', title: 'title', subtitle: 'summary'},
    prepare: ({stage, title, subtitle}: {stage?: number; title?: string; subtitle?: string}) =>
      previewValue(`${stage ?? '?'}. ${title ?? 'Untitled stage'}`, subtitle),
  },
})
