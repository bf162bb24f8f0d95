import {BellIcon} from '@sanity/icons/Bell'
import {defineArrayMember, defineField, defineType, type PreviewValue} from 'sanity'
import {formatDay, todayInUk} from '../dates.ts'
import {checkHeadingOrder} from '../objects/richText.ts'
import {previewValue} from '../preview.ts'
import {checkNewsSlug} from '../rules.ts'

/** A dated news article: what the Institute has done, published or announced. */
export const newsArticle = defineType({
  name: 'newsArticle',
  title: 'News article',
  type: 'document',
  icon: BellIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Headline',
      type: 'string',
      description: 'What happened, in a few words. Shown as the article heading, in news lists and in the RSS feed.',
      validation: (rule) => rule.required().max(100),
    }),
    defineField({
      name: 'slug',
      title: 'Address',
      type: 'slug',
      description:
        'The last part of the article address, for example “institute-opens” in /news/institute-opens. Each article needs its own.',
      options: {source: 'title', maxLength: 80},
      validation: (rule) => rule.required().custom(checkNewsSlug).error(),
    }),
    defineField({
      name: 'date',
      title: 'Date',
      type: 'date',
      description: 'The day the news was published. News lists show the newest first.',
      options: {dateFormat: 'D MMMM YYYY'},
      initialValue: () => todayInUk(),
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'updated',
      title: 'Updated',
      type: 'date',
      description:
        'Optional. The day the article last changed in substance, shown to readers and search engines. Leave empty when fixing a typo.',
      options: {dateFormat: 'D MMMM YYYY'},
      validation: (rule) =>
        rule.custom((updated: string | undefined, context) => {
          const date = (context.document as {date?: string} | undefined)?.date
          return !updated || !date || updated >= date ? true : 'An article cannot be updated before its date.'
        }),
    }),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      description:
        'One or two sentences under the headline, also shown in news lists, the RSS feed and search results.',
      validation: (rule) => rule.required().max(240),
    }),
    defineField({
      name: 'body',
      title: 'Article',
      type: 'richText',
      description: 'The full article. Start headings at “Heading 2”.',
      // A field's own rules replace its type's, so the heading check is repeated here.
      validation: (rule) => [rule.required().min(1), rule.custom(checkHeadingOrder)],
    }),
    defineField({
      name: 'image',
      title: 'Image',
      type: 'accessibleImage',
      description: 'Optional. Shown at the top of the article and when it is shared.',
    }),
    defineField({
      name: 'topics',
      title: 'Topics',
      type: 'array',
      description: 'The subjects the article is about; it is listed on each topic’s page.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'topic'}]})],
      validation: (rule) => rule.unique().max(6),
    }),
    defineField({
      name: 'related',
      title: 'Related content',
      type: 'array',
      description: 'Other articles or pages a reader may want next, linked at the end of the article.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'newsArticle'}, {type: 'page'}]})],
      validation: (rule) => rule.unique().max(6),
    }),
  ],
  orderings: [{title: 'Date, newest first', name: 'dateDesc', by: [{field: 'date', direction: 'desc'}]}],
  preview: {
    select: {title: 'title', date: 'date', media: 'image'},
    prepare: ({title, date, media}: {title?: string; date?: string; media?: PreviewValue['media']}) => ({
      ...previewValue(title, date ? formatDay(date) : 'No date yet'),
      ...(media ? {media} : {}),
    }),
  },
})
