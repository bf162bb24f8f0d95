// Image and file assets: uploads become sanity.imageAsset / sanity.fileAsset documents
// with the bytes under <dataDir>/assets/<dataset>/; reads answer the stored bytes, images
// through the image pipeline (images.ts).
import {createHash} from 'node:crypto'
import {mkdir, open, readFile, rename} from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import type {Dataset} from '../storage/dataset.ts'
import type {Doc} from '../storage/transactions.ts'
import {badRequest, notFound} from './errors.ts'
import {IMAGE_FORMATS, transformImage} from './images.ts'
import type {ImageParams, TransformedImage} from './images.ts'
import {commitMutations} from './mutate.ts'

export type AssetKind = 'images' | 'files'

/**
 * Asset documents store this in place of an origin, and every answer swaps in the origin
 * the caller used, so one dataset works at any port, over HTTP or HTTPS.
 */
export const ASSET_ORIGIN = 'https://asset-origin.lake.invalid'

export interface UploadContext {
  dataset: Dataset
  /** The dataset's asset folder. */
  dir: string
  projectId: string
  author: string
}

export const MIME_BY_EXTENSION: Record<string, string> = {
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
  const temp = `${file}.${String(process.pid)}.tmp`
  const handle = await open(temp, 'w')
  try {
    await handle.write(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, file)
}

/** POST /assets/:kind/:dataset: stores an upload; answers its asset document (the existing one for known bytes). */
export async function uploadAsset(
  ctx: UploadContext,
  kind: AssetKind,
  bytes: Buffer,
  filename: string | undefined,
): Promise<{document: Doc}> {
  if (bytes.length === 0) throw badRequest('Empty asset upload')
  const sha1hash = createHash('sha1').update(bytes).digest('hex')
  const {dataset} = ctx
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
    const size = `${String(width)}x${String(height)}`
    const name = `${sha1hash}-${size}.${format.extension}`
    const assetPath = `images/${ctx.projectId}/${dataset.name}/${name}`
    doc = {
      ...base,
      _id: `image-${sha1hash}-${size}-${format.extension}`,
      _type: 'sanity.imageAsset',
      extension: format.extension,
      mimeType: format.mimeType,
      path: assetPath,
      url: `${ASSET_ORIGIN}/${assetPath}`,
      metadata: {
        _type: 'sanity.imageMetadata',
        dimensions: {_type: 'sanity.imageDimensions', width, height, aspectRatio: width / height},
        hasAlpha: meta.hasAlpha,
        isOpaque: !meta.hasAlpha,
        lqip: await lqip(bytes),
      },
    }
    await writeDurably(path.join(ctx.dir, 'images', name), bytes)
  } else {
    const mimeType = sniffMime(bytes) ?? MIME_BY_EXTENSION[extensionOf(filename) ?? ''] ?? 'application/octet-stream'
    const extension =
      extensionOf(filename) ?? Object.entries(MIME_BY_EXTENSION).find(([, mime]) => mime === mimeType)?.[0] ?? 'bin'
    const name = `${sha1hash}.${extension}`
    const assetPath = `files/${ctx.projectId}/${dataset.name}/${name}`
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
  await commitMutations(dataset, [{createIfNotExists: doc}], {author: ctx.author})
  return {document: dataset.get(doc._id) ?? doc}
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

export interface ServedAsset extends TransformedImage {
  /** Set for the original bytes; @sanity/export checks downloads against it. */
  sha1?: string | undefined
}

const IMAGE_NAME = /^([a-f0-9]{40})-(\d+)x(\d+)\.([a-z0-9]+)$/
const FILE_NAME = /^([a-f0-9]{40})\.([a-z0-9]+)$/

/** GET /images|files/:projectId/:dataset/:name: a stored asset by its URL file name. */
export async function readAsset(
  dataset: Dataset,
  dir: string,
  kind: AssetKind,
  name: string,
  params: ImageParams,
): Promise<ServedAsset> {
  if (kind === 'files') {
    const match = FILE_NAME.exec(name)
    if (!match) throw notFound('File not found')
    const body = await readFile(path.join(dir, 'files', name)).catch(() => {
      throw notFound('File not found')
    })
    const [, sha1 = '', extension = ''] = match
    const doc = dataset.get(`file-${sha1}-${extension}`)
    const contentType =
      typeof doc?.mimeType === 'string' ? doc.mimeType : (MIME_BY_EXTENSION[extension] ?? 'application/octet-stream')
    return {body, contentType, sha1}
  }

  const match = IMAGE_NAME.exec(name)
  if (!match) throw notFound('Image not found')
  const original = await readFile(path.join(dir, 'images', name)).catch(() => {
    throw notFound('Image not found')
  })
  const served = await transformImage(original, match[4] ?? '', params)
  return served.body === original ? {...served, sha1: match[1]} : served
}
