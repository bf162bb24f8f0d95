// Document id conventions (drafts.*, versions.<release>.*) and generated ids.
import {randomBytes} from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A 22-character random id, the length Sanity uses for transaction and document ids. */
export function randomId(length = 22): string {
  const bytes = randomBytes(length)
  let id = ''
  for (const byte of bytes) id += ALPHABET.charAt(byte % ALPHABET.length)
  return id
}

export const isDraftId = (id: string) => id.startsWith('drafts.')
export const isVersionId = (id: string) => id.startsWith('versions.')
/** System documents, such as releases (`_.releases.<id>`), live under `_.`. */
export const isSystemId = (id: string) => id.startsWith('_.')

/** A document of the published layer: neither a draft nor a release version. */
export const isPublishedLayerId = (id: string) => !isDraftId(id) && !isVersionId(id)

export const releaseDocumentId = (releaseId: string) => `_.releases.${releaseId}`
export const isVersionIn = (releaseId: string, id: string) => id.startsWith(`versions.${releaseId}.`)

/** The release a `versions.<release>.<id>` document belongs to. */
export const releaseIdOf = (id: string): string | undefined => (isVersionId(id) ? id.split('.')[1] : undefined)

/** The published id a draft or release version belongs to. */
export function publishedId(id: string): string {
  if (isDraftId(id)) return id.slice('drafts.'.length)
  if (isVersionId(id)) return id.split('.').slice(2).join('.')
  return id
}

/** Whether an id is readable without a token, as in a public Sanity dataset (releases are not). */
export const isPublicId = (id: string) => isPublishedLayerId(id) && !isSystemId(id)

// Sanity allows letters, digits, `_`, `-` and `.` path separators, up to 128 characters.
const VALID_ID = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/
export const isValidId = (id: string) => VALID_ID.test(id) && !id.includes('..') && !id.endsWith('.')

/** Sanity's document timestamps have second precision. */
export const docTimestamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')
