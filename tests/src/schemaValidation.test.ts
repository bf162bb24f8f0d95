import {mkdtemp, readdir, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {createClient, type SanityClient} from '@sanity/client'
import {clientConfigFor} from './api.ts'
import {startLake, type Lake} from '@itss/lake'
import {validateDocumentWithWorkspace} from '@sanity/validation'
import {createSchema, type SanityDocument} from 'sanity'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {documentTypes, schemaTypes, singletonTypes} from './index.ts'
import type {Doc, ValidationCases} from './validationCases.ts'

/*
 * For every document type: a valid document passes the schema's own rules, and a document
 * breaking each rule fails with the field named. Validation runs the Studio's validator with
 * a real client against the local backend, so custom rules and slug uniqueness run too.
 */

const schema = createSchema({name: 'test', types: schemaTypes})
const ref = (id: string) => ({_type: 'reference', _ref: id})
const text = (words: string, style = 'normal') => ({
  _type: 'block',
  _key: `b${words.length}`,
  style,
  markDefs: [],
  children: [{_type: 'span', _key: 's1', text: words, marks: []}],
})
const linkedText = (href: string) => ({
  ...text('Read more'),
  markDefs: [{_key: 'm1', _type: 'link', href}],
  children: [{_type: 'span', _key: 's1', text: 'Read more', marks: ['m1']}],
})
const image = {_type: 'accessibleImage', asset: ref('image-abc-10x10-png'), alt: 'A workshop bench'}

const set = (patch: Record<string, unknown>) => (doc: Doc) => ({...doc, ...patch})
const unset = (field: string) => (doc: Doc) =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => key !== field)) as Doc

const builtInCases: ValidationCases = {
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
      {rule: 'slug is required', field: 'slug', change: unset('slug')},
      {
        rule: 'slug has no spaces or capitals',
        field: 'slug',
        change: set({slug: {_type: 'slug', current: 'About Us'}}),
      },
      {rule: 'slug is unique', field: 'slug', change: set({slug: {_type: 'slug', current: 'taken'}})},
      {rule: 'summary is required', field: 'summary', change: unset('summary')},
      {rule: 'summary is short', field: 'summary', change: set({summary: 'x'.repeat(301)})},
      {
        rule: 'text links use safe schemes',
        field: 'body',
        change: set({body: [{_type: 'textSection', _key: 't1', body: [linkedText('JavaScript:alert(1)')]}]}),
      },
      {rule: 'text sections have text', field: 'body', change: set({body: [{_type: 'textSection', _key: 't1'}]})},
      {
        rule: 'headings do not skip a level',
        field: 'body',
        change: set({body: [{_type: 'textSection', _key: 't1', body: [text('Part one', 'h2'), text('Detail', 'h4')]}]}),
      },
    ],
  },
  faq: {
    valid: {
      _id: 'faq-valid',
      _type: 'faq',
      question: 'Who funds the Institute?',
      answer: [text('Research England.')],
      category: 'funding',
      order: 1,
    },
    broken: [
      {rule: 'question is required', field: 'question', change: unset('question')},
      {rule: 'question ends with ?', field: 'question', change: set({question: 'Who funds the Institute'})},
      {rule: 'answer is required', field: 'answer', change: unset('answer')},
      {rule: 'category is required', field: 'category', change: unset('category')},
      {rule: 'category is from the list', field: 'category', change: set({category: 'gossip'})},
      {rule: 'order is a whole number', field: 'order', change: set({order: 1.5})},
    ],
  },
  teamMember: {
    valid: {
      _id: 'team-valid',
      _type: 'teamMember',
      name: 'Alex Example',
      role: 'Technician',
      group: 'technicalCouncil',
      order: 0,
      photo: image,
    },
    broken: [
      {rule: 'name is required', field: 'name', change: unset('name')},
      {rule: 'role is required', field: 'role', change: unset('role')},
      {rule: 'group is from the list', field: 'group', change: set({group: 'friends'})},
      {rule: 'photo has alt text or is decorative', field: 'photo', change: set({photo: {...image, alt: ''}})},
      {rule: 'bio is short', field: 'bio', change: set({bio: 'x'.repeat(601)})},
      {
        rule: 'links use safe schemes',
        field: 'links',
        change: set({links: [{_type: 'link', _key: 'l1', label: 'Profile', href: ' data:text/html,hi'}]}),
      },
      {rule: 'order is required', field: 'order', change: unset('order')},
    ],
  },
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
      {rule: 'url uses a safe scheme', field: 'url', change: set({url: 'vbscript:msgbox(1)'})},
      {rule: 'logo has alt text or is decorative', field: 'logo', change: set({logo: {...image, alt: undefined}})},
    ],
  },
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
    ],
  },
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
      {rule: 'home page is required', field: 'homePage', change: unset('homePage')},
      {rule: 'contact email is an email', field: 'contactEmail', change: set({contactEmail: 'not an email'})},
      {
        rule: 'video address uses a safe scheme',
        field: 'explainerVideoUrl',
        change: set({explainerVideoUrl: 'javascript:void(0)'}),
      },
      {
        rule: 'footer links have a page or an address',
        field: 'footerLinks',
        change: set({footerLinks: [{_type: 'link', _key: 'l1', label: 'Nowhere'}]}),
      },
    ],
  },
  navigation: {
    valid: {
      _id: 'navigation',
      _type: 'navigation',
      main: [{_type: 'navItem', _key: 'n1', link: {_type: 'link', label: 'About us', page: ref('page-other')}}],
    },
    broken: [
      {rule: 'the menu has entries', field: 'main', change: set({main: []})},
      {
        rule: 'menu entries have a label',
        field: 'main',
        change: set({main: [{_type: 'navItem', _key: 'n1', link: {_type: 'link', page: ref('page-other')}}]}),
      },
    ],
  },
}

// Types added with `pnpm new:type` bring their cases in a file beside their schema.
const caseFiles = (await readdir(new URL('./documents/', import.meta.url))).filter((file) => file.endsWith('.cases.ts'))
const addedCases = await Promise.all(
  caseFiles.map(async (file) => ((await import(`./documents/${file}`)) as {cases: ValidationCases}).cases),
)
const cases: ValidationCases = Object.assign({}, builtInCases, ...addedCases)

let dataDir: string
let lake: Lake
let client: SanityClient

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'schema-test-'))
  lake = await startLake({dataDir, httpPort: 0, httpsPort: false, log: () => {}})
  client = createClient(clientConfigFor({apiHost: lake.httpUrl, projectId: lake.projectId, token: lake.token}))
  // Documents the valid fixtures point at, and a page whose slug is taken.
  await client
    .transaction()
    .create({_id: 'page-other', _type: 'page', title: 'Other', slug: {_type: 'slug', current: 'taken'}, summary: 'x'})
    .commit()
})

afterAll(async () => {
  await lake?.close()
  await rm(dataDir, {recursive: true, force: true})
})

async function errorsFor(doc: Doc) {
  const markers = await validateDocumentWithWorkspace({
    document: {_createdAt: '', _updatedAt: '', _rev: '', ...doc} as SanityDocument,
    // Validate as the Studio does. Outside it ('cli'), Sanity 6.16 appends an unknown-fields
    // check with .warning() to object fields' rules, which turns their errors into warnings.
    environment: 'studio',
    workspace: {schema, getClient: () => client, i18n: undefined as never},
    getDocumentExists: async () => true,
  })
  return markers.filter((marker) => marker.level === 'error')
}

test('every document type has validation cases', () => {
  const names = [...documentTypes, ...singletonTypes].map((type) => type.name).sort()
  expect(Object.keys(cases).sort()).toEqual(names)
})

describe.each(Object.entries(cases))('%s', (_type, {valid, broken}) => {
  test('a valid document passes', async () => {
    expect(await errorsFor(valid)).toEqual([])
  })

  test.each(broken)('fails when $rule, naming $field', async ({field, change}) => {
    const errors = await errorsFor(change(valid))
    expect(errors.length, 'an error is reported').toBeGreaterThan(0)
    expect(errors.map((marker) => marker.path[0])).toContain(field)
  })
})
