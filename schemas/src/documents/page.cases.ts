import {linkedText, ref, set, text, unset, type ValidationCases} from '../validationCases.ts'

/** Hrefs a browser would run as script, however they are spelled. */
const UNSAFE_HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,hi',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
]

export const cases: ValidationCases = {
  page: {
    valid: {
      _id: 'page-valid',
      _type: 'page',
      title: 'About us',
      slug: {_type: 'slug', current: 'about-us-test'},
      summary: 'Who we are and what we do.',
      body: [
        {
          _type: 'textSection',
          _key: 't1',
          heading: 'Our story',
          body: [text('We began in 2023.'), linkedText('https://example.org')],
        },
        {_type: 'pageCardsSection', _key: 'c1', heading: 'More', pages: [{...ref('page-other'), _key: 'r1'}]},
      ],
      seo: {
        _type: 'seo',
        description:
          'The Institute helps technical staff in UK universities grow their skills and careers, with partners.',
      },
    },
    broken: [
      {rule: 'title is required', field: 'title', change: unset('title')},
      {rule: 'slug is required', field: 'slug', build: true, change: unset('slug')},
      {
        rule: 'slug has no spaces',
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'our team'}}),
      },
      {
        rule: 'slug has no capitals',
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'About-Us'}}),
      },
      {
        // The Studio refuses the slug anywhere; the build refuses the address it makes.
        rule: 'slug is unique',
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'taken'}, parent: ref('page-other')}),
      },
      {
        rule: "a top-level page does not take a section of the site's own, such as /news/",
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'news'}}),
      },
      {
        rule: 'no page, at any level, is addressed “page”, which the later parts of long lists use',
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'page'}, parent: ref('page-other')}),
      },
      {rule: 'summary is required', field: 'summary', change: unset('summary')},
      {rule: 'summary is short', field: 'summary', change: set({summary: 'x'.repeat(301)})},
      ...UNSAFE_HREFS.map((href) => ({
        rule: `text links use safe schemes, not ${JSON.stringify(href)}`,
        field: 'body',
        build: 'body[0].body[0].markDefs[0].href',
        change: set({body: [{_type: 'textSection', _key: 't1', body: [linkedText(href)]}]}),
      })),
      {
        rule: 'cards point at pages that exist',
        field: 'body',
        build: 'body[0].pages[0]',
        change: set({
          body: [{_type: 'pageCardsSection', _key: 'c1', heading: 'Gone', pages: [{...ref('page-gone'), _key: 'r1'}]}],
        }),
      },
      {rule: 'text sections have text', field: 'body', change: set({body: [{_type: 'textSection', _key: 't1'}]})},
      {
        rule: 'headings do not skip a level',
        field: 'body',
        change: set({body: [{_type: 'textSection', _key: 't1', body: [text('Part one', 'h2'), text('Detail', 'h4')]}]}),
      },
    ],
  },
}
