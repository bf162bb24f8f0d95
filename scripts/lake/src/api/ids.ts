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

/** The published id a draft or release version belongs to. */
export function publishedId(id: string): string {
  if (isDraftId(id)) return id.slice('drafts.'.length)
  if (isVersionId(id)) return id.split('.').slice(2).join('.')
  return id
}

/** Whether an id is readable without a token, as in a public Sanity dataset. */
export const isPublicId = (id: string) => !isDraftId(id) && !isVersionId(id)

// Sanity allows letters, digits, `_`, `-` and `.` path separators, up to 128 characters.
const VALID_ID = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/
export const isValidId = (id: string) => VALID_ID.test(id) && !id.includes('..') && !id.endsWith('.')

/** Sanity's document timestamps have second precision. */
export const docTimestamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')
