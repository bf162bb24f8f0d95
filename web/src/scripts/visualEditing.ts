// Loaded by the draft preview only (BaseLayout, in the dev server): connects the page to the
// Studio's Presentation tool when it is framed there, for the outlines on `data-sanity`
// elements and for following the editor's navigation both ways. Outside the tool it does nothing.
import {enableVisualEditing} from '@sanity/visual-editing'

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
  // The tool's reload button reloads the page; changes as the editor types are not followed yet.
  refresh: (payload) => {
    if (payload.source !== 'manual') return false
    location.reload()
    return new Promise(() => undefined)
  },
})
