// Edits made in the Presentation tool reach the backend as they are typed. The Studio commits
// a document's edits at most once a second, so the draft preview beside the form, which
// renders what the backend holds, would lag up to a second behind; there it commits sooner.
import {createElement, Fragment, useEffect, useRef} from 'react'
import {getPublishedId, useDocumentOperation, usePerspective, type InputProps} from 'sanity'
import {usePresentationParams} from 'sanity/presentation'
import {BatchedTextInput, isPlainText} from './presentationTyping.ts'

/** The least time between two commits of one document while presenting. */
export const PRESENTATION_COMMIT_MS = 250

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
    if (!presenting || timer.current !== undefined) return
    // One commit takes every edit made before it, so edits meanwhile wait for the next.
    const wait = Math.max(0, lastCommit.current + PRESENTATION_COMMIT_MS - Date.now())
    timer.current = setTimeout(() => {
      timer.current = undefined
      lastCommit.current = Date.now()
      latestCommit.current.execute()
    }, wait)
  }, [presenting, value])
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
