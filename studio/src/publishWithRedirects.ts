import {API_VERSION} from '@itss/schemas/api'
import {PUBLISHED_ADDRESSES_PARAMS, PUBLISHED_ADDRESSES_QUERY, type PublishedAddresses} from '@itss/schemas/redirects'
import {useToast} from '@sanity/ui/toast'
import {useClient, type DocumentActionComponent, type SanityClient, type SanityDocument} from 'sanity'
import {addressMoves, type AddressFields} from './addressMoves.ts'
import {redirectPlan, type ExistingRedirect} from './redirectPlan.ts'

/** How long to wait for a publish the Studio holds back (while it saves or validates) to land. */
const PUBLISH_TIMEOUT_MS = 60_000

const addressFields = (draft: SanityDocument): AddressFields => ({
  slug: (draft.slug as {current?: string} | undefined)?.current ?? null,
  parentId: (draft.parent as {_ref?: string} | undefined)?._ref ?? null,
})

/** Resolves once the published document's revision is no longer `revision`; false if it never changes. */
async function published(client: SanityClient, id: string, revision: string | undefined): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < PUBLISH_TIMEOUT_MS;) {
    const doc = await client.getDocument(id)
    if (doc && doc._rev !== revision) return true
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return false
}

/** Commits `build`'s mutations as one transaction, if it adds any. */
async function commit(client: SanityClient, build: (transaction: ReturnType<SanityClient['transaction']>) => void) {
  const transaction = client.transaction()
  build(transaction)
  if (transaction.toJSON().length > 0) await transaction.commit()
}

/**
 * Wraps the Publish action of a document with an address: when publishing changes the
 * address of a published document (its slug, or for a page its parent, and so the pages
 * under it), each old address keeps working through a published redirect to the document,
 * and the editor is told (what changes: redirectPlan.ts). Redirects away from an address the
 * document takes are removed before it is published, and the new ones are added after, so
 * the published content never holds a redirect away from a live page.
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
      const plan = redirectPlan(
        moves,
        await client.fetch<ExistingRedirect[]>(
          `*[_type == "redirect" && !(_id in path("drafts.**"))]{_id, from, toAddress}`,
        ),
      )
      // Before publishing, so no build ever sees a redirect away from a page that is live.
      // (No request for none: the documents endpoint answers an empty id list with 404.)
      const removed =
        plan.remove.length > 0 ? (await client.getDocuments(plan.remove)).filter((doc) => doc !== null) : []
      await commit(client, (transaction) => {
        for (const redirectId of plan.remove) transaction.delete(redirectId)
      })
      onHandle()
      // After publishing, so no build ever sees a redirect away from an old address while it is still live.
      if (!(await published(client, id, revision))) {
        // The publish did not land: the redirects taken away for it come back as they were.
        await commit(client, (transaction) => {
          for (const {_rev: _unused, ...doc} of removed) transaction.createOrReplace(doc)
        })
        throw new Error('the publish did not go through within a minute, so no redirect was made')
      }
      const to = (documentId: string) => ({_type: 'reference', _ref: documentId})
      await commit(client, (transaction) => {
        for (const {redirectId, documentId} of plan.repoint)
          transaction.patch(redirectId, (patch) => patch.set({to: to(documentId)}).unset(['toAddress']))
        for (const {from, documentId} of plan.create)
          transaction.create({
            _id: `redirect-${crypto.randomUUID()}`,
            _type: 'redirect',
            from,
            to: to(documentId),
            kind: 'permanent',
          })
      })
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
