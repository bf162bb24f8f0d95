/** `items` cut into pages of `perPage`, in order; a list with nothing in it is one empty page. */
export function inPages<T>(items: readonly T[], perPage: number): T[][] {
  const pages: T[][] = []
  for (let start = 0; start < items.length; start += perPage) pages.push(items.slice(start, start + perPage))
  return pages.length > 0 ? pages : [[]]
}
