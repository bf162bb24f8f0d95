import {useEffect, useState, type FormEvent} from 'react'

export interface SearchablePage {
  title: string
  path: string
  summary: string
}

interface Result {
  path: string
  title: string
  excerpt: string
}

interface Pagefind {
  search: (query: string) => Promise<{results: Array<{data: () => Promise<PagefindData>}>}>
}
interface PagefindData {
  url: string
  excerpt: string
  meta: {title?: string}
}

// Served beside the pages by the search-index integration; loaded only when someone searches.
const PAGEFIND_URL = '/pagefind/pagefind.js'
let pagefind: Promise<Pagefind> | undefined
const loadPagefind = () => (pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>)

/**
 * The search form and its results. Without JavaScript the form reloads this page, which
 * lists every page; with it, Pagefind's index answers in place.
 */
export default function SiteSearch({pages}: {pages: SearchablePage[]}) {
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<Result[] | null>(null)
  const [status, setStatus] = useState('')

  async function search(term: string) {
    const trimmed = term.trim()
    if (!trimmed) {
      setResults(null)
      setStatus('')
      return
    }
    setStatus('Searching…')
    const found = await (await loadPagefind()).search(trimmed)
    const data = await Promise.all(found.results.slice(0, 20).map((result) => result.data()))
    const next = data.map((item) => ({
      path: item.url.replace(/\.html$/, '').replace(/\/index$/, '/') || '/',
      title: item.meta.title ?? item.url,
      excerpt: item.excerpt,
    }))
    setResults(next)
    setStatus(`${next.length} ${next.length === 1 ? 'result' : 'results'} for “${trimmed}”`)
  }

  useEffect(() => {
    const initial = new URLSearchParams(window.location.search).get('q') ?? ''
    setQuery(initial)
    void search(initial)
  }, [])

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const url = new URL(window.location.href)
    url.searchParams.set('q', query)
    window.history.replaceState(null, '', url)
    void search(query)
  }

  return (
    <div className="search">
      <form role="search" action="/search" method="get" onSubmit={onSubmit} className="search__form">
        <label htmlFor="search-input">Search this site</label>
        <div className="search__row">
          <input
            id="search-input"
            type="search"
            name="q"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
      <p role="status" className="search__status">
        {status}
      </p>
      {results ? (
        <ol className="search__results">
          {results.map((result) => (
            <li key={result.path}>
              <a href={result.path}>{result.title}</a>
              {/* Pagefind's excerpt: our own page text, escaped, with <mark> around matches. */}
              <p dangerouslySetInnerHTML={{__html: result.excerpt}} />
            </li>
          ))}
        </ol>
      ) : (
        <>
          <h2>All pages</h2>
          <ul className="search__results">
            {pages.map((page) => (
              <li key={page.path}>
                <a href={page.path}>{page.title}</a>
                <p>{page.summary}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
