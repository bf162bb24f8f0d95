import {CalendarIcon} from '@sanity/icons/Calendar'
import {defineField, defineType} from 'sanity'
import {previewValue} from '../preview.ts'

/** The story so far: every milestone, oldest first. */
export const timelineSection = defineType({
  name: 'timelineSection',
  title: 'Story timeline',
  type: 'object',
  icon: CalendarIcon,
  description: 'Lists every milestone in date order. Edit the milestones themselves under “Milestones”.',
  fields: [
    defineField({name: 'heading', title: 'Heading', type: 'string', validation: (rule) => rule.required()}),
    defineField({name: 'intro', title: 'Introduction', type: 'text', rows: 3}),
  ],
  preview: {
    select: {title: 'heading'},
    prepare: ({title}: {title?: string}) => previewValue(title, 'Story timeline'),
  },
})
