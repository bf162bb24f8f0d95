/** A page's address is its slug under its parent's address; the home page is `/`. */
export interface PageNode {
  _id: string
  slug: string | null
  parentId: string | null
}

/** Resolves every page's path, or reports the pages whose parent chain is broken. */
export function resolvePagePaths(pages: PageNode[], homePageId: string | null | undefined) {
  const byId = new Map(pages.map((page) => [page._id, page]))
  const paths = new Map<string, string>()
  const problems: Array<{id: string; message: string}> = []

  for (const page of pages) {
    if (page._id === homePageId) {
      paths.set(page._id, '/')
      continue
    }
    const slugs: string[] = []
    const seen = new Set<string>()
    let current: PageNode | undefined = page
    while (current) {
      if (seen.has(current._id)) {
        problems.push({id: page._id, message: 'its parent pages form a loop'})
        break
      }
      seen.add(current._id)
      slugs.unshift(current.slug ?? '')
      // Children of the home page sit at the top level, not under /home.
      if (!current.parentId || current.parentId === homePageId) break
      const parent = byId.get(current.parentId)
      if (!parent) {
        problems.push({
          id: current._id,
          message: `its parent page ${current.parentId} does not exist or is not published`,
        })
        break
      }
      current = parent
    }
    paths.set(page._id, `/${slugs.join('/')}`)
  }
  return {paths, problems}
}
