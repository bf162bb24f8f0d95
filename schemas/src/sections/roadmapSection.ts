import {ArrowRightIcon} from '@sanity/icons/ArrowRight'
import {defineField, defineType} from 'sanity'
import {previewValue} from '../preview.ts'

/** The research roadmap: every stage, in order. */
export const roadmapSection = defineType({
  name: 'roadmapSection',
  title: 'Research roadmap',
  type: 'object',
  icon: ArrowRightIcon,
  description: 'Lists every roadmap stage in order. Edit the stages under “Research roadmap”.',
  fields: [
    defineField({name: 'heading', title: 'Heading', type: 'string', validation: (rule) => rule.required()}),
    defineField({name: 'intro', title: 'Introduction', type: 'text', rows: 3}),
  ],
  preview: {
    select: {title: 'heading'},
    prepare: ({title}: {title?: string}) => previewValue(title, 'Research roadmap'),
  },
})
