// Edits made in the Presentation tool reach the backend as they are typed. The Studio commits
// a document's edits at most once a second, so the draft preview beside the form, which
// renders what the backend holds, would lag up to a second behind; there it commits sooner.
import {createElement, Fragment, useEffect, useRef, useState} from 'react'
import {
  getPublishedId,
  useDocumentOperation,
  usePerspective,
  type DocumentActionComponent,
  type InputProps,
} from 'sanity'
import {usePresentationParams} from 'sanity/presentation'
import {BatchedTextInput, isPlainText} from './presentationTyping.ts'

/** The least time between two commits of one document while presenting. */
export const PRESENTATION_COMMIT_MS = 250

/**
 * How long after a document's last edit its commits may still start: ours come within
 * PRESENTATION_COMMIT_MS, and the Studio's own within a second (it commits at most once a
 * second, the last edits of a burst a second after the first), with room to spare.
 */
export const COMMITS_SETTLE_MS = 1_000 + PRESENTATION_COMMIT_MS

/** When each document (by published id) was last edited while presenting. */
const lastEdits = new Map<string, number>()

/** Commits soon after each change of `value`, the form's value, which changes with every edit as it is made. */
function useCommitsWhilePresenting(id: string, type: string, value: unknown): void {
  const presenting = usePresentationParams(false) !== null
  const {selectedReleaseId} = usePerspective()
  const {commit} = useDocumentOperation(id, type, selectedReleaseId)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const lastCommit = useRef(0)
  const latestCommit = useRef(commit)
  latestCommit.current = commit

  useEffect(() => {
    if (!presenting) return
    lastEdits.set(id, Date.now())
    if (timer.current !== undefined) return
    // One commit takes every edit made before it, so edits meanwhile wait for the next.
    const wait = Math.max(0, lastCommit.current + PRESENTATION_COMMIT_MS - Date.now())
    timer.current = setTimeout(() => {
      timer.current = undefined
      lastCommit.current = Date.now()
      latestCommit.current.execute()
    }, wait)
  }, [id, presenting, value])
  useEffect(() => () => clearTimeout(timer.current), [])
}

function PresentationCommits(props: {id: string; type: string; value: unknown}) {
  useCommitsWhilePresenting(props.id, props.type, props.value)
  return null
}

/** The form's root input with the commits above, plain-text fields typed in batches (presentationTyping.ts), every other input as it is. */
export function formInput(props: InputProps) {
  if (isPlainText(props)) return createElement(BatchedTextInput, props)
  const value = props.value as {_id?: unknown} | undefined
  if (props.path.length > 0 || typeof value?._id !== 'string') return props.renderDefault(props)
  return createElement(
    Fragment,
    null,
    createElement(PresentationCommits, {id: getPublishedId(value._id), type: props.schemaType.name, value}),
    props.renderDefault(props),
  )
}

/** The document actions that wait for the document's commits before they run (as the Studio's own operations do). */
const WAITS_FOR_COMMITS = new Set(['publish', 'unpublish', 'discardChanges', 'delete'])

/**
 * The Studio runs one operation at a time for a document, and a commit that starts while
 * a publish (or unpublish, discard, delete) waits for its reply cancels it, silently. Its
 * Publish waits while edits are unsaved, but while presenting they are saved sooner than
 * its own commit timer runs, so that timer could still fire after the publish. There,
 * these actions wait until the document's last edit is COMMITS_SETTLE_MS past.
 */
export function afterCommits(Action: DocumentActionComponent): DocumentActionComponent {
  if (!Action.action || !WAITS_FOR_COMMITS.has(Action.action)) return Action
  // The same component for the same action on every call: the Studio keeps an action's state by its identity.
  const known = waiting.get(Action)
  if (known) return known
  const AfterCommits: DocumentActionComponent = (props) => {
    const action = Action(props)
    const presenting = usePresentationParams(false) !== null
    const [held, setHeld] = useState(false)
    const latest = useRef(action?.onHandle)
    latest.current = action?.onHandle
    if (!presenting || !action?.onHandle) return action
    const id = getPublishedId(props.id)
    const run = () => {
      // Checked after a turn of the event loop, so an edit made by this very click (a field
      // handing over its last keys as it loses focus) has been noted.
      const wait = (lastEdits.get(id) ?? 0) + COMMITS_SETTLE_MS - Date.now()
      if (wait > 0) {
        setTimeout(run, wait)
        return
      }
      setHeld(false)
      latest.current?.()
    }
    return {
      ...action,
      disabled: held || action.disabled === true,
      title: held ? 'Waiting for the last edits to be saved' : action.title,
      onHandle: () => {
        setHeld(true)
        setTimeout(run, 0)
      },
    }
  }
  AfterCommits.action = Action.action
  AfterCommits.displayName = `AfterCommits(${Action.displayName ?? Action.action})`
  waiting.set(Action, AfterCommits)
  return AfterCommits
}

const waiting = new WeakMap<DocumentActionComponent, DocumentActionComponent>()
