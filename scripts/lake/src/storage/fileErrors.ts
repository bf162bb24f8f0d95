// Telling file-system errors apart: a missing file is often an answer, anything else is not.

/** The `code` of a Node system error (ENOENT, EEXIST, ...), if it has one. */
export const errorCode = (err: unknown): string | undefined =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined

/** A rejection handler that answers `fallback` for a missing file and rethrows anything else. */
export function orWhenMissing<T>(fallback: T): (err: unknown) => T {
  return (err) => {
    if (errorCode(err) === 'ENOENT') return fallback
    throw err
  }
}
