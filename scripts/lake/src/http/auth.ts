// The editor token. Without it a caller sees a public dataset; a wrong one is refused
// outright rather than read as anonymous, so a misconfigured client fails loudly.
import {unauthorized} from '../api/errors.ts'

/** The token in an `Authorization: Bearer <token>` value. */
export const bearerToken = (authorization: string | undefined): string | undefined =>
  authorization ? /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim() : undefined

/** True for the editor token, false for none; throws 401 for any other. */
export function authenticate(token: string, authorization: string | undefined): boolean {
  if (!authorization) return false
  if (bearerToken(authorization) !== token) throw unauthorized()
  return true
}

export function requireAuth(call: {authenticated: boolean}): void {
  if (!call.authenticated) throw unauthorized()
}
