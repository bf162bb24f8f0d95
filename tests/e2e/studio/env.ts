// Where the Studio's browser tests find their own lake, Studio and draft-preview server: fixed
// loopback ports and a data dir that the lake's web server entry reseeds from dataset/ each run.
import os from 'node:os'
import path from 'node:path'

import {draftPreviewOrigin} from '@itss/dev'

export const STUDIO_PORT = 3533
export const LAKE_HTTP_PORT = 3501
export const LAKE_HTTPS_PORT = 3543
export const PREVIEW_PORT = 4331
export const PROJECT_ID = 'itss'
export const studioDataDir = path.join(os.tmpdir(), 'itss-studio-e2e-lake')
export const studioUrl = `http://localhost:${STUDIO_PORT}`
/** What the browser calls (Chromium resolves *.localhost to loopback). */
export const lakeBrowserOrigin = `https://${PROJECT_ID}.localhost:${LAKE_HTTPS_PORT}`
/** What Node-side clients and builds call. */
export const lakeHttpUrl = `http://127.0.0.1:${LAKE_HTTP_PORT}`
/** The draft-preview dev server (`pnpm preview`) the Studio's Preview action opens. */
export const previewUrl = draftPreviewOrigin(PREVIEW_PORT)

/** The ports the tests' lake serves, so the restart test can start it again on them. */
export const lakePortArgs = ['--port', String(LAKE_HTTP_PORT), '--https-port', String(LAKE_HTTPS_PORT)]
