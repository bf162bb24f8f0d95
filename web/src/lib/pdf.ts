/*
 * What a download link says about a PDF, as GOV.UK describes attachments: “PDF, 1.2 MB, 24 pages”.
 */

/**
 * The number of pages in a PDF, counted from its page objects (`/Type /Page`, not `/Pages`),
 * or undefined when none are visible, as in a PDF whose objects are compressed into streams.
 */
export function countPdfPages(bytes: Uint8Array): number | undefined {
  const text = new TextDecoder('latin1').decode(bytes)
  if (!text.startsWith('%PDF-')) return undefined
  const count = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0
  return count > 0 ? count : undefined
}

/** A file size as GOV.UK writes it: `850 bytes`, `12 KB`, `1.2 MB` (1 KB = 1,024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} bytes`
  const kb = bytes / 1024
  if (kb < 1024) return `${String(Math.round(kb))} KB`
  const mb = kb / 1024
  return `${mb < 10 ? mb.toFixed(1) : String(Math.round(mb))} MB`
}

/** `PDF, 1.2 MB, 24 pages`; the size and pages where known. */
export function describeDownload(format: string, size?: number | null, pages?: number): string {
  return [
    format,
    ...(size ? [formatFileSize(size)] : []),
    ...(pages ? [`${String(pages)} page${pages === 1 ? '' : 's'}`] : []),
  ].join(', ')
}
