import {ref, set, unset, type ValidationCases} from '../validationCases.ts'

export const cases: ValidationCases = {
  redirect: {
    valid: {
      _id: 'redirect-valid',
      _type: 'redirect',
      from: '/news/old-headline-test',
      to: ref('news-other'),
      kind: 'permanent',
    },
    broken: [
      {rule: 'from is required', field: 'from', build: true, change: unset('from')},
      {
        rule: 'from is a path on this site',
        field: 'from',
        build: true,
        change: set({from: 'https://example.org/old'}),
      },
      {rule: 'from is not a file', field: 'from', build: true, change: set({from: '/report.pdf'})},
      {
        rule: 'from is not an address the site’s lists use',
        field: 'from',
        build: true,
        change: set({from: '/news/page/2'}),
      },
      {
        // The fixture page “other” lives there.
        rule: 'from is not the address of a published page',
        field: 'from',
        build: true,
        change: set({from: '/other'}),
      },
      {
        // The fixture redirect has it, and its id sorts first: the build names the case's copy.
        rule: 'from is not already redirected',
        field: 'from',
        build: true,
        change: set({from: '/old-fixture-address/'}),
      },
      {rule: 'to or an address is required', field: 'to', build: true, change: unset('to')},
      {
        rule: 'to and an address are not both given',
        field: 'to',
        change: set({toAddress: 'https://example.org/'}),
      },
      {rule: 'to exists and is published', field: 'to', build: true, change: set({to: ref('news-gone')})},
      {
        rule: 'the address is a path or a web address',
        field: 'toAddress',
        build: true,
        change: (doc) => set({toAddress: 'javascript:alert(1)'})(unset('to')(doc)),
      },
      {rule: 'kind is required', field: 'kind', change: unset('kind')},
      {rule: 'kind is permanent or temporary', field: 'kind', build: true, change: set({kind: 'forever'})},
    ],
  },
}
