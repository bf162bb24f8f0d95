import type {TypeNames} from './names.ts'

// The files a new content type starts with. Each is what a developer would write by hand
// for the simplest useful type; CONTRIBUTING.md walks through the same steps.

export const schemaFile = (n: TypeNames) => `import {DocumentIcon} from '@sanity/icons/Document'
import {defineField, defineType} from 'sanity'

/** ${n.title}: describe what this type is for. */
export const ${n.type} = defineType({
  name: '${n.type}',
  title: '${n.title}',
  type: 'document',
  icon: DocumentIcon,
  fields: [
    defineField({name: 'title', title: 'Title', type: 'string', validation: (rule) => rule.required().max(100)}),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      description: 'One or two sentences shown on the ${n.pluralTitle.toLowerCase()} page.',
      validation: (rule) => rule.required().max(300),
    }),
    defineField({
      name: 'order',
      title: 'Order',
      type: 'number',
      description: 'Lower numbers come first.',
      validation: (rule) => rule.required().integer().min(0),
    }),
  ],
  orderings: [{title: 'Set order', name: 'order', by: [{field: 'order', direction: 'asc'}]}],
  preview: {select: {title: 'title', subtitle: 'summary'}},
})
`

export const casesFile = (n: TypeNames) => `import {set, unset, type ValidationCases} from '../validationCases.ts'

/**
 * Validation cases for ${n.type}: tests/src/schemaValidation.test.ts runs them through the Studio's validator. Mark a
 * broken case \`build: true\` when the build must refuse it too (web/src/lib/checkContent.ts).
 */
export const cases: ValidationCases = {
  ${n.type}: {
    valid: {_id: '${n.type}-valid', _type: '${n.type}', title: 'A ${n.title.toLowerCase()}', summary: 'What it is about.', order: 1},
    broken: [
      {rule: 'title is required', field: 'title', change: unset('title')},
      {rule: 'summary is short', field: 'summary', change: set({summary: 'x'.repeat(301)})},
      {rule: 'order is a whole number', field: 'order', change: set({order: 1.5})},
    ],
  },
}
`

export const pageFile = (n: TypeNames) => `---
import BaseLayout from '../layouts/BaseLayout.astro'
import {loadContent} from '../lib/content.ts'

const content = await loadContent()
const home = content.pagesById.get(content.settings.homePageId ?? '')
const items = content.site.${n.queryKey}
---

<BaseLayout
  content={content}
  title="${n.pluralTitle}"
  description={\`${n.pluralTitle} from the \${content.settings.name}.\`}
  trail={home ? [home] : []}
>
  <div class="page-intro">
    <div class="wrap">
      <h1>${n.pluralTitle}</h1>
    </div>
  </div>
  <section class="section wrap">
    <ul class="cards">
      {
        items.map((item) => (
          <li class="card">
            <h2 class="card__title">{item.title}</h2>
            {item.summary && <p>{item.summary}</p>}
          </li>
        ))
      }
    </ul>
  </section>
</BaseLayout>
`

export const queryLine = (n: TypeNames) =>
  `  "${n.queryKey}": *[_type == "${n.type}"] | order(order asc, title asc){_id, _type, title, summary},`

export const fixtureDocument = (n: TypeNames) => ({
  _id: `${n.type}-example`,
  _type: n.type,
  _createdAt: '2026-11-01T09:00:00Z',
  _updatedAt: '2026-11-01T09:00:00Z',
  title: `Example ${n.title.toLowerCase()}`,
  summary: `A ${n.title.toLowerCase()} for the demo dataset. Replace it with real content.`,
  order: 1,
})
