/**
 * Where the Studio reads and writes content. With SANITY_STUDIO_PROJECT_ID set it talks to
 * that Sanity project; otherwise to the local content backend (the lake), which needs extra
 * settings because it implements Sanity's API but none of its hosted extras.
 *
 * The choice is one conditional on the variable itself: `sanity build` replaces it with its
 * value, so a Studio built for a real project carries no trace of the local settings.
 */
export const backend = process.env.SANITY_STUDIO_PROJECT_ID
  ? {
      projectId: process.env.SANITY_STUDIO_PROJECT_ID,
      dataset: process.env.SANITY_STUDIO_DATASET ?? 'production',
      workspace: {},
    }
  : {
      projectId: 'itss',
      dataset: 'production',
      workspace: {
        // HTTPS so the browser speaks HTTP/2 and the Studio's many live streams fit one connection.
        apiHost: `https://localhost:${process.env.SANITY_STUDIO_LAKE_PORT ?? 3443}`,
        auth: {loginMethod: 'token' as const},
        // The default search strategy uses text::query(), which groq-js does not implement.
        search: {strategy: 'groqLegacy' as const},
        // Releases and Scheduled Drafts are on (the lake implements them); the older Scheduled
        // Publishing plugin, which they replace, needs Sanity's hosted scheduler.
        scheduledPublishing: {enabled: false},
        tasks: {enabled: false},
        announcements: {enabled: false},
        mediaLibrary: {enabled: false},
      },
    }
