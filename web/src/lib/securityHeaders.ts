/**
 * The site's security policy. Astro writes it into each page as a meta tag, with hashes of
 * the few inline scripts it emits itself (island bootstrapping on the search page); the
 * `_headers` file repeats it as HTTP headers for hosts that read one, where frame-ancestors
 * (ignored in meta tags) also applies. No 'unsafe-inline' anywhere.
 */

/** Directives other than script-src and style-src, which Astro manages with hashes. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const

// WebAssembly (not JavaScript eval) for Pagefind's search index.
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const
export const STYLE_SOURCES = ["'self'"] as const

const OTHER_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/**
 * Merges the per-page policies Astro wrote (they differ only in script and style hashes)
 * into one header policy for every path, and adds what a meta tag cannot say.
 */
export function headersFile(pagePolicies: string[]): string {
  const sources = new Map<string, Set<string>>()
  for (const policy of pagePolicies) {
    for (const directive of policy.split(';')) {
      const [name, ...values] = directive.trim().split(/\s+/)
      if (!name) continue
      const set = sources.get(name) ?? new Set<string>()
      for (const value of values) set.add(value)
      sources.set(name, set)
    }
  }
  sources.set('frame-ancestors', new Set(["'none'"]))
  const csp = [...sources].map(([name, values]) => [name, ...values].join(' ')).join('; ')
  const headers = {'Content-Security-Policy': csp, ...OTHER_HEADERS}
  return `/*\n${Object.entries(headers)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`
}
