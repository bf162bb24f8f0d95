import {readdir} from 'node:fs/promises'
import type {ValidationCases} from './validationCases.ts'

export * from './validationCases.ts'

/** One `<type>.cases.ts` file. */
export interface CasesFile {
  /** The type the file is named for: `faq` for `documents/faq.cases.ts`. */
  type: string
  /** A singleton's one document has the type name as its id, so its cases cannot get ids of their own. */
  singleton: boolean
  cases: ValidationCases
}

const FOLDERS = [
  {folder: 'documents', singleton: false},
  {folder: 'singletons', singleton: true},
] as const

/**
 * Every cases file beside a document or singleton schema, found on disk so a new type's file
 * (from `pnpm new:type` or by hand) is picked up without being registered anywhere.
 */
export async function loadCasesFiles(): Promise<CasesFile[]> {
  const files: CasesFile[] = []
  for (const {folder, singleton} of FOLDERS) {
    const dir = new URL(`./${folder}/`, import.meta.url)
    const names = (await readdir(dir)).filter((file) => file.endsWith('.cases.ts')).sort()
    for (const name of names) {
      // A URL held in a variable, so bundlers leave the import to the runtime.
      const url = new URL(name, dir).href
      const {cases} = (await import(url)) as {cases: ValidationCases}
      files.push({type: name.slice(0, -'.cases.ts'.length), singleton, cases})
    }
  }
  return files
}
