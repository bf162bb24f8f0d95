import {decodeHTML} from 'entities'

/**
 * Content rules shared by the Studio's validation and the site's build-time checks,
 * so an editor and the build refuse the same things for the same reasons.
 */

/** Lowercase words joined by single hyphens: `about-us`, `faqs`, `talent-programme`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const ALLOWED_LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const

/**
 * The scheme a browser would see for an href, or null for a relative URL. Character
 * references are decoded (`&#106;avascript:` is `javascript:` once in an attribute), and
 * browsers drop ASCII whitespace and control characters anywhere in a scheme and ignore
 * case, so `" JaVa\tScript:"` is still `javascript:`.
 */
export function hrefScheme(href: string): string | null {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const squeezed = decodeHTML(href).replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)
  return match?.[1] ? match[1].toLowerCase() : null
}

/** True for http, https, mailto and tel links, and for relative paths and fragments. */
export function isAllowedHref(href: string): boolean {
  const scheme = hrefScheme(href)
  if (scheme === null) return !href.trim().startsWith('//') && href.trim() !== ''
  return (ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme)
}

export const LINK_SCHEME_MESSAGE =
  'Links may only start with http://, https://, mailto: or tel:, or be a path on this site such as /about-us.'

export const SLUG_MESSAGE = 'Use lowercase letters, numbers and single hyphens only, for example “meet-the-team”.'

/** Validates an href value for a Sanity `rule.custom`. */
export function checkHref(value: string | undefined): true | string {
  if (value === undefined || value === '') return true
  return isAllowedHref(value) ? true : LINK_SCHEME_MESSAGE
}

/** Validates a slug value (`{current}`) for a Sanity `rule.custom`. */
export function checkSlug(value: {current?: string} | undefined): true | string {
  if (!value?.current) return true
  return SLUG_PATTERN.test(value.current) ? true : SLUG_MESSAGE
}
