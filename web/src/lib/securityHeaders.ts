/**
 * The site's security policy, sent as HTTP headers by hosts that read `_headers` and repeated
 * as a meta tag for hosts that cannot send headers. No inline scripts are allowed: the only
 * inline script elements are JSON-LD data blocks, which browsers never execute.
 */
const policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
}

const serialise = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')

/** For the meta tag: frame-ancestors is ignored there, so it lives only in the header. */
export const CONTENT_SECURITY_POLICY = serialise(policy)

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': serialise({...policy, 'frame-ancestors': ["'none'"]}),
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/** The `_headers` file Netlify and Cloudflare Pages read: these headers on every path. */
export function headersFile(): string {
  return `/*\n${Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`
}
