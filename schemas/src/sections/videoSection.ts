import {PlayIcon} from '@sanity/icons/Play'
import {defineField, defineType} from 'sanity'
import {previewValue} from '../preview.ts'

/** The explainer video; its address lives in Site settings so every page shows the same one. */
export const videoSection = defineType({
  name: 'videoSection',
  title: 'Explainer video',
  type: 'object',
  icon: PlayIcon,
  description: 'Shows the explainer video set in Site settings.',
  fields: [
    defineField({name: 'heading', title: 'Heading', type: 'string', validation: (rule) => rule.required()}),
    defineField({
      name: 'caption',
      title: 'Caption',
      type: 'text',
      rows: 2,
      description: 'What the video covers, for people who cannot or prefer not to watch it.',
    }),
  ],
  preview: {
    select: {title: 'heading'},
    prepare: ({title}: {title?: string}) => previewValue(title, 'Explainer video'),
  },
})
