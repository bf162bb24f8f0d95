// Typing into a plain-text field while presenting. Sanity's form works out the whole document
// again on every keystroke; with the preview beside it, a fast typist (50 keys a second) outruns
// it, and the preview falls seconds behind. Here the field shows each key at once and hands the
// form what was typed in batches, as the rich-text editor does, and everything at once when the
// field loses focus or a shortcut such as Publish is pressed, so no keystroke is left behind.
import {useCallback, useEffect, useRef, useState, type FocusEvent, type ChangeEvent, type KeyboardEvent} from 'react'
import {set, unset, type InputProps, type SchemaType, type StringInputProps} from 'sanity'
import {usePresentationParams} from 'sanity/presentation'

/** The longest a keystroke waits before the form gets it: at most one hand-over this often. */
export const TYPING_BATCH_MS = 150

/** A one-line or multi-line text field (`string` or `text`), not a list of options to choose from. */
export function isPlainText(props: InputProps): props is StringInputProps {
  const {schemaType} = props
  if (schemaType.jsonType !== 'string' || (schemaType.options as {list?: unknown} | undefined)?.list) return false
  let root: SchemaType = schemaType
  while (root.type) root = root.type
  return root.name === 'string' || root.name === 'text'
}

type Field = HTMLInputElement | HTMLTextAreaElement

export function BatchedTextInput(props: StringInputProps) {
  const presenting = usePresentationParams(false) !== null
  const {onChange, value, elementProps} = props
  // What the field shows while the form has not caught up with it.
  const [typed, setTyped] = useState<string | undefined>(undefined)
  const pending = useRef<string | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const lastFlush = useRef(0)
  const latestOnChange = useRef(onChange)
  latestOnChange.current = onChange

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = undefined
    const text = pending.current
    if (text === undefined) return
    pending.current = undefined
    lastFlush.current = Date.now()
    latestOnChange.current(text === '' ? unset() : set(text))
  }, [])
  // Once nothing typed is waiting, the field shows the form's value: its own text, or another editor's.
  useEffect(() => {
    if (pending.current === undefined) setTyped(undefined)
  }, [value])
  // Leaving the document hands over what is left.
  useEffect(() => flush, [flush])

  if (!presenting) return props.renderDefault(props)
  return props.renderDefault({
    ...props,
    elementProps: {
      ...elementProps,
      value: typed ?? elementProps.value,
      onChange: (event: ChangeEvent<Field>) => {
        pending.current = event.currentTarget.value
        setTyped(event.currentTarget.value)
        // A key after a pause goes at once; keys that follow it wait for the batch.
        if (timer.current !== undefined) return
        const wait = lastFlush.current + TYPING_BATCH_MS - Date.now()
        if (wait <= 0) flush()
        else timer.current = setTimeout(flush, wait)
      },
      onBlur: (event: FocusEvent<Field>) => {
        flush()
        elementProps.onBlur(event)
      },
      onKeyDown: (event: KeyboardEvent<Field>) => {
        if (event.ctrlKey || event.metaKey || event.altKey) flush()
      },
    },
  } as StringInputProps)
}
