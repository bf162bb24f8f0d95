import {CalendarIcon} from '@sanity/icons/Calendar'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {
  checkEventEnd,
  checkRegistrationCloses,
  EVENT_FORMATS,
  EVENT_STATUSES,
  EXAMPLE_EVENT_MESSAGE,
  eventStatusTitle,
  isInPerson,
  isOnline,
} from '../events.ts'
import {checkHeadingOrder} from '../objects/richText.ts'
import {previewValue} from '../preview.ts'
import {checkEventSlug} from '../rules.ts'
import {ukDateTime} from '../times.ts'

type EventFields = {start?: string; format?: string}
const fieldsOf = (document: unknown) => (document ?? {}) as EventFields

/** The next whole hour from now: where a new event's start begins, on today's date. */
const nextHour = () => {
  const date = new Date()
  date.setUTCMinutes(0, 0, 0)
  date.setUTCHours(date.getUTCHours() + 1)
  return date.toISOString()
}

const DATE_TIME = {dateFormat: 'D MMMM YYYY', timeFormat: 'HH:mm', timeStep: 15} as const

/** An event the Institute runs or takes part in: when, where or how to join, and how to register. */
export const event = defineType({
  name: 'event',
  title: 'Event',
  type: 'document',
  icon: CalendarIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      description: 'The event’s name. Shown as the page heading, in event lists and in calendars.',
      validation: (rule) => rule.required().max(120),
    }),
    defineField({
      name: 'slug',
      title: 'Address',
      type: 'slug',
      description:
        'The last part of the event address, for example “technician-summit-2027” in /events/technician-summit-2027. Each event needs its own.',
      options: {source: 'title', maxLength: 80},
      validation: (rule) => rule.required().custom(checkEventSlug).error(),
    }),
    defineField({
      name: 'start',
      title: 'Starts',
      type: 'datetime',
      description: 'When the event starts, in UK time. The site shows it in UK time (GMT or BST).',
      options: DATE_TIME,
      initialValue: nextHour,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'end',
      title: 'Ends',
      type: 'datetime',
      description: 'When the event ends, in UK time. Must be after the start.',
      options: DATE_TIME,
      validation: (rule) =>
        rule
          .required()
          .custom((end: string | undefined, context) => checkEventEnd(fieldsOf(context.document).start, end)),
    }),
    defineField({
      name: 'format',
      title: 'Format',
      type: 'string',
      description: 'How people attend: in a place, online, or either.',
      options: {list: [...EVENT_FORMATS], layout: 'radio'},
      initialValue: 'inPerson',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'venue',
      title: 'Venue',
      type: 'string',
      description: 'For in-person and hybrid events: the building or place, for example “Warwick Conference Centre”.',
      hidden: ({document}) => fieldsOf(document).format === 'online',
      validation: (rule) =>
        rule
          .max(120)
          .custom((venue: string | undefined, context) =>
            isInPerson(fieldsOf(context.document).format) && !venue?.trim()
              ? 'An in-person or hybrid event needs a venue.'
              : true,
          ),
    }),
    defineField({
      name: 'address',
      title: 'Address',
      type: 'text',
      rows: 3,
      description: 'For in-person and hybrid events: the venue’s postal address, one line per row.',
      hidden: ({document}) => fieldsOf(document).format === 'online',
      validation: (rule) =>
        rule
          .max(300)
          .custom((address: string | undefined, context) =>
            isInPerson(fieldsOf(context.document).format) && !address?.trim()
              ? 'An in-person or hybrid event needs an address.'
              : true,
          ),
    }),
    defineField({
      name: 'joining',
      title: 'How to join online',
      type: 'text',
      rows: 3,
      description:
        'For online and hybrid events: how people join, for example “The link is emailed to everyone who registers.”',
      hidden: ({document}) => fieldsOf(document).format === 'inPerson',
      validation: (rule) =>
        rule
          .max(400)
          .custom((joining: string | undefined, context) =>
            isOnline(fieldsOf(context.document).format) && !joining?.trim()
              ? 'An online or hybrid event needs joining information.'
              : true,
          ),
    }),
    defineField({
      name: 'registrationUrl',
      title: 'Registration link',
      type: 'url',
      description: 'Optional. Where people sign up, for example a booking page. Must start with https:// or http://.',
      validation: (rule) => rule.uri({scheme: ['http', 'https']}),
    }),
    defineField({
      name: 'registrationCloses',
      title: 'Registration closes',
      type: 'datetime',
      description: 'Optional. When registration closes, in UK time; before the event starts.',
      options: DATE_TIME,
      validation: (rule) =>
        rule.custom((closes: string | undefined, context) =>
          checkRegistrationCloses(fieldsOf(context.document).start, closes),
        ),
    }),
    defineField({
      name: 'status',
      title: 'Status',
      type: 'string',
      description:
        'Scheduled unless plans change. A cancelled, postponed or moved event stays on the site, marked as such, and calendars are told.',
      options: {list: [...EVENT_STATUSES], layout: 'radio'},
      initialValue: 'scheduled',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      description: 'One or two sentences about the event, shown in event lists, calendars and search results.',
      validation: (rule) => rule.required().max(240),
    }),
    defineField({
      name: 'body',
      title: 'Details',
      type: 'richText',
      description:
        'Optional. The programme, who it is for, and anything else attendees need. Start headings at “Heading 2”.',
      validation: (rule) => rule.custom(checkHeadingOrder),
    }),
    defineField({
      name: 'topics',
      title: 'Topics',
      type: 'array',
      description: 'The subjects the event is about; it is listed on each topic’s page.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'topic'}]})],
      validation: (rule) => rule.unique().max(6),
    }),
    defineField({
      name: 'example',
      title: 'Example',
      type: 'boolean',
      description:
        'Ticked on the demo event that shows how events look. The site labels it “Example event: replace or delete it”.',
      initialValue: false,
      validation: (rule) => rule.warning().custom((value) => (value ? EXAMPLE_EVENT_MESSAGE : true)),
    }),
  ],
  orderings: [{title: 'Start, soonest first', name: 'startAsc', by: [{field: 'start', direction: 'asc'}]}],
  preview: {
    select: {title: 'title', start: 'start', status: 'status', example: 'example'},
    prepare: ({
      title,
      start,
      status,
      example,
    }: {
      title?: string
      start?: string
      status?: string
      example?: boolean
    }) => {
      const when = start ? ukDateTime(start) : 'No start yet'
      const flags = [
        ...(example ? ['Example'] : []),
        ...(status && status !== 'scheduled' ? [eventStatusTitle(status)] : []),
      ]
      return previewValue(title, flags.length > 0 ? `${flags.join(', ')}: ${when}` : when)
    },
  },
})
