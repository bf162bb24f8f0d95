/**
 * Where the Studio reads and writes content. With SANITY_STUDIO_PROJECT_ID set it talks to
 * that Sanity project; otherwise to the local content backend (the lake), which needs the
 * settings below because it implements Sanity's API but none of its hosted extras.
 */
const remoteProjectId = process.env.SANITY_STUDIO_PROJECT_ID

export const LOCAL_PROJECT_ID = 'itss'
export const LOCAL_LAKE_HTTPS_PORT = Number(process.env.SANITY_STUDIO_LAKE_PORT ?? 3443)

export const backend = remoteProjectId
  ? {projectId: remoteProjectId, dataset: process.env.SANITY_STUDIO_DATASET ?? 'production', local: false}
  : {projectId: LOCAL_PROJECT_ID, dataset: 'production', local: true}

/** Workspace settings for the lake: its address, token login, and hosted-only features off. */
export const localBackendOptions = {
  // HTTPS so the browser speaks HTTP/2 and the Studio's many live streams fit one connection.
  apiHost: `https://localhost:${LOCAL_LAKE_HTTPS_PORT}`,
  auth: {loginMethod: 'token' as const},
  // The default search strategy uses text::query(), which groq-js does not implement.
  search: {strategy: 'groqLegacy' as const},
  releases: {enabled: false},
  scheduledPublishing: {enabled: false},
  scheduledDrafts: {enabled: false},
  tasks: {enabled: false},
  announcements: {enabled: false},
  mediaLibrary: {enabled: false},
}
