// Matches a method and a path against a table of routes, first match wins. In a path,
// `:name` takes one segment (checked against `constraints[name]` when there is one) and a
// trailing `*` takes whatever segments follow, none included.

export interface Route<H> {
  /** The methods it answers; `*` for any. */
  methods: readonly string[] | '*'
  path: string
  handler: H
}

export interface RouteMatch<H> {
  handler: H
  /** The `:name` segments, as they appear in the path (still percent-encoded). */
  params: ReadonlyMap<string, string>
  /** The segments a trailing `*` took. */
  rest: readonly string[]
}

type Segment = {literal: string} | {param: string}

interface Compiled<H> {
  route: Route<H>
  segments: Segment[]
  wildcard: boolean
}

export class Router<H> {
  #routes: Compiled<H>[]
  #constraints: Readonly<Record<string, RegExp>>

  constructor(routes: readonly Route<H>[], constraints: Readonly<Record<string, RegExp>> = {}) {
    this.#constraints = constraints
    this.#routes = routes.map((route) => {
      const parts = route.path.split('/').filter(Boolean)
      const wildcard = parts.at(-1) === '*'
      if (wildcard) parts.pop()
      if (parts.includes('*')) throw new Error(`Route ${route.path}: \`*\` can only come last`)
      const segments = parts.map((part): Segment => (part.startsWith(':') ? {param: part.slice(1)} : {literal: part}))
      return {route, segments, wildcard}
    })
  }

  /** The first route that answers `method` at the path made of `segments`. */
  match(method: string, segments: readonly string[]): RouteMatch<H> | undefined {
    for (const {route, segments: pattern, wildcard} of this.#routes) {
      if (route.methods !== '*' && !route.methods.includes(method)) continue
      if (wildcard ? segments.length < pattern.length : segments.length !== pattern.length) continue
      const params = this.#params(pattern, segments)
      if (params) return {handler: route.handler, params, rest: segments.slice(pattern.length)}
    }
    return undefined
  }

  #params(pattern: readonly Segment[], segments: readonly string[]): Map<string, string> | undefined {
    const params = new Map<string, string>()
    for (const [i, part] of pattern.entries()) {
      const segment = segments[i]
      if (segment === undefined) return undefined
      if ('literal' in part) {
        if (segment !== part.literal) return undefined
      } else {
        if (this.#constraints[part.param]?.test(segment) === false) return undefined
        params.set(part.param, segment)
      }
    }
    return params
  }
}
