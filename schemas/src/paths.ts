/**
 * Where a page lives on the site: its slug under its parent's address; the home page is `/`
 * and its children sit at the top level. The site, the Studio's Preview action and the
 * breadcrumbs all resolve addresses here.
 */
export interface PageNode {
  _id: string
  slug: string | null
  parentId: string | null
}

/** Why a page has no address. */
export type ChainProblem = {id: string; message: string}

/**
 * The pages from the top level down to `page` (included; the home page never is), or the
 * problem that breaks the chain: a loop, or a parent that does not exist.
 */
export function pageChain<P extends PageNode>(
  page: P,
  byId: ReadonlyMap<string, P>,
  homePageId: string | null | undefined,
): {chain: P[]; problem?: ChainProblem} {
  const chain: P[] = []
  for (let current: P | undefined = page; current;) {
    if (chain.includes(current)) return {chain, problem: {id: page._id, message: 'its parent pages form a loop'}}
    chain.unshift(current)
    if (!current.parentId || current.parentId === homePageId) break
    const parent = byId.get(current.parentId)
    if (!parent) {
      const message = `its parent page ${current.parentId} does not exist or is not published`
      return {chain, problem: {id: current._id, message}}
    }
    current = parent
  }
  return {chain}
}

/** Resolves every page's path, or reports the pages whose parent chain is broken. */
export function resolvePagePaths(pages: PageNode[], homePageId: string | null | undefined) {
  const byId = new Map(pages.map((page) => [page._id, page]))
  const paths = new Map<string, string>()
  const problems: ChainProblem[] = []
  for (const page of pages) {
    if (page._id === homePageId) {
      paths.set(page._id, '/')
      continue
    }
    const {chain, problem} = pageChain(page, byId, homePageId)
    if (problem) problems.push(problem)
    paths.set(page._id, `/${chain.map((node) => node.slug ?? '').join('/')}`)
  }
  return {paths, problems}
}
