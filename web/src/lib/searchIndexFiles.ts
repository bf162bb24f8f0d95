// The Pagefind index, written from search records (searchRecords.ts). A build writes it beside
// its pages (integrations/searchIndex.ts). When a publish must not wait for it, the build
// leaves the records in a file instead and whoever publishes writes the index afterwards, as a
// script: `node searchIndexFiles.ts <records.json> <output folder>`.
import {readFile} from 'node:fs/promises'
import {close, createIndex} from 'pagefind'
import type {SearchRecord} from './searchRecords.ts'

/** Indexes `records` and writes the index to `outputPath`; Pagefind works in a process of its own. */
export async function writeSearchIndex(records: SearchRecord[], outputPath: string): Promise<void> {
  const {index, errors} = await createIndex({forceLanguage: 'en'})
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  try {
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)))
    const failed = added.flatMap((result) => result.errors)
    if (failed.length > 0) throw new Error(`Pagefind could not index the content: ${failed.join('; ')}`)
    const written = await index.writeFiles({outputPath})
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`)
  } finally {
    await close()
  }
}

if (import.meta.main) {
  const [recordsFile, outputPath] = process.argv.slice(2)
  if (!recordsFile || !outputPath) {
    console.error('usage: node searchIndexFiles.ts <records.json> <output folder>')
    process.exit(2)
  }
  await writeSearchIndex(JSON.parse(await readFile(recordsFile, 'utf8')) as SearchRecord[], outputPath)
}
