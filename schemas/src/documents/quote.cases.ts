import {unset, type ValidationCases} from '../validationCases.ts'

export const cases: ValidationCases = {
  quote: {
    valid: {
      _id: 'quote-valid',
      _type: 'quote',
      text: 'We make it work.',
      attribution: 'A technician',
      placeholder: false,
    },
    broken: [
      {rule: 'text is required', field: 'text', change: unset('text')},
      {rule: 'attribution is required', field: 'attribution', change: unset('attribution')},
    ],
  },
}
