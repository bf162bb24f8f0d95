import type {APIRoute, GetStaticPaths} from 'astro'
import {fileKey} from '../../../lib/cacheKeys.ts'
import {loadContent} from '../../../lib/content.ts'

/** Each publication's PDF, shipped with the site at /publications/files/<slug>.pdf. */
export const getStaticPaths = (async () => {
  const content = await loadContent()
  return content.site.publications.flatMap((publication) => {
    const file = publication.fileId ? content.documents.get(publication.fileId) : undefined
    return file
      ? [{params: {name: `${publication.slug ?? ''}.pdf`}, props: {bytes: file.bytes}, cacheKey: fileKey(file.bytes)}]
      : []
  })
}) satisfies GetStaticPaths

export const GET: APIRoute = ({props}) => {
  const {bytes} = props as {bytes: Uint8Array}
  return new Response(new Blob([new Uint8Array(bytes)]), {headers: {'Content-Type': 'application/pdf'}})
}
