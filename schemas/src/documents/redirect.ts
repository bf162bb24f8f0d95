import {TransferIcon} from '@sanity/icons/Transfer'
import {defineField, defineType, type ValidationContext} from 'sanity'
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
 * The old address is well-formed, and free: no published page lives there (it must keep showing
 * that page) and no other published redirect already claims it.
 */
async function checkFromIsFree(from: string | undefined, context: ValidationContext): Promise<true | string> {
  const format = checkRedirectSource(from)
  if (format !== true || !from) return format
  const client = context.getClient({apiVersion: API_VERSION})
  const path = normaliseRedirectSource(from)
  const [published, redirects] = await Promise.all([
    client.fetch<PublishedAddresses>(PUBLISHED_ADDRESSES_QUERY, PUBLISHED_ADDRESSES_PARAMS),
    client.fetch<Array<{_id: string; from: string | null}>>(
      `*[_type == "redirect" && _id != $id && !(_id in path("drafts.**"))]{_id, from}`,
      {id: (context.document?._id ?? '').replace(/^drafts\./, '')},
    ),
  ])
  const page = [...routablePaths(published)].find(([, livePath]) => livePath === path)
  if (page) return `${path} is the address of a published page (${page[0]}): a redirect cannot take it.`
  const other = redirects.find((redirect) => redirect.from && normaliseRedirectSource(redirect.from) === path)
  return other ? `${path} is already redirected by ${other._id}.` : true
}

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
      validation: (rule) => rule.required().custom(checkFromIsFree),
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
