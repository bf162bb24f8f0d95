import {TransferIcon} from '@sanity/icons/Transfer'
import {defineField, defineType} from 'sanity'
import {API_VERSION} from '../api.ts'
import {previewValue} from '../preview.ts'
import {
  checkRedirectAddress,
  checkRedirectSource,
  normaliseRedirectSource,
  PUBLISHED_ADDRESSES_PARAMS,
  PUBLISHED_ADDRESSES_QUERY,
  REDIRECT_KINDS,
  ROUTABLE_TYPES,
  routablePaths,
  type PublishedAddresses,
} from '../redirects.ts'

/**
 * An old address that sends visitors on: to a document here (wherever it lives now) or to
 * another address. Publishing a document with a changed address creates one for its old
 * address; editors add others by hand, for example for a page of the old website.
 */
export const redirect = defineType({
  name: 'redirect',
  title: 'Redirect',
  type: 'document',
  icon: TransferIcon,
  fields: [
    defineField({
      name: 'from',
      title: 'Old address',
      type: 'string',
      description:
        'The address that should keep working, for example /news/old-headline. It must not be the address of a published page.',
      validation: (rule) =>
        rule.required().custom(async (from: string | undefined, context) => {
          const format = checkRedirectSource(from)
          if (format !== true || !from) return format
          // A live page's own address must show that page, so no redirect may take it.
          const client = context.getClient({apiVersion: API_VERSION})
          const published = await client.fetch<PublishedAddresses>(
            PUBLISHED_ADDRESSES_QUERY,
            PUBLISHED_ADDRESSES_PARAMS,
          )
          const path = normaliseRedirectSource(from)
          const taken = [...routablePaths(published)].find(([, livePath]) => livePath === path)
          return taken ? `${path} is the address of a published page (${taken[0]}): a redirect cannot take it.` : true
        }),
    }),
    defineField({
      name: 'to',
      title: 'Send visitors to',
      type: 'reference',
      to: ROUTABLE_TYPES.map((type) => ({type})),
      description: 'A page, article, publication, event or topic; the redirect follows it if its address changes.',
      validation: (rule) =>
        rule.custom((to, context) => {
          const toAddress = (context.document as {toAddress?: string} | undefined)?.toAddress
          if (to && toAddress) return 'Choose a document or give an address, not both.'
          return to || toAddress ? true : 'Choose where the old address leads: a document here, or an address below.'
        }),
    }),
    defineField({
      name: 'toAddress',
      title: 'Or send visitors to this address',
      type: 'string',
      description: 'Only when no document above fits: a path on this site (/about-us) or https://… elsewhere.',
      validation: (rule) => rule.custom((value: string | undefined) => checkRedirectAddress(value)),
    }),
    defineField({
      name: 'kind',
      title: 'Permanent or temporary',
      type: 'string',
      description:
        'Permanent tells search engines to list the new address instead; temporary keeps the old one listed.',
      options: {list: REDIRECT_KINDS.map(({title, value}) => ({title, value})), layout: 'radio'},
      initialValue: 'permanent',
      validation: (rule) => rule.required(),
    }),
  ],
  preview: {
    select: {from: 'from', title: 'to.title', toAddress: 'toAddress', kind: 'kind'},
    prepare: ({from, title, toAddress, kind}: {from?: string; title?: string; toAddress?: string; kind?: string}) =>
      previewValue(
        from ? normaliseRedirectSource(from) : undefined,
        `→ ${title ?? toAddress ?? '(nowhere yet)'}${kind === 'temporary' ? ' (temporary)' : ''}`,
      ),
  },
})
