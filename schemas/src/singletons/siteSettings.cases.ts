import {ref, set, unset, type ValidationCases} from '../validationCases.ts'

export const cases: ValidationCases = {
  siteSettings: {
    valid: {
      _id: 'siteSettings',
      _type: 'siteSettings',
      name: 'UK Institute for Technical Skills and Strategy',
      shortName: 'ITSS',
      description: 'The national institute for technical skills.',
      homePage: ref('page-other'),
      funderAcknowledgement: 'Funded by Research England.',
      contactEmail: 'contact@itss.example',
      explainerVideoUrl: 'https://video.example/explainer',
    },
    broken: [
      {rule: 'name is required', field: 'name', change: unset('name')},
      {rule: 'home page is required', field: 'homePage', build: true, change: unset('homePage')},
      {rule: 'contact email is an email', field: 'contactEmail', change: set({contactEmail: 'not an email'})},
      {
        rule: 'video address uses a safe scheme',
        field: 'explainerVideoUrl',
        build: true,
        change: set({explainerVideoUrl: 'javascript:void(0)'}),
      },
      {
        rule: 'footer links have a page or an address',
        field: 'footerLinks',
        build: 'footerLinks[0]',
        change: set({footerLinks: [{_type: 'link', _key: 'l1', label: 'Nowhere'}]}),
      },
    ],
  },
}
