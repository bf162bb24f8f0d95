// Loaded by the draft preview only (BaseLayout, in the dev server): connects the page to the
// Studio's Presentation tool when it is framed there, for the outlines on `data-sanity`
// elements and for following the editor's navigation both ways. Outside the tool it does nothing.
//
// It also keeps the page live: after each edit the page is rendered again by the dev server
// and morphed in place, so scroll position, focus and open FAQ answers stay as they were.
import {enableVisualEditing} from '@sanity/visual-editing'
import {Idiomorph} from 'idiomorph'

import {latestOnly, PREVIEW_CHANGES_PATH} from '../lib/livePreview.ts'

/** Fetches this page as the dev server renders it now and morphs the body into it. */
async function rerender(): Promise<void> {
  // Same origin, so the preview's cookies (handshake session, release) go with it.
  const response = await fetch(location.href, {cache: 'no-store', headers: {Accept: 'text/html'}})
  // Content that fails the checks even as published renders an error: the last good render stays.
  if (!response.ok) return
  const next = new DOMParser().parseFromString(await response.text(), 'text/html')
  const {scrollX, scrollY} = window
  // Synchronous: the head is left alone, so nothing is waited for.
  void Idiomorph.morph(document.body, next.body, {
    morphStyle: 'innerHTML',
    restoreFocus: true,
    ignoreActiveValue: true,
    callbacks: {
      // What scripts added to the body (visual editing's overlays, for one) is not in the server's HTML.
      beforeNodeRemoved: (node) => !(node.parentNode === document.body && node.localName.includes('-')),
      // A <details> stays open or closed as the reader left it.
      beforeAttributeUpdated: (name, element) => !(name === 'open' && element instanceof HTMLDetailsElement),
    },
  })
  document.title = next.title
  window.scrollTo(scrollX, scrollY)
}

const refresh = latestOnly(rerender, (error: unknown) => {
  console.warn('Live preview: the page could not be rendered again', error)
})

// Each commit to the content backend, whoever made it. The Studio's own mutation events below
// can come before the edit is committed; this one comes after, so the page ends on the latest text.
// Only in the Presentation tool's frame: a preview in a tab of its own shows changes on reload.
const framed = window.self !== window.top
if (framed) {
  new EventSource(PREVIEW_CHANGES_PATH).addEventListener('change', () => void refresh())
}

enableVisualEditing({
  history: {
    // Every page is its own document here, so each load tells the tool where the frame now is.
    subscribe: (navigate) => {
      navigate({type: 'push', url: `${location.pathname}${location.search}`})
      return () => undefined
    },
    update: (update) => {
      if (update.type === 'pop') history.back()
      else if (update.url !== `${location.pathname}${location.search}`) location.assign(update.url)
    },
  },
  refresh: (payload) => {
    // The tool's reload button reloads the page.
    if (payload.source === 'manual') {
      location.reload()
      return new Promise(() => undefined)
    }
    // An edit in the form: render again in place, in the tool's frame. (A tab the Studio opened
    // hears of edits too, and a render in place could overlap the reader's own navigation.)
    return framed ? refresh() : false
  },
})
