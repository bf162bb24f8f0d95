import {SINGLETON_IDS, schemaTypes} from '@itss/schemas'
import {API_VERSION} from '@itss/schemas/api'
import {PREVIEW_MODE_ENABLE_PATH, resolvePagePaths, type PageNode} from '@itss/schemas/paths'
import {ROUTABLE_TYPES} from '@itss/schemas/redirects'
import {defineConfig, useClient, useWorkspace, type DocumentActionComponent, type SanityClient} from 'sanity'
import {presentationTool} from 'sanity/presentation'
import {useRouter} from 'sanity/router'
import {structureTool} from 'sanity/structure'
import {backend} from './src/backend.ts'
import {locations, mainDocuments} from './src/presentation.ts'
import {afterCommits, formInput} from './src/presentationCommits.ts'
import {withRedirects} from './src/publishWithRedirects.ts'
import {structure} from './src/structure.ts'

const singletons = new Set<string>(SINGLETON_IDS)
/** What an editor may do with a singleton: change it and publish it, never copy or delete it. */
const singletonActions = new Set(['publish', 'discardChanges', 'restore'])
/** Types with an address of their own, whose old address publishing a new one must keep working. */
const routable = new Set<string>(ROUTABLE_TYPES)

/** The draft-preview server (`pnpm preview`); set SANITY_STUDIO_PREVIEW_URL at build time to move it. */
const previewOrigin = process.env.SANITY_STUDIO_PREVIEW_URL ?? 'http://127.0.0.1:4322'

/** A page's site path, resolved as the site resolves it (in a release, as it will be once published). */
async function pagePath(client: SanityClient, id: string, release: string | undefined): Promise<string> {
  // The perspective the preview server reads with: an unpublished slug change counts.
  const {homePageId, pages} = await client.withConfig({perspective: release ? [release] : 'drafts'}).fetch<{
    homePageId: string | null
    pages: PageNode[]
  }>(`{"homePageId": *[_id == "siteSettings"][0].homePage._ref,
      "pages": *[_type == "page"]{_id, "slug": slug.current, "parentId": parent._ref}}`)
  return resolvePagePaths(pages, homePageId).paths.get(id) ?? '/'
}

/**
 * Opens the page in the Presentation tool, beside its form, with this document's unpublished
 * changes; for a version in a release, a new tab of the draft-preview server showing the site
 * as it will be once that release is published.
 */
const PreviewAction: DocumentActionComponent = ({id, type, release}) => {
  const client = useClient({apiVersion: API_VERSION})
  const router = useRouter()
  const {basePath} = useWorkspace()
  return {
    label: 'Preview',
    title: release
      ? `Open the site as it will be once this release is published, at ${previewOrigin}`
      : 'Open this page with its draft changes beside the form, in Presentation',
    onHandle: () => {
      if (!release) {
        const tool = `${basePath.replace(/\/$/, '')}/presentation/${type}/${encodeURIComponent(id)}`
        // Without the page's address (the lookup failed), Presentation still opens, at its start page.
        void pagePath(client, id, undefined).then(
          (path) => {
            router.navigateUrl({path: `${tool}?preview=${encodeURIComponent(path)}`})
          },
          () => {
            router.navigateUrl({path: tool})
          },
        )
        return
      }
      // Opened now, while the click still counts as the user's, and pointed at the page once
      // its path is known (popup blockers refuse a window opened after an await).
      const query = `?release=${encodeURIComponent(release)}`
      const tab = window.open('', '_blank')
      pagePath(client, id, release).then(
        (path) => tab?.location.assign(`${previewOrigin}${path}${query}`),
        () => tab?.location.assign(`${previewOrigin}/${query}`),
      )
    },
  }
}
PreviewAction.displayName = 'PreviewAction'

export default defineConfig({
  name: 'default',
  title: 'ITSS content',
  projectId: backend.projectId,
  dataset: backend.dataset,
  ...backend.workspace,
  plugins: [
    structureTool({structure}),
    presentationTool({
      title: 'Presentation',
      previewUrl: {
        initial: previewOrigin,
        // The draft preview's side of the handshake (web/src/integrations/contentBackend.ts).
        previewMode: {enable: PREVIEW_MODE_ENABLE_PATH},
      },
      resolve: {locations, mainDocuments},
    }),
  ],
  schema: {
    types: schemaTypes,
    templates: (templates) => [
      ...templates.filter(({schemaType}) => !singletons.has(schemaType)),
      {
        id: 'teamMember-by-group',
        title: 'Team member in group',
        schemaType: 'teamMember',
        parameters: [{name: 'group', type: 'string'}],
        value: (params: {group: string}) => ({group: params.group}),
      },
    ],
  },
  form: {components: {input: formInput}},
  document: {
    actions: (actions, {schemaType}) => {
      const allowed = singletons.has(schemaType)
        ? actions.filter(({action}) => action && singletonActions.has(action))
        : actions
      const kept = allowed
        .map(afterCommits)
        .map((action) => (action.action === 'publish' && routable.has(schemaType) ? withRedirects(action) : action))
      return schemaType === 'page' ? [...kept, PreviewAction] : kept
    },
    newDocumentOptions: (items) => items.filter((item) => !singletons.has(item.templateId)),
    comments: {enabled: false},
  },
})
