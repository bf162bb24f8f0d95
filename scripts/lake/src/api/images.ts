// Sanity's image pipeline through sharp: the parameters of an image URL (w, h, rect, fit,
// crop, bg, fm, auto, q, dpr) turned into a resized, cropped or converted copy.
import sharp from 'sharp'
import type {FormatEnum, ResizeOptions} from 'sharp'

import {ApiError, badRequest} from './errors.ts'

/** An image URL's parameters, as Sanity names them; numbers as given (checked here). */
export interface ImageParams {
  w?: number | undefined
  h?: number | undefined
  /** `rect=x,y,w,h`: the part of the image to use. */
  rect?: number[] | undefined
  fit?: string | undefined
  crop?: string | undefined
  /** A hex colour (no `#`) for the padding of `fit=fill`. */
  bg?: string | undefined
  fm?: string | undefined
  auto?: string | undefined
  q?: number | undefined
  dpr?: number | undefined
  /** The caller accepts WebP (its Accept header says so), for `auto=format`. */
  acceptsWebp: boolean
}

export interface TransformedImage {
  body: Buffer
  contentType: string
}

/** sharp's format names, with the extension and mime type Sanity gives each. */
export const IMAGE_FORMATS: Record<string, {extension: string; mimeType: string}> = {
  jpeg: {extension: 'jpg', mimeType: 'image/jpeg'},
  png: {extension: 'png', mimeType: 'image/png'},
  gif: {extension: 'gif', mimeType: 'image/gif'},
  webp: {extension: 'webp', mimeType: 'image/webp'},
  svg: {extension: 'svg', mimeType: 'image/svg+xml'},
  avif: {extension: 'avif', mimeType: 'image/avif'},
  heif: {extension: 'avif', mimeType: 'image/avif'},
  tiff: {extension: 'tif', mimeType: 'image/tiff'},
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

function dimension(value: number | undefined, name: string, dpr: number): number | undefined {
  if (value === undefined) return undefined
  const number = Math.round(value * dpr)
  if (!Number.isFinite(number) || number < 1 || number > 8192) throw badRequest(`Invalid ${name}`)
  return number
}

/** The original for no parameters (or only its own format); a transformed copy otherwise. */
export async function transformImage(
  original: Buffer,
  extension: string,
  params: ImageParams,
): Promise<TransformedImage> {
  const originalType =
    Object.values(IMAGE_FORMATS).find((f) => f.extension === extension)?.mimeType ?? 'application/octet-stream'
  if (params.fm === 'json') {
    const meta = await sharp(original).metadata()
    const body = Buffer.from(
      JSON.stringify({width: meta.autoOrient.width, height: meta.autoOrient.height, format: meta.format}),
    )
    return {body, contentType: 'application/json'}
  }

  const dpr = Math.min(Math.max((params.dpr ?? 1) || 1, 1), 3)
  const width = dimension(params.w, 'w', dpr)
  const height = dimension(params.h, 'h', dpr)
  const {rect} = params
  let format = params.fm
  if (!format && params.auto === 'format' && params.acceptsWebp && extension !== 'svg') format = 'webp'
  const quality = params.q === undefined ? undefined : Math.min(Math.max(params.q || 75, 1), 100)

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
      const fit = params.fit ?? 'clip'
      const position = POSITIONS[params.crop?.split(',')[0] ?? 'center'] ?? 'centre'
      const options: ResizeOptions = {position}
      if (fit === 'crop' || fit === 'min') options.fit = 'cover'
      else if (fit === 'fill' || fit === 'fillmax') options.fit = 'contain'
      else if (fit === 'scale') options.fit = 'fill'
      else options.fit = 'inside'
      if (fit === 'max' || fit === 'min' || fit === 'fillmax') options.withoutEnlargement = true
      if (options.fit === 'contain')
        options.background = params.bg ? `#${params.bg}` : {r: 255, g: 255, b: 255, alpha: 0}
      image = image.resize(width ?? null, height ?? null, options)
    }
    // A resized SVG has to become a raster image; PNG keeps its transparency.
    const target = OUTPUT_FORMATS[format ?? (extension === 'jpg' ? 'jpg' : extension)] ?? 'png'
    image = image.toFormat(target, {quality, progressive: format === 'pjpg'})
    const body = await image.toBuffer()
    return {body, contentType: `image/${target}`}
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw badRequest(`Could not transform image: ${err instanceof Error ? err.message : String(err)}`)
  }
}
