/*
 * Turns the search page's plain form into search-as-you-ask with Pagefind, with a choice of
 * kind and topic. Without this script the form reloads the page, which lists everything on the
 * site; nothing depends on it.
 */

interface PagefindResult {
  url: string
  excerpt: string
  meta: {title?: string}
}
interface Pagefind {
  search: (
    query: string | null,
    options?: {filters?: Record<string, string>},
  ) => Promise<{results: Array<{data: () => Promise<PagefindResult>}>}>
}

// Written beside the pages by the search-index integration; loaded on the first search.
const PAGEFIND_URL = '/pagefind/pagefind.js'
let pagefind: Promise<Pagefind> | undefined
const loadPagefind = () => (pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>)

/** Site paths as the pages link to them: `/about-us/faqs/`, not `/about-us/faqs/index.html`. */
const sitePath = (url: string) => url.replace(/(^|\/)index\.html$/, '$1') || '/'

/** The filters' selects, named as the index's filters, and how the status line names a choice. */
const FILTERS = [
  {name: 'kind', describe: (label: string) => `in ${label}`},
  {name: 'topic', describe: (label: string) => `on ${label}`},
] as const

export function enhanceSearch(root: HTMLElement): void {
  const form = root.querySelector('form')
  const input = root.querySelector('input')
  const filters = root.querySelector<HTMLFieldSetElement>('[data-search-filters]')
  const status = root.querySelector('[data-search-status]')
  const results = root.querySelector<HTMLOListElement>('[data-search-results]')
  const fallback = root.querySelector<HTMLElement>('[data-search-fallback]')
  if (!form || !input || !filters || !status || !results || !fallback) return
  root.querySelector('[data-search-no-script]')?.remove()
  const selects = FILTERS.map((filter) => ({
    ...filter,
    select: filters.querySelector<HTMLSelectElement>(`[name="${filter.name}"]`),
  }))

  /** The chosen filters, as Pagefind takes them and as the status describes them. */
  const chosen = () =>
    selects.flatMap(({name, describe, select}) =>
      select?.value
        ? [{name, value: select.value, said: describe(select.selectedOptions[0]?.text ?? select.value)}]
        : [],
    )

  // Each search is numbered, so one that was overtaken (the filters changed again) shows nothing.
  let latest = 0
  const search = async () => {
    const mine = ++latest
    const term = input.value.trim()
    const picked = chosen()
    const searching = Boolean(term) || picked.length > 0
    results.hidden = !searching
    fallback.hidden = searching
    if (!searching) {
      status.textContent = ''
      return
    }
    status.textContent = 'Searching…'
    const found = await (
      await loadPagefind()
    ).search(term || null, {filters: Object.fromEntries(picked.map(({name, value}) => [name, value]))})
    const data = await Promise.all(found.results.slice(0, 20).map((result) => result.data()))
    if (mine !== latest) return
    results.replaceChildren(
      ...data.map((item) => {
        const li = document.createElement('li')
        const link = document.createElement('a')
        link.href = sitePath(item.url)
        link.textContent = item.meta.title ?? item.url
        const excerpt = document.createElement('p')
        // Pagefind's excerpt is our own page text, already escaped, with <mark> around matches.
        excerpt.innerHTML = item.excerpt
        li.append(link, excerpt)
        return li
      }),
    )
    const what = [term ? `for “${term}”` : '', ...picked.map(({said}) => said)].filter(Boolean).join(' ')
    status.textContent = `${data.length} ${data.length === 1 ? 'result' : 'results'} ${what}`
  }

  // If the index cannot load, say so and show the lists to browse instead.
  const searchOrFallBack = () =>
    search().catch((error: unknown) => {
      console.error('search failed:', error)
      results.hidden = true
      fallback.hidden = false
      status.textContent = 'Search is not available right now. Browse the site with the lists below.'
    })

  // The address keeps the search, so it can be reloaded, shared or gone back to.
  const remember = () => {
    const url = new URL(window.location.href)
    url.searchParams.set('q', input.value)
    for (const {name, select} of selects) {
      if (select?.value) url.searchParams.set(name, select.value)
      else url.searchParams.delete(name)
    }
    window.history.replaceState(null, '', url)
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    remember()
    void searchOrFallBack()
  })
  // A new choice of filter searches at once; the words wait for Enter or the button.
  filters.addEventListener('change', () => {
    remember()
    void searchOrFallBack()
  })

  // The address's words, if it has any; otherwise keep what a quick visitor typed before this ran.
  const params = new URLSearchParams(window.location.search)
  const words = params.get('q')
  if (words !== null) input.value = words
  for (const {name, select} of selects) if (select) select.value = params.get(name) ?? ''
  filters.disabled = false
  filters.hidden = false
  void searchOrFallBack()
}
