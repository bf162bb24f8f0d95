import type {SiteQueryResult} from '../sanity.types.ts'
import {countPdfPages} from './pdf.ts'

/** A publication's PDF as the site ships it: its bytes, size and page count. */
export interface DocumentFile {
  bytes: Uint8Array
  size: number
  pages: number | undefined
  extension: string
}

/**
 * Fetches every PDF a publication offers, while the content backend is still open, so the
 * site can serve it itself and say how big it is. A file that cannot be fetched fails the build.
 */
export async function fetchDocuments(site: SiteQueryResult): Promise<Map<string, DocumentFile>> {
  const wanted = new Set(site.publications.flatMap((publication) => publication.fileId ?? []))
  const documents = new Map<string, DocumentFile>()
  for (const file of site.files) {
    if (!wanted.has(file._id) || !file.url) continue
    const response = await fetch(file.url)
    if (!response.ok) throw new Error(`Could not fetch file ${file._id} (${file.url}): HTTP ${String(response.status)}`)
    const bytes = new Uint8Array(await response.arrayBuffer())
    documents.set(file._id, {
      bytes,
      size: file.size ?? bytes.length,
      pages: file.extension === 'pdf' || file.mimeType === 'application/pdf' ? countPdfPages(bytes) : undefined,
      extension: file.extension ?? 'pdf',
    })
  }
  return documents
}
