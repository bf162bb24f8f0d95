import type {SiteQueryResult} from '../sanity.types.ts'
import {countPdfPages} from './pdf.ts'

/** A publication's PDF as the site ships it: its bytes, size and page count. */
export interface DocumentFile {
  bytes: Uint8Array
  size: number
  pages: number | undefined
  extension: string
}

// A file asset's id names its bytes (`file-<sha1>-<ext>`, in Sanity and in the lake), so a
// file fetched once is that file for as long as this process runs: the draft preview, which
// loads the content again for every request, fetches each PDF once, not on every keystroke.
const fetched = new Map<string, Promise<DocumentFile>>()

/** How many files are fetched at once. */
const PARALLEL_FETCHES = 8

type SiteFile = SiteQueryResult['files'][number]

async function fetchDocument(file: SiteFile & {url: string}): Promise<DocumentFile> {
  const response = await fetch(file.url)
  if (!response.ok) throw new Error(`Could not fetch file ${file._id} (${file.url}): HTTP ${String(response.status)}`)
  const bytes = new Uint8Array(await response.arrayBuffer())
  return {
    bytes,
    size: file.size ?? bytes.length,
    pages: file.extension === 'pdf' || file.mimeType === 'application/pdf' ? countPdfPages(bytes) : undefined,
    extension: file.extension ?? 'pdf',
  }
}

/**
 * Fetches every PDF a publication offers, while the content backend is still open, so the
 * site can serve it itself and say how big it is. A file that cannot be fetched fails the build
 * (and is asked for again next time).
 */
export async function fetchDocuments(site: SiteQueryResult): Promise<Map<string, DocumentFile>> {
  const wanted = new Set(site.publications.flatMap((publication) => publication.fileId ?? []))
  const files = site.files.filter((file): file is SiteFile & {url: string} => wanted.has(file._id) && Boolean(file.url))
  const results: DocumentFile[] = []
  let next = 0
  const fetchSome = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i] as SiteFile & {url: string}
      let pending = fetched.get(file._id)
      if (!pending) {
        pending = fetchDocument(file)
        fetched.set(file._id, pending)
        pending.catch(() => fetched.delete(file._id))
      }
      results[i] = await pending
    }
  }
  await Promise.all(Array.from({length: PARALLEL_FETCHES}, fetchSome))
  return new Map(files.map((file, i) => [file._id, results[i] as DocumentFile]))
}
