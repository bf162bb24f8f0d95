import {API_VERSION} from '@itss/schemas/api'
import {
  normaliseRedirectSource,
  PUBLISHED_ADDRESSES_PARAMS,
  PUBLISHED_ADDRESSES_QUERY,
  type PublishedAddresses,
} from '@itss/schemas/redirects'
import {useToast} from '@sanity/ui/toast'
import {useClient, type DocumentActionComponent, type SanityClient, type SanityDocument} from 'sanity'
import {addressMoves, type AddressFields, type AddressMove} from './addressMoves.ts'

/** How long to wait for a publish the Studio holds back (while it saves or validates) to land. */
const PUBLISH_TIMEOUT_MS = 60_000

const addressFields = (draft: SanityDocument): AddressFields => ({
  slug: (draft.slug as {current?: string} | undefined)?.current ?? null,
  parentId: (draft.parent as {_ref?: string} | undefined)?._ref ?? null,
})

/** Published redirects, with their old addresses as the site serves them. */
async function publishedRedirects(client: SanityClient) {
  const redirects = await client.fetch<Array<{_id: string; from: string | null}>>(
    `*[_type == "redirect" && !(_id in path("drafts.**"))]{_id, from}`,
  )
  return redirects.map((redirect) => ({
    ...redirect,
    from: redirect.from ? normaliseRedirectSource(redirect.from) : null,
  }))
}

/** Resolves once the published document's revision is no longer `revision`; false if it never changes. */
async function published(client: SanityClient, id: string, revision: string | undefined): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < PUBLISH_TIMEOUT_MS;) {
    const doc = await client.getDocument(id)
    if (doc && doc._rev !== revision) return true
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return false
}

/** Each old address now leads to its document: an existing redirect from it is pointed there, or one is created. */
async function redirectOldAddresses(client: SanityClient, moves: AddressMove[]) {
  const existing = await publishedRedirects(client)
  const transaction = client.transaction()
  for (const {id, from} of moves) {
    const to = {_type: 'reference', _ref: id}
    const same = existing.find((redirect) => redirect.from === from)
    if (same) transaction.patch(same._id, (patch) => patch.set({to, kind: 'permanent'}).unset(['toAddress']))
    else transaction.create({_id: `redirect-${crypto.randomUUID()}`, _type: 'redirect', from, to, kind: 'permanent'})
  }
  await transaction.commit()
}

/**
 * Wraps the Publish action of a document with an address: when publishing changes the
 * address of a published document (its slug, or for a page its parent, and so the pages
 * under it), each old address keeps working through a published redirect to the document,
 * and the editor is told. A redirect from an address the document takes is removed first,
 * so changing a slug back never leaves a redirect away from a live page.
 */
export function withRedirects(Publish: DocumentActionComponent): DocumentActionComponent {
  // The same component for the same action on every call: the Studio keeps an action's state by its identity.
  const known = wrapped.get(Publish)
  if (known) return known
  const PublishWithRedirects: DocumentActionComponent = (props) => {
    const action = Publish(props)
    const client = useClient({apiVersion: API_VERSION})
    const toast = useToast()
    if (!action?.onHandle || !props.draft || !props.published) return action
    const {onHandle} = action
    const {id, draft} = props
    const revision = props.published._rev

    const publishKeepingOldAddresses = async () => {
      const addresses = await client.fetch<PublishedAddresses>(PUBLISHED_ADDRESSES_QUERY, PUBLISHED_ADDRESSES_PARAMS)
      const moves = addressMoves(addresses, id, addressFields(draft))
      if (moves.length === 0) {
        onHandle()
        return
      }
      // Before publishing, so no build ever sees a redirect away from a page that is live.
      const newAddresses = new Set(moves.map((move) => move.to))
      const stale = (await publishedRedirects(client)).filter(
        (redirect) => redirect.from && newAddresses.has(redirect.from),
      )
      if (stale.length > 0) {
        const transaction = client.transaction()
        for (const redirect of stale) transaction.delete(redirect._id)
        await transaction.commit()
      }
      onHandle()
      // After publishing, so no build ever sees a redirect away from the old address while it is still live.
      if (!(await published(client, id, revision))) return
      await redirectOldAddresses(client, moves)
      toast.push({
        status: 'success',
        title: moves.length === 1 ? 'Redirect created' : `${String(moves.length)} redirects created`,
        description: moves.map((move) => `${move.from} now leads to ${move.to}`).join('; '),
      })
    }

    return {
      ...action,
      onHandle: () => {
        publishKeepingOldAddresses().catch((error: unknown) => {
          toast.push({
            status: 'error',
            title: 'The old address may no longer work',
            description: `Add a redirect for it under Redirects. (${error instanceof Error ? error.message : String(error)})`,
          })
        })
      },
    }
  }
  PublishWithRedirects.action = 'publish'
  PublishWithRedirects.displayName = 'PublishWithRedirects'
  wrapped.set(Publish, PublishWithRedirects)
  return PublishWithRedirects
}

const wrapped = new WeakMap<DocumentActionComponent, DocumentActionComponent>()
