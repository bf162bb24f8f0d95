import {createImageUrlBuilder} from '@sanity/image-url'
import type {Content, ImageRef} from './content.ts'

export interface ImageSource {
  /** The content backend's URL for this image, cropped to the editor's crop and hotspot. */
  src: string
  width: number
  height: number
  isVector: boolean
}

/**
 * The address to fetch an image from at build time, at a given width (and height, to crop
 * around the editor's hotspot). Works for Sanity's CDN and the local backend alike because
 * both serve `/images/<project>/<dataset>/<file>` and take the same parameters.
 */
export function imageSource(content: Content, image: ImageRef, width: number, height?: number): ImageSource | null {
  const asset = image.assetId ? content.imagesById.get(image.assetId) : undefined
  if (!asset) return null
  // Worked out once: the same few images (the social image, partners' logos) are on thousands of pages.
  const key = JSON.stringify([asset, image.crop, image.hotspot, width, height])
  let source = sources.get(key)
  if (source === undefined) {
    // Bounded, for the draft preview, which runs for days while editors change crops and images.
    if (sources.size >= 2000) sources.clear()
    source = sourceOf(asset, image, width, height)
    sources.set(key, source)
  }
  return source
}

const sources = new Map<string, ImageSource | null>()

type Asset = NonNullable<ReturnType<Content['imagesById']['get']>>

function sourceOf(asset: Asset, image: ImageRef, width: number, height?: number): ImageSource | null {
  if (!asset.url || !asset.width || !asset.height) return null
  const url = new URL(asset.url)
  const [, , projectId, dataset] = url.pathname.split('/')
  if (!projectId || !dataset) return null

  const isVector = asset.extension === 'svg'
  if (isVector) return {src: asset.url, width: asset.width, height: asset.height, isVector}

  // Never ask for more pixels than the original has: scale the request down instead.
  const scale = Math.min(1, asset.width / width)
  const outWidth = Math.round(width * scale)
  const outHeight = height ? Math.round(height * scale) : Math.round((outWidth * asset.height) / asset.width)
  const builder = createImageUrlBuilder({projectId, dataset, baseUrl: url.origin})
  let spec = builder
    .image({asset: {_ref: asset._id}, crop: image.crop ?? undefined, hotspot: image.hotspot ?? undefined})
    .width(outWidth)
  if (height) spec = spec.height(outHeight).fit('crop')
  return {src: spec.url(), width: outWidth, height: outHeight, isVector}
}
