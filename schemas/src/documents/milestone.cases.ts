import {set, unset, type ValidationCases} from '../validationCases.ts'

export const cases: ValidationCases = {
  milestone: {
    valid: {
      _id: 'milestone-valid',
      _type: 'milestone',
      date: '2023-08-01',
      precision: 'day',
      title: 'Institute established',
      summary: 'Opened.',
    },
    broken: [
      {rule: 'date is required', field: 'date', change: unset('date')},
      {rule: 'date is a date', field: 'date', change: set({date: 'August 2023'})},
      {rule: 'precision is from the list', field: 'precision', change: set({precision: 'decade'})},
      {rule: 'title is required', field: 'title', change: unset('title')},
    ],
  },
}
