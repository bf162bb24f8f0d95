// Uploads (POST /assets/{images,files}/:dataset) and the asset URLs themselves
// (/images|files/:projectId/:dataset/:name[/<vanity name>]).
import {readAsset, uploadAsset} from '../../api/assets.ts'
import type {AssetKind} from '../../api/assets.ts'
import type {ImageParams} from '../../api/images.ts'
import {assetDir} from '../../storage/datadir.ts'
import {requireAuth} from '../auth.ts'
import {datasetNamed} from '../context.ts'
import type {Call, Handler, ServerContext} from '../context.ts'
import {ASSET_LIMIT, numberParam, stringParam} from '../request.ts'
import {json} from '../response.ts'
import type {Reply} from '../response.ts'

export const upload =
  (kind: AssetKind): Handler =>
  async (ctx, call) => {
    const dataset = datasetNamed(ctx, call.param('dataset'))
    requireAuth(call)
    const bytes = await call.body(ASSET_LIMIT)
    const context = {dataset, dir: assetDir(ctx.dataDir, dataset.name), projectId: ctx.projectId, author: ctx.author}
    return json(await uploadAsset(context, kind, bytes, stringParam(call.search, 'filename')))
  }

function imageParams(call: Call): ImageParams {
  const {search} = call
  const accept = call.headers.accept
  return {
    w: numberParam(search, 'w'),
    h: numberParam(search, 'h'),
    rect: search.get('rect')?.split(',').map(Number),
    fit: stringParam(search, 'fit'),
    crop: stringParam(search, 'crop'),
    bg: stringParam(search, 'bg'),
    fm: stringParam(search, 'fm'),
    auto: stringParam(search, 'auto'),
    q: numberParam(search, 'q'),
    dpr: numberParam(search, 'dpr'),
    acceptsWebp: typeof accept === 'string' && accept.includes('image/webp'),
  }
}

export const serve =
  (kind: AssetKind): Handler =>
  async (ctx: ServerContext, call: Call): Promise<Reply> => {
    const dataset = datasetNamed(ctx, call.param('dataset'))
    const asset = await readAsset(
      dataset,
      assetDir(ctx.dataDir, dataset.name),
      kind,
      call.param('name'),
      imageParams(call),
    )
    const headers: Record<string, string | number> = {
      'Content-Type': asset.contentType,
      'Content-Length': asset.body.length,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    }
    // An uploaded SVG opened directly must not run scripts on the API's origin.
    if (asset.contentType === 'image/svg+xml') headers['Content-Security-Policy'] = "script-src 'none'; sandbox"
    if (asset.sha1) headers['X-Sanity-Sha1'] = asset.sha1
    // Public bytes: any page may load them (CORS for local origins is set already).
    if (!call.headers.origin) headers['Access-Control-Allow-Origin'] = '*'
    const download = call.search.get('dl')
    if (download !== null) {
      headers['Content-Disposition'] = `attachment${download ? `; filename="${download.replace(/"/g, '')}"` : ''}`
    }
    return {type: 'bytes', body: asset.body, headers}
  }
