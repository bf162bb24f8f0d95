// The draft preview's live updates, shared by the dev server (src/integrations/previewChanges.ts)
// and the page's script (src/scripts/visualEditing.ts).

/** Where the draft preview tells its pages that content changed, as server-sent `change` events. */
export const PREVIEW_CHANGES_PATH = '/preview-mode/changes'

/**
 * Runs `task` on request, never two at once: requests made while a run is under way start one
 * more run after it, however many came meanwhile, so the last state is always fetched last.
 * The promise a request returns settles once a run that began after the request has ended.
 * A failed run is reported to `onError` and does not stop later ones.
 */
export function latestOnly(task: () => Promise<void>, onError: (error: unknown) => void = () => undefined) {
  let current: Promise<void> | undefined
  let queued: Promise<void> | undefined
  const start = (): Promise<void> => {
    const run: Promise<void> = task()
      .catch(onError)
      .then(() => {
        if (current === run) current = undefined
      })
    current = run
    return run
  }
  return (): Promise<void> => {
    if (!current && !queued) return start()
    queued ??= (current ?? Promise.resolve()).then(() => {
      queued = undefined
      return start()
    })
    return queued
  }
}
