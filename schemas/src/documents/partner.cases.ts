import {image, set, unset, type ValidationCases} from '../validationCases.ts'

export const cases: ValidationCases = {
  partner: {
    valid: {
      _id: 'partner-valid',
      _type: 'partner',
      name: 'Research England',
      kind: 'funder',
      description: 'Funds the Institute.',
      url: 'https://www.ukri.org/',
      order: 1,
      logo: {...image, alt: '', decorative: true},
    },
    broken: [
      {rule: 'name is required', field: 'name', change: unset('name')},
      {rule: 'kind is from the list', field: 'kind', change: set({kind: 'rival'})},
      {rule: 'description is required', field: 'description', change: unset('description')},
      {rule: 'url uses a safe scheme', field: 'url', build: true, change: set({url: 'vbscript:msgbox(1)'})},
      {
        rule: 'logo has alt text or is decorative',
        field: 'logo',
        build: 'logo.alt',
        change: set({logo: {...image, alt: undefined}}),
      },
    ],
  },
}
