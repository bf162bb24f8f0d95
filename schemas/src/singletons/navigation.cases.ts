import {ref, set, type ValidationCases} from '../validationCases.ts'

const entry = (link: Record<string, unknown>) => ({_type: 'navItem', _key: 'n1', link: {_type: 'link', ...link}})

export const cases: ValidationCases = {
  navigation: {
    valid: {
      _id: 'navigation',
      _type: 'navigation',
      main: [
        entry({label: 'About us', page: ref('page-other')}),
        {...entry({label: 'News', section: 'news'}), _key: 'n2'},
      ],
    },
    broken: [
      {rule: 'the menu has entries', field: 'main', change: set({main: []})},
      {rule: 'menu entries have a label', field: 'main', change: set({main: [entry({page: ref('page-other')})]})},
      {
        rule: 'menu entries link to a page or an address',
        field: 'main',
        build: 'main[0].link',
        change: set({main: [entry({label: 'Nowhere'})]}),
      },
      {
        rule: 'menu sections are ones the site has',
        field: 'main',
        build: 'main[0].link.section',
        change: set({main: [entry({label: 'Blog', section: 'blog'})]}),
      },
      {
        rule: 'menu links use safe schemes',
        field: 'main',
        build: 'main[0].link.href',
        change: set({main: [entry({label: 'Home', href: 'javascript:alert(1)'})]}),
      },
    ],
  },
}
