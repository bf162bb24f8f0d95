import {ImageIcon} from '@sanity/icons/Image'
import {defineField, defineType} from 'sanity'

export const ALT_MISSING_MESSAGE =
  'Describe the image for people who cannot see it, or tick “Decorative” if it adds nothing to the text.'

/** An image that always says what it shows, or says that it shows nothing worth saying. */
export const accessibleImage = defineType({
  name: 'accessibleImage',
  title: 'Image',
  type: 'image',
  icon: ImageIcon,
  options: {hotspot: true},
  fields: [
    defineField({
      name: 'alt',
      title: 'Alternative text',
      type: 'string',
      description: 'What the image shows, in a sentence, for screen reader users and when images fail to load.',
      validation: (rule) =>
        rule.max(200).custom((alt: string | undefined, context) => {
          const image = context.parent as {asset?: unknown; decorative?: boolean} | undefined
          if (!image?.asset || image.decorative || alt?.trim()) return true
          return ALT_MISSING_MESSAGE
        }),
    }),
    defineField({
      name: 'decorative',
      title: 'Decorative',
      type: 'boolean',
      description: 'Tick only when the image adds nothing a reader would miss; it is then hidden from screen readers.',
      initialValue: false,
    }),
  ],
})
