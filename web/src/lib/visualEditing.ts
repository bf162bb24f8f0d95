import {createDataAttribute} from '@sanity/visual-editing/create-data-attribute'
import type {Content} from './content.ts'

/** The document a rendered field comes from: its published id and its type. */
export interface SourceDocument {
  _id: string
  _type: string
}

/**
 * The `data-sanity` attribute that lets the Studio's Presentation tool outline a rendered
 * field and open it on a click: spread it on the element that shows the field. In a
 * production build, and outside the draft preview, there are no attributes at all.
 */
export function editable(content: Content, document: SourceDocument, path: string): Record<string, string> {
  if (import.meta.env.PROD || !content.isDraftPreview) return {}
  return {'data-sanity': createDataAttribute({id: document._id, type: document._type, path}).toString()}
}

/** `data-sanity` attributes for a field under one place in a document, by its path from there. */
export type Edit = (path: string) => Record<string, string>

/** Attributes for the fields of one section of a page's body, by their path inside the section. */
export function sectionEditor(content: Content, page: SourceDocument, sectionKey: string): Edit {
  return (path) => editable(content, page, `body[_key=="${sectionKey}"].${path}`)
}
