import {set, unset, type ValidationCases} from '../validationCases.ts'

export const cases: ValidationCases = {
  topic: {
    valid: {
      _id: 'topic-valid',
      _type: 'topic',
      title: 'Technical careers',
      slug: {_type: 'slug', current: 'technical-careers-test'},
      description: 'How technical staff build their careers.',
    },
    broken: [
      {rule: 'title is required', field: 'title', change: unset('title')},
      {rule: 'title is short', field: 'title', change: set({title: 'x'.repeat(61)})},
      {rule: 'slug is required', field: 'slug', build: true, change: unset('slug')},
      {
        rule: 'slug has no spaces',
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'technical careers'}}),
      },
      {
        rule: 'slug has no capitals',
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'Technical-Careers'}}),
      },
      {
        // A fixture topic has it; the build names the topic whose title sorts later.
        rule: 'slug is unique',
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'other-topic'}}),
      },
      {rule: 'description is required', field: 'description', change: unset('description')},
      {rule: 'description is short', field: 'description', change: set({description: 'x'.repeat(301)})},
    ],
  },
}
