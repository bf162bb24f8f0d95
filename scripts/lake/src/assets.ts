// Image and file assets: uploads become sanity.imageAsset / sanity.fileAsset documents
// with the bytes under <dataDir>/assets/<dataset>/, and the image URLs answer Sanity's
// image-pipeline parameters (w, h, rect, fit, fm, q, ...) through sharp.
import {createHash} from 'node:crypto'
import {mkdir, open, readFile, rename} from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'
import type {FormatEnum, ResizeOptions} from 'sharp'

import {badRequest, HttpError, notFound} from './errors.ts'
import {ASSET_ORIGIN} from './http.ts'
import {mutate} from './mutate.ts'
import type {DatasetStore, Doc} from './store.ts'

export type AssetKind = 'images' | 'files'

interface UploadContext {
  store: DatasetStore
  dir: string
  projectId: string
  author: string
}

const IMAGE_FORMATS: Record<string, {extension: string; mimeType: string}> = {
  jpeg: {extension: 'jpg', mimeType: 'image/jpeg'},
  png: {extension: 'png', mimeType: 'image/png'},
  gif: {extension: 'gif', mimeType: 'image/gif'},
  webp: {extension: 'webp', mimeType: 'image/webp'},
  svg: {extension: 'svg', mimeType: 'image/svg+xml'},
  avif: {extension: 'avif', mimeType: 'image/avif'},
  heif: {extension: 'avif', mimeType: 'image/avif'},
  tiff: {extension: 'tif', mimeType: 'image/tiff'},
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  json: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Sniffs a mime type from the first bytes, as Sanity does (clients send no Content-Type). */
function sniffMime(bytes: Buffer): string | undefined {
  const hex = bytes.subarray(0, 12).toString('hex')
  if (hex.startsWith('89504e47')) return 'image/png'
  if (hex.startsWith('ffd8ff')) return 'image/jpeg'
  if (hex.startsWith('47494638')) return 'image/gif'
  if (hex.startsWith('52494646') && bytes.subarray(8, 12).toString() === 'WEBP') return 'image/webp'
  if (hex.startsWith('25504446')) return 'application/pdf'
  if (hex.startsWith('504b0304')) return 'application/zip'
  if (bytes.subarray(4, 8).toString() === 'ftyp') return 'video/mp4'
  const head = bytes.subarray(0, 512).toString('utf8')
  if (/<svg[\s>]/i.test(head)) return 'image/svg+xml'
  return undefined
}

const extensionOf = (filename: string | undefined) => filename?.match(/\.([a-z0-9]{1,8})$/i)?.[1]?.toLowerCase()

async function writeDurably(file: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(file), {recursive: true})
  const temp = `${file}.${process.pid}.tmp`
  const handle = await open(temp, 'w')
  try {
    await handle.write(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, file)
}

/** Stores an upload and returns its asset document (the existing one for known bytes). */
export async function uploadAsset(
  ctx: UploadContext,
  kind: AssetKind,
  bytes: Buffer,
  filename: string | undefined,
): Promise<Doc> {
  if (bytes.length === 0) throw badRequest('Empty asset upload')
  const sha1hash = createHash('sha1').update(bytes).digest('hex')
  const {store} = ctx
  const base = {
    assetId: sha1hash,
    sha1hash,
    size: bytes.length,
    originalFilename: filename,
    uploadId: sha1hash.slice(0, 22),
  }

  let doc: Doc
  if (kind === 'images') {
    const meta = await sharp(bytes)
      .metadata()
      .catch(() => {
        throw badRequest('Invalid image, could not read metadata')
      })
    const format = IMAGE_FORMATS[meta.format]
    if (!format) throw badRequest(`Unsupported image format "${meta.format}"`)
    const {width, height} = meta.autoOrient
    const name = `${sha1hash}-${width}x${height}.${format.extension}`
    const assetPath = `images/${ctx.projectId}/${store.name}/${name}`
    doc = {
      ...base,
      _id: `image-${sha1hash}-${width}x${height}-${format.extension}`,
      _type: 'sanity.imageAsset',
      extension: format.extension,
      mimeType: format.mimeType,
      path: assetPath,
      url: `${ASSET_ORIGIN}/${assetPath}`,
      metadata: {
        _type: 'sanity.imageMetadata',
        dimensions: {_type: 'sanity.imageDimensions', width, height, aspectRatio: width / height},
        hasAlpha: meta.hasAlpha ?? false,
        isOpaque: !(meta.hasAlpha ?? false),
        lqip: await lqip(bytes),
      },
    }
    await writeDurably(path.join(ctx.dir, 'images', name), bytes)
  } else {
    const mimeType = sniffMime(bytes) ?? MIME_BY_EXTENSION[extensionOf(filename) ?? ''] ?? 'application/octet-stream'
    const extension =
      extensionOf(filename) ?? Object.entries(MIME_BY_EXTENSION).find(([, mime]) => mime === mimeType)?.[0] ?? 'bin'
    const name = `${sha1hash}.${extension}`
    const assetPath = `files/${ctx.projectId}/${store.name}/${name}`
    doc = {
      ...base,
      _id: `file-${sha1hash}-${extension}`,
      _type: 'sanity.fileAsset',
      extension,
      mimeType,
      path: assetPath,
      url: `${ASSET_ORIGIN}/${assetPath}`,
    }
    await writeDurably(path.join(ctx.dir, 'files', name), bytes)
  }

  if (doc.originalFilename === undefined) delete doc.originalFilename
  await mutate(store, [{createIfNotExists: doc}], {author: ctx.author})
  return store.get(doc._id) ?? doc
}

/** A tiny blurred preview, as Sanity stores in metadata.lqip. */
async function lqip(bytes: Buffer): Promise<string | undefined> {
  try {
    const small = await sharp(bytes, {autoOrient: true}).resize(20, 20, {fit: 'inside'}).jpeg({quality: 40}).toBuffer()
    return `data:image/jpeg;base64,${small.toString('base64')}`
  } catch {
    return undefined
  }
}

export interface ServedAsset {
  body: Buffer
  contentType: string
  /** Set for the original bytes; @sanity/export checks downloads against it. */
  sha1?: string | undefined
}

const IMAGE_NAME = /^([a-f0-9]{40})-(\d+)x(\d+)\.([a-z0-9]+)$/
const FILE_NAME = /^([a-f0-9]{40})\.([a-z0-9]+)$/

/** Reads a stored asset by its URL file name (a trailing vanity name is ignored by the router). */
export async function readAsset(
  store: DatasetStore,
  dir: string,
  kind: AssetKind,
  name: string,
  params: URLSearchParams,
  accept: string,
): Promise<ServedAsset> {
  if (kind === 'files') {
    const match = FILE_NAME.exec(name)
    if (!match) throw notFound('File not found')
    const body = await readFile(path.join(dir, 'files', name)).catch(() => {
      throw notFound('File not found')
    })
    const doc = store.get(`file-${match[1]}-${match[2]}`)
    const contentType =
      typeof doc?.mimeType === 'string'
        ? doc.mimeType
        : (MIME_BY_EXTENSION[match[2] ?? ''] ?? 'application/octet-stream')
    return {body, contentType, sha1: match[1]}
  }

  const match = IMAGE_NAME.exec(name)
  if (!match) throw notFound('Image not found')
  const original = await readFile(path.join(dir, 'images', name)).catch(() => {
    throw notFound('Image not found')
  })
  const served = await transformImage(original, match[4] ?? '', params, accept)
  return served.body === original ? {...served, sha1: match[1]} : served
}

const OUTPUT_FORMATS: Record<string, keyof FormatEnum | 'avif'> = {
  jpg: 'jpeg',
  pjpg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
}

const POSITIONS: Record<string, string> = {
  top: 'top',
  bottom: 'bottom',
  left: 'left',
  right: 'right',
  center: 'centre',
  entropy: 'entropy',
  focalpoint: 'centre',
}

function dimension(params: URLSearchParams, name: string, dpr: number): number | undefined {
  const value = params.get(name)
  if (value === null) return undefined
  const number = Math.round(Number(value) * dpr)
  if (!Number.isFinite(number) || number < 1 || number > 8192) throw badRequest(`Invalid ${name}`)
  return number
}

async function transformImage(
  original: Buffer,
  extension: string,
  params: URLSearchParams,
  accept: string,
): Promise<ServedAsset> {
  const originalType =
    Object.values(IMAGE_FORMATS).find((f) => f.extension === extension)?.mimeType ?? 'application/octet-stream'
  if (params.get('fm') === 'json') {
    const meta = await sharp(original).metadata()
    const body = Buffer.from(
      JSON.stringify({width: meta.autoOrient.width, height: meta.autoOrient.height, format: meta.format}),
    )
    return {body, contentType: 'application/json'}
  }

  const dpr = Math.min(Math.max(Number(params.get('dpr') ?? 1) || 1, 1), 3)
  const width = dimension(params, 'w', dpr)
  const height = dimension(params, 'h', dpr)
  const rect = params.get('rect')?.split(',').map(Number)
  let format = params.get('fm') ?? undefined
  if (!format && params.get('auto') === 'format' && accept.includes('image/webp') && extension !== 'svg')
    format = 'webp'
  const quality = params.has('q') ? Math.min(Math.max(Number(params.get('q')) || 75, 1), 100) : undefined

  const resizes = width !== undefined || height !== undefined || rect !== undefined
  if (!resizes && (!format || format === extension)) return {body: original, contentType: originalType}

  try {
    let image = sharp(original, {autoOrient: true})
    if (rect) {
      const [left = 0, top = 0, w = 0, h = 0] = rect
      if (rect.length !== 4 || rect.some((n) => !Number.isInteger(n) || n < 0) || w < 1 || h < 1) {
        throw badRequest('Invalid rect')
      }
      image = image.extract({left, top, width: w, height: h})
    }
    if (width !== undefined || height !== undefined) {
      const fit = params.get('fit') ?? 'clip'
      const position = POSITIONS[params.get('crop')?.split(',')[0] ?? 'center'] ?? 'centre'
      const options: ResizeOptions = {position}
      if (fit === 'crop' || fit === 'min') options.fit = 'cover'
      else if (fit === 'fill' || fit === 'fillmax') options.fit = 'contain'
      else if (fit === 'scale') options.fit = 'fill'
      else options.fit = 'inside'
      if (fit === 'max' || fit === 'min' || fit === 'fillmax') options.withoutEnlargement = true
      if (options.fit === 'contain')
        options.background = params.get('bg') ? `#${params.get('bg')}` : {r: 255, g: 255, b: 255, alpha: 0}
      image = image.resize(width ?? null, height ?? null, options)
    }
    // A resized SVG has to become a raster image; PNG keeps its transparency.
    const target = OUTPUT_FORMATS[format ?? (extension === 'jpg' ? 'jpg' : extension)] ?? 'png'
    image = image.toFormat(target, {quality, progressive: format === 'pjpg'})
    const body = await image.toBuffer()
    return {body, contentType: `image/${target}`}
  } catch (err) {
    if (err instanceof HttpError) throw err
    throw badRequest(`Could not transform image: ${err instanceof Error ? err.message : String(err)}`)
  }
}
