import {API_VERSION, clientConfigFor, DEFAULT_DATASET} from '@itss/schemas/api'
import {createClient, type ClientPerspective, type SanityClient} from '@sanity/client'

const LOCAL_LAKE_MODULE = '@itss/lake/local'

export interface ContentSource {
  client: SanityClient
  /**
   * `drafts` in the draft preview (`pnpm preview`), where unpublished edits show; a release id
   * there previews the site as it will be once that release is published.
   */
  perspective: ClientPerspective
  /** Where content comes from, for the build log. */
  description: string
  close: () => Promise<void>
}

/**
 * Connects to the content: a Sanity project when SANITY_PROJECT_ID is set, otherwise the
 * local content backend in this repo, started for the build when none is running. Either
 * way it is the same client and the same queries. This module runs only at build time and
 * in the dev server; the token never reaches a browser.
 */
export async function connectContent(
  env: NodeJS.ProcessEnv = process.env,
  release?: string,
  /** The local backend's starter, for callers that have it already (a dynamic import fails in Astro's config). */
  ensureLake?: typeof import('@itss/lake/local').ensureLocalLake,
): Promise<ContentSource> {
  // A release is previewed over what is published, as visitors will see it: drafts not in it stay out.
  const preview: ClientPerspective = release ? [release] : 'drafts'
  const perspective: ClientPerspective = env.SANITY_PERSPECTIVE === 'drafts' ? preview : 'published'
  const common = {apiVersion: API_VERSION, useCdn: false, perspective} as const

  if (env.SANITY_PROJECT_ID) {
    const dataset = env.SANITY_DATASET ?? DEFAULT_DATASET
    // SANITY_API_HOST is for Sanity-compatible hosts other than api.sanity.io (such as the
    // local backend acting as a project in tests); a real project leaves it unset.
    const apiHost = env.SANITY_API_HOST
    const token = env.SANITY_API_READ_TOKEN
    const client = createClient({
      ...common,
      projectId: env.SANITY_PROJECT_ID,
      dataset,
      ...(token === undefined ? {} : {token}),
      // Deprecated as internal, yet nothing else stops the client putting the project ID in
      // front of the host (as clientConfigFor in @itss/schemas/api does for the local backend).
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- no replacement exists
      ...(apiHost ? {apiHost, useProjectHostname: false} : {}),
    })
    return {
      client,
      perspective,
      description: `Sanity project ${env.SANITY_PROJECT_ID}, dataset ${dataset}${apiHost ? ` at ${apiHost}` : ''}`,
      close: async () => {},
    }
  }

  // Imported at run time rather than bundled: the backend is a Node program with native parts.
  const ensureLocalLake =
    ensureLake ??
    ((await import(/* @vite-ignore */ LOCAL_LAKE_MODULE)) as typeof import('@itss/lake/local')).ensureLocalLake
  const lake = await ensureLocalLake({log: (line) => console.log(`[lake] ${line}`), httpPort: 0, httpsPort: false})
  const client = createClient({
    // Drafts need the editor token; the published site reads what any visitor may read.
    ...clientConfigFor({
      apiHost: lake.httpUrl,
      projectId: lake.projectId,
      token: perspective === 'published' ? undefined : lake.token,
    }),
    perspective,
  })
  return {client, perspective, description: `local content backend at ${lake.httpUrl}`, close: () => lake.close()}
}
