import {escapeHTML, toHTML, type PortableTextHtmlComponents} from '@portabletext/to-html'
import {isAllowedHref} from '@itss/schemas/rules'

/**
 * Renders formatted text to HTML. Links with a scheme other than http, https, mailto or tel
 * lose their link and keep their words; anything the site does not know how to render is an
 * error, because hidden markup is worse than a failed build (checkContent reports it first).
 */
export function renderRichText(blocks: unknown, resolvePage: (id: string) => string | undefined): string {
  if (!Array.isArray(blocks) || blocks.length === 0) return ''
  const components: Partial<PortableTextHtmlComponents> = {
    marks: {
      link: ({value, children}) => {
        const href = typeof value?.href === 'string' ? value.href : ''
        return isAllowedHref(href) ? `<a href="${escapeHTML(href)}">${children}</a>` : children
      },
      internalLink: ({value, children}) => {
        const path = resolvePage(value?.page?._ref)
        if (!path) throw new Error(`A link points at page ${value?.page?._ref}, which is not on the site`)
        return `<a href="${escapeHTML(path)}">${children}</a>`
      },
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
