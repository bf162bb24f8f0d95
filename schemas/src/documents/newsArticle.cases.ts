import {image, linkedText, ref, set, text, unset, type ValidationCases} from '../validationCases.ts'

export const cases: ValidationCases = {
  newsArticle: {
    valid: {
      _id: 'newsArticle-valid',
      _type: 'newsArticle',
      title: 'The Institute opens',
      slug: {_type: 'slug', current: 'institute-opens-test'},
      date: '2023-08-01',
      updated: '2023-08-02',
      summary: 'The Institute opened its doors.',
      body: [text('The Institute opened.'), linkedText('https://example.org')],
      image,
      topics: [{...ref('topic-other'), _key: 't1'}],
      related: [
        {...ref('news-other'), _key: 'r1'},
        {...ref('page-other'), _key: 'r2'},
      ],
    },
    broken: [
      {rule: 'title is required', field: 'title', change: unset('title')},
      {rule: 'title is short', field: 'title', change: set({title: 'x'.repeat(101)})},
      {rule: 'slug is required', field: 'slug', build: true, change: unset('slug')},
      {
        rule: 'slug has no capitals',
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'Institute-Opens'}}),
      },
      {
        rule: 'slug is not an address the news list uses',
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'page'}}),
      },
      {
        // The fixture article is older; the build names the newer article that reuses its address.
        rule: 'slug is unique',
        field: 'slug',
        build: true,
        change: set({slug: {_type: 'slug', current: 'other-news'}}),
      },
      {rule: 'date is required', field: 'date', build: true, change: unset('date')},
      {rule: 'date is a date', field: 'date', build: true, change: set({date: 'August 2023'})},
      {rule: 'updated is a date', field: 'updated', build: true, change: set({updated: 'last week'})},
      {rule: 'updated is not before the date', field: 'updated', change: set({updated: '2023-07-31'})},
      {rule: 'summary is required', field: 'summary', change: unset('summary')},
      {rule: 'summary is short', field: 'summary', change: set({summary: 'x'.repeat(241)})},
      {rule: 'body is required', field: 'body', change: unset('body')},
      {
        rule: 'body links use safe schemes',
        field: 'body',
        build: 'body[0].markDefs[0].href',
        change: set({body: [linkedText('javascript:alert(1)')]}),
      },
      {
        rule: 'headings do not skip a level',
        field: 'body',
        change: set({body: [text('Part one', 'h2'), text('Detail', 'h4')]}),
      },
      {
        rule: 'image has alt text or is decorative',
        field: 'image',
        build: 'image.alt',
        change: set({image: {...image, alt: ''}}),
      },
      {
        rule: 'topics exist and are published',
        field: 'topics',
        build: 'topics[0]',
        change: set({topics: [{...ref('topic-gone'), _key: 't1'}]}),
      },
      {
        rule: 'related content exists and is published',
        field: 'related',
        build: 'related[1]',
        change: set({
          related: [
            {...ref('news-other'), _key: 'r1'},
            {...ref('news-gone'), _key: 'r2'},
          ],
        }),
      },
    ],
  },
}
