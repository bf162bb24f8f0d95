// Reading an action's fields, and the error an action that cannot apply answers with; shared
// by the document, version and release actions.
import {ApiError, badRequest} from './errors.ts'

export type Json = Record<string, unknown>

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** An action that cannot apply to the current state (Sanity answers these with 409). */
export function actionError(index: number, description: string, status = 409): ApiError {
  return new ApiError(status, 'actionError', description, {items: [{error: {description}, index}]})
}

export function stringField(action: Json, name: string, index: number): string {
  const value = action[name]
  if (typeof value !== 'string' || value === '')
    throw badRequest(`Action ${String(index)}: \`${name}\` must be a string`)
  return value
}

export function objectField(action: Json, name: string, index: number): Json {
  const value = action[name]
  if (!isObject(value)) throw badRequest(`Action ${String(index)}: \`${name}\` must be an object`)
  return value
}
