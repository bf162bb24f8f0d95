import type {Content} from './content.ts'

/*
 * In a build, Astro's integrations and the pages run in one process but load their own copies
 * of these modules (the config's and the bundle's), so they meet on a global: the pages say
 * when the site's content is loaded, and an integration (the search index) starts from it
 * while the pages are still rendering.
 */

const LISTENERS = Symbol.for('itss.buildContentListeners')

type Listener = (content: Content) => void
const listeners = (): Set<Listener> => {
  const global = globalThis as Record<symbol, Set<Listener> | undefined>
  return (global[LISTENERS] ??= new Set())
}

/** Calls `listener` with the build's content once the pages have loaded it; returns how to stop listening. */
export function onBuildContent(listener: Listener): () => void {
  listeners().add(listener)
  return () => listeners().delete(listener)
}

/** Tells whoever listens that the build's content is loaded and checked. */
export function announceBuildContent(content: Content): void {
  for (const listener of listeners()) listener(content)
}
