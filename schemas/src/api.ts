/**
 * What every part that talks to the content API agrees on: the pinned API version and the
 * client settings for a Sanity-compatible host other than api.sanity.io (the local backend).
 * Free of Sanity imports, so the site, the Studio, the lake and the tools can all share it.
 */

/**
 * Pinned so a change in Sanity's API never changes a build unannounced. From this version on,
 * reads default to the `published` perspective; before it, to `raw`.
 */
export const API_VERSION = '2025-02-19'

/** The dataset the demo content lives in, locally and in a new Sanity project. */
export const DEFAULT_DATASET = 'production'

/** Where a client finds a backend that is not api.sanity.io. */
export interface BackendAddress {
  /** The backend's base URL, such as `http://127.0.0.1:3400`. */
  apiHost: string
  projectId: string
  dataset?: string | undefined
  token?: string | undefined
}

/**
 * @sanity/client settings for a backend at its own address: no project subdomain (Node does
 * not resolve `*.localhost`), no CDN (builds must read what was just published), the pinned
 * API version.
 */
export function clientConfigFor(backend: BackendAddress) {
  return {
    apiHost: backend.apiHost,
    projectId: backend.projectId,
    dataset: backend.dataset ?? DEFAULT_DATASET,
    ...(backend.token ? {token: backend.token} : {}),
    apiVersion: API_VERSION,
    useProjectHostname: false,
    useCdn: false,
  } as const
}
