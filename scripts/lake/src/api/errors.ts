// Errors in the shape Sanity's API answers with, so @sanity/client turns them into
// readable ClientErrors (it reads `error.description`, and `items` for mutation errors).
// Sanity puts the status code in the body too, so it belongs to the error, not the transport.

export interface SanityErrorBody {
  error: {description: string; type: string; [key: string]: unknown}
  statusCode: number
}

export class ApiError extends Error {
  readonly status: number
  readonly body: SanityErrorBody

  constructor(status: number, type: string, description: string, extra: Record<string, unknown> = {}) {
    super(description)
    this.status = status
    this.body = {error: {description, type, ...extra}, statusCode: status}
  }
}

export const notFound = (description = 'Not found') => new ApiError(404, 'httpNotFound', description)

export const badRequest = (description: string) => new ApiError(400, 'httpBadRequest', description)

export const unauthorized = () =>
  new ApiError(401, 'httpUnauthorized', 'Unauthorized - Session not found or token invalid')

export const tooLarge = (limit: number) =>
  new ApiError(413, 'httpPayloadTooLarge', `Request body exceeds the limit of ${String(limit)} bytes`)

/** A failed mutation: Sanity wraps the per-mutation errors in `items`. */
export function mutationError(status: number, type: string, description: string, index: number, id?: string): ApiError {
  return new ApiError(status, 'mutationError', `The mutation(s) failed: ${description}`, {
    items: [{error: {description, type, ...(id === undefined ? {} : {id})}, index}],
  })
}

/** A GROQ parse error; the client draws a code frame from `query`, `start` and `end`. */
export function queryParseError(query: string, description: string, start: number, end: number): ApiError {
  return new ApiError(400, 'queryParseError', description, {query, start, end})
}
