import type {Browser} from '@playwright/test'

/**
 * A real PDF of `pages` pages, as an editor might upload: Chromium prints a page with a page
 * break before each numbered heading after the first.
 */
export async function printPdf(browser: Browser, pages: number): Promise<Buffer> {
  const page = await browser.newPage()
  try {
    const headings = Array.from(
      {length: pages},
      (_, i) =>
        `<h1${i > 0 ? ' style="break-before: page"' : ''}>Page ${String(i + 1)}</h1><p>Findings on the technical workforce.</p>`,
    )
    await page.setContent(`<!doctype html><title>Report</title>${headings.join('')}`)
    return await page.pdf({format: 'A4'})
  } finally {
    await page.close()
  }
}
