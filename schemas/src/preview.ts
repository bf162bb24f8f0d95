import type {PreviewValue} from 'sanity'

/**
 * A Studio preview from a title and subtitle that a `select` may leave unset. An unset one is
 * left out rather than given as undefined (PreviewValue's keys are optional, not undefined), so
 * the Studio shows it as it shows any missing value: “Untitled”, or no subtitle.
 */
export function previewValue(title: string | undefined, subtitle?: string): PreviewValue {
  return {...(title === undefined ? {} : {title}), ...(subtitle === undefined ? {} : {subtitle})}
}
