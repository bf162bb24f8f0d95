// CORS for the Studio, which runs on another localhost port (or https://<project>.localhost).
import type {LakeRequest} from './request.ts'
import type {LakeResponse} from './response.ts'

/** A name of this machine (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`), as a URL's hostname gives it. */
export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]'
}

function isLocalOrigin(origin: string): boolean {
  try {
    return isLoopbackHostname(new URL(origin).hostname)
  } catch {
    return false
  }
}

/** Allows local origins, with credentials. Returns true for a preflight, which it has answered. */
export function applyCors(req: LakeRequest, res: LakeResponse): boolean {
  const origin = req.headers.origin
  if (!origin || !isLocalOrigin(origin)) return false
  res.setHeader('Access-Control-Allow-Origin', origin)
  res.setHeader('Access-Control-Allow-Credentials', 'true')
  res.setHeader('Vary', 'Origin')
  if (req.method !== 'OPTIONS') return false
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS')
  res.setHeader(
    'Access-Control-Allow-Headers',
    req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
  )
  res.setHeader('Access-Control-Max-Age', '600')
  res.statusCode = 204
  res.end()
  return true
}
