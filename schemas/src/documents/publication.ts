import {DocumentPdfIcon} from '@sanity/icons/DocumentPdf'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {formatDay, todayInUk} from '../dates.ts'
import {checkHeadingOrder} from '../objects/richText.ts'
import {previewValue} from '../preview.ts'
import {checkDoi, checkHref, checkPublicationSlug, DOCUMENT_OR_URL_MESSAGE} from '../rules.ts'
import {PUBLICATION_KINDS} from '../vocabulary.ts'

const hasDocumentOrUrl = (doc: {file?: {asset?: unknown}; url?: string} | undefined) =>
  Boolean(doc?.file?.asset) || Boolean(doc?.url?.trim())

/** A report, paper or response the Institute has published, with the document itself. */
export const publication = defineType({
  name: 'publication',
  title: 'Publication',
  type: 'document',
  icon: DocumentPdfIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      description:
        'The title as it appears on the publication’s cover. Shown as the page heading, in lists and in citations.',
      validation: (rule) => rule.required().max(200),
    }),
    defineField({
      name: 'slug',
      title: 'Address',
      type: 'slug',
      description:
        'The last part of the address, for example “talent-commission-report” in /publications/talent-commission-report. Each publication needs its own.',
      options: {source: 'title', maxLength: 80},
      validation: (rule) => rule.required().custom(checkPublicationSlug).error(),
    }),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      description: 'What sort of publication this is. Readers can list publications of one kind.',
      options: {list: [...PUBLICATION_KINDS], layout: 'radio'},
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'date',
      title: 'Date published',
      type: 'date',
      description: 'The day it was published. Lists show the newest first, and citations give its year.',
      options: {dateFormat: 'D MMMM YYYY'},
      initialValue: () => todayInUk(),
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'authors',
      title: 'Authors',
      type: 'array',
      description:
        'In the order the publication names them. Choose a team member (linked to their place on Meet the team), or add an author from outside the Institute. Leave empty for a publication by the Institute as a whole.',
      of: [
        defineArrayMember({type: 'reference', title: 'Team member', to: [{type: 'teamMember'}]}),
        defineArrayMember({
          type: 'object',
          name: 'externalAuthor',
          title: 'Author from outside the Institute',
          fields: [
            defineField({
              name: 'name',
              title: 'Name',
              type: 'string',
              description: 'As the publication gives it, for example “Professor Sir John Holman”.',
              validation: (rule) => rule.required().max(120),
            }),
            defineField({
              name: 'affiliation',
              title: 'Affiliation',
              type: 'string',
              description: 'Optional. Their organisation or role, for example “Chair, TALENT Commission”.',
              validation: (rule) => rule.max(160),
            }),
          ],
          preview: {
            select: {title: 'name', subtitle: 'affiliation'},
          },
        }),
      ],
      validation: (rule) => rule.max(30),
    }),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      description: 'One or two sentences on what it finds or argues, shown in lists, the RSS feed and search results.',
      validation: (rule) => rule.required().max(300),
    }),
    defineField({
      name: 'body',
      title: 'About this publication',
      type: 'richText',
      description: 'Optional. More about the publication on its page. Start headings at “Heading 2”.',
      validation: (rule) => rule.custom(checkHeadingOrder),
    }),
    defineField({
      name: 'file',
      title: 'PDF',
      type: 'file',
      description:
        'The publication as a PDF. The page gives its size and number of pages. Needed unless an address is given.',
      options: {accept: 'application/pdf'},
      validation: (rule) =>
        rule.custom((file: {asset?: unknown} | undefined, context) =>
          hasDocumentOrUrl(context.document as Parameters<typeof hasDocumentOrUrl>[0]) ? true : DOCUMENT_OR_URL_MESSAGE,
        ),
    }),
    defineField({
      name: 'placeholder',
      title: 'Example file',
      type: 'boolean',
      description:
        'Ticked while the PDF is an example standing in for the real publication; the page says so beside the download.',
      initialValue: false,
      validation: (rule) =>
        rule
          .warning()
          .custom((value) =>
            value ? 'The PDF is marked as an example: upload the real publication, then untick “Example file”.' : true,
          ),
    }),
    defineField({
      name: 'url',
      title: 'Address of the publication',
      type: 'url',
      description: 'Optional when a PDF is uploaded: where the publication can be read elsewhere, starting https://.',
      validation: (rule) => [
        rule.uri({scheme: ['http', 'https']}),
        rule.custom((url: string | undefined) => checkHref(url)),
        rule.custom((_url: string | undefined, context) =>
          hasDocumentOrUrl(context.document as Parameters<typeof hasDocumentOrUrl>[0]) ? true : DOCUMENT_OR_URL_MESSAGE,
        ),
      ],
    }),
    defineField({
      name: 'doi',
      title: 'DOI',
      type: 'string',
      description:
        'Optional. The Digital Object Identifier, without “https://doi.org/”, for example 10.1234/abcd.5678. The citation links to it.',
      validation: (rule) => rule.custom((doi: string | undefined) => checkDoi(doi)),
    }),
    defineField({
      name: 'image',
      title: 'Cover image',
      type: 'accessibleImage',
      description: 'Optional. Shown on the publication’s page and when it is shared.',
    }),
    defineField({
      name: 'topics',
      title: 'Topics',
      type: 'array',
      description: 'The subjects it is about; it is listed on each topic’s page and under the topic filter.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'topic'}]})],
      validation: (rule) => rule.unique().max(6),
    }),
    defineField({
      name: 'roadmapStage',
      title: 'Research roadmap stage',
      type: 'reference',
      description: 'Optional. The stage of the research roadmap this publication belongs to.',
      to: [{type: 'roadmapStage'}],
    }),
    defineField({
      name: 'related',
      title: 'Related publications',
      type: 'array',
      description: 'Other publications a reader may want next, linked at the end of the page.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'publication'}]})],
      validation: (rule) => rule.unique().max(6),
    }),
  ],
  orderings: [{title: 'Date, newest first', name: 'dateDesc', by: [{field: 'date', direction: 'desc'}]}],
  preview: {
    select: {title: 'title', date: 'date', kind: 'kind'},
    prepare: ({title, date, kind}: {title?: string; date?: string; kind?: string}) => {
      const kindTitle = PUBLICATION_KINDS.find((k) => k.value === kind)?.title ?? 'No kind yet'
      return previewValue(title, `${date ? formatDay(date) : 'No date yet'} · ${kindTitle}`)
    },
  },
})
