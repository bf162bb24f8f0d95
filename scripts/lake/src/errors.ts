// Errors in the shape Sanity's API answers with, so @sanity/client turns them into
// readable ClientErrors (it reads `error.description`, and `items` for mutation errors).

export interface SanityErrorBody {
  error: {description: string; type: string; [key: string]: unknown}
  statusCode: number
}

export class HttpError extends Error {
  readonly status: number
  readonly body: SanityErrorBody

  constructor(status: number, type: string, description: string, extra: Record<string, unknown> = {}) {
    super(description)
    this.status = status
    this.body = {error: {description, type, ...extra}, statusCode: status}
  }
}

export const notFound = (description = 'Not found') => new HttpError(404, 'httpNotFound', description)

export const badRequest = (description: string) => new HttpError(400, 'httpBadRequest', description)

export const unauthorized = () =>
  new HttpError(401, 'httpUnauthorized', 'Unauthorized - Session not found or token invalid')

export const tooLarge = (limit: number) =>
  new HttpError(413, 'httpPayloadTooLarge', `Request body exceeds the limit of ${limit} bytes`)

/** A failed mutation: Sanity wraps the per-mutation errors in `items`. */
export function mutationError(
  status: number,
  type: string,
  description: string,
  index: number,
  id?: string,
): HttpError {
  return new HttpError(status, 'mutationError', `The mutation(s) failed: ${description}`, {
    items: [{error: {description, type, ...(id === undefined ? {} : {id})}, index}],
  })
}

/** A GROQ parse error; the client draws a code frame from `query`, `start` and `end`. */
export function queryParseError(query: string, description: string, start: number, end: number): HttpError {
  return new HttpError(400, 'queryParseError', description, {query, start, end})
}
