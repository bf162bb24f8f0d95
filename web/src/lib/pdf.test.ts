import {describe, expect, test} from 'vitest'
import {countPdfPages, describeDownload, formatFileSize} from './pdf.ts'

const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF\n`)

describe('countPdfPages', () => {
  test('counts page objects, not the page tree', () => {
    const bytes = pdf(
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n' +
        '3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj <</Type/Page/Parent 2 0 R>> endobj',
    )
    expect(countPdfPages(bytes)).toBe(2)
  })

  test('gives no count for a file that is not a PDF, or whose pages it cannot see', () => {
    expect(countPdfPages(new TextEncoder().encode('<html>/Type /Page</html>'))).toBeUndefined()
    expect(countPdfPages(pdf('1 0 obj << /Type /ObjStm >> endobj'))).toBeUndefined()
  })
})

describe('describeDownload', () => {
  test('writes sizes as GOV.UK does', () => {
    expect(formatFileSize(900)).toBe('900 bytes')
    expect(formatFileSize(2048)).toBe('2 KB')
    expect(formatFileSize(1.2 * 1024 * 1024)).toBe('1.2 MB')
    expect(formatFileSize(24 * 1024 * 1024)).toBe('24 MB')
  })

  test('names the format, size and pages that are known', () => {
    expect(describeDownload('PDF', 1.2 * 1024 * 1024, 24)).toBe('PDF, 1.2 MB, 24 pages')
    expect(describeDownload('PDF', 3000, 1)).toBe('PDF, 3 KB, 1 page')
    expect(describeDownload('PDF', null)).toBe('PDF')
  })
})
