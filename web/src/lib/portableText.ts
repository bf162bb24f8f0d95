import {
  escapeHTML,
  toHTML,
  type PortableTextHtmlComponents,
  type PortableTextMarkComponent,
} from '@portabletext/to-html'
import {servedPath} from '@itss/schemas/paths'
import {isAllowedHref} from '@itss/schemas/rules'
import type {RichText} from '../sanity.types.ts'

/** An annotation on formatted text (a link or a page link), as the schema defines it. */
type MarkDef = NonNullable<RichText[number]['markDefs']>[number]

/**
 * Renders formatted text to HTML. Links with a scheme other than http, https, mailto or tel
 * lose their link and keep their words; anything the site does not know how to render is an
 * error, because hidden markup is worse than a failed build (checkContent reports it first).
 */
export function renderRichText(blocks: unknown, resolvePage: (id: string) => string | undefined): string {
  if (!Array.isArray(blocks) || blocks.length === 0) return ''
  const components: Partial<PortableTextHtmlComponents> = {
    marks: {
      link: (({value, children}) => {
        const href = typeof value?.href === 'string' ? value.href : ''
        // A path on this site typed by an editor (`/about-us`) links to the served form (`/about-us/`).
        return isAllowedHref(href) ? `<a href="${escapeHTML(servedPath(href))}">${children}</a>` : children
      }) satisfies PortableTextMarkComponent<Extract<MarkDef, {_type: 'link'}>>,
      internalLink: (({value, children}) => {
        const ref = value?.page?._ref
        const path = ref === undefined ? undefined : resolvePage(ref)
        if (!path) throw new Error(`A link points at page ${String(ref)}, which is not on the site`)
        return `<a href="${escapeHTML(path)}">${children}</a>`
      }) satisfies PortableTextMarkComponent<Extract<MarkDef, {_type: 'internalLink'}>>,
    },
    unknownType: ({value}) => {
      throw new Error(`Cannot render text block of type “${value._type}”`)
    },
    unknownMark: ({markType}) => {
      throw new Error(`Cannot render text mark “${markType}”`)
    },
    unknownBlockStyle: ({value}) => {
      throw new Error(`Cannot render text style “${value.style}”`)
    },
  }
  return toHTML(blocks, {components})
}
