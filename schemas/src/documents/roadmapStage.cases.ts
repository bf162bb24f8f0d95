import {linkedText, set, unset, type ValidationCases} from '../validationCases.ts'

export const cases: ValidationCases = {
  roadmapStage: {
    valid: {
      _id: 'stage-valid',
      _type: 'roadmapStage',
      stage: 1,
      title: 'Map the landscape',
      summary: 'Find the data.',
      outcomes: ['A map'],
    },
    broken: [
      {rule: 'stage is required', field: 'stage', change: unset('stage')},
      {rule: 'stage counts from 1', field: 'stage', change: set({stage: 0})},
      {rule: 'title is required', field: 'title', change: unset('title')},
      {rule: 'summary is required', field: 'summary', change: unset('summary')},
      {
        rule: 'detail links use safe schemes',
        field: 'body',
        build: 'body[0].markDefs[0].href',
        change: set({body: [linkedText('data:text/html,hi')]}),
      },
    ],
  },
}
