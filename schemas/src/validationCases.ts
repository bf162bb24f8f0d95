/** What schemas.test.ts checks for each document type; new types add a `<type>.cases.ts`. */

export type Doc = Record<string, unknown> & {_id: string; _type: string}

export interface Case {
  /** A document that passes every rule. */
  valid: Doc
  /** Each breaks one rule; `field` is where the error must be reported. */
  broken: Array<{rule: string; field: string; change: (doc: Doc) => Doc}>
}

export type ValidationCases = Record<string, Case>
