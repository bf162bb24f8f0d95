/*
 * Turns the search page's plain form into search-as-you-ask with Pagefind. Without this
 * script the form reloads the page, which lists every page; nothing depends on it.
 */

interface PagefindResult {
  url: string
  excerpt: string
  meta: {title?: string}
}
interface Pagefind {
  search: (query: string) => Promise<{results: Array<{data: () => Promise<PagefindResult>}>}>
}

// Written beside the pages by the search-index integration; loaded on the first search.
const PAGEFIND_URL = '/pagefind/pagefind.js'
let pagefind: Promise<Pagefind> | undefined
const loadPagefind = () => (pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>)

/** Site paths as the pages link to them: `/about-us/faqs/`, not `/about-us/faqs/index.html`. */
const sitePath = (url: string) => url.replace(/(^|\/)index\.html$/, '$1') || '/'

export function enhanceSearch(root: HTMLElement): void {
  const form = root.querySelector('form')
  const input = root.querySelector('input')
  const status = root.querySelector('[data-search-status]')
  const results = root.querySelector<HTMLOListElement>('[data-search-results]')
  const fallback = root.querySelector<HTMLElement>('[data-search-fallback]')
  if (!form || !input || !status || !results || !fallback) return

  const search = async (query: string) => {
    const term = query.trim()
    results.hidden = !term
    fallback.hidden = Boolean(term)
    if (!term) {
      status.textContent = ''
      return
    }
    status.textContent = 'Searching…'
    const found = await (await loadPagefind()).search(term)
    const data = await Promise.all(found.results.slice(0, 20).map((result) => result.data()))
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
    status.textContent = `${data.length} ${data.length === 1 ? 'result' : 'results'} for “${term}”`
  }

  // If the index cannot load, say so and show the list of every page the form had before.
  const searchOrFallBack = (query: string) =>
    search(query).catch((error: unknown) => {
      console.error('search failed:', error)
      results.hidden = true
      fallback.hidden = false
      status.textContent = 'Search is not available right now. Every page is listed below.'
    })

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const url = new URL(window.location.href)
    url.searchParams.set('q', input.value)
    window.history.replaceState(null, '', url)
    void searchOrFallBack(input.value)
  })

  input.value = new URLSearchParams(window.location.search).get('q') ?? ''
  void searchOrFallBack(input.value)
}
