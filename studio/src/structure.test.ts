import {documentTypes, singletonTypes} from '@itss/schemas'
import {createSourceFromConfig, getConfigContextFromSource, type SingleWorkspace, type Source} from 'sanity'
import {
  createStructureBuilder,
  type ChildResolverOptions,
  type ListItem,
  type List,
  type ListBuilder,
  type StructureResolverContext,
} from 'sanity/structure'
import {evaluate, parse} from 'groq-js'
import {expect, test} from 'vitest'
import config from '../sanity.config.ts'
import {structure} from './structure.ts'

/*
 * The Studio's content menu, built in Node by Sanity's own structure builder from the Studio's
 * real configuration (schema, templates, new-document options), so every document type,
 * including one just added by `pnpm new:type`, is shown to reach editors.
 */

// Building the menu never calls the backend; the source only reads the client's settings.
const client = {
  withConfig: () => client,
  config: () => ({projectId: 'itss', dataset: 'production', url: 'http://localhost:1/v1'}),
} as unknown as ReturnType<Source['getClient']>

const source = await createSourceFromConfig({
  ...(config as SingleWorkspace),
  currentUser: {
    id: 'editor',
    name: 'Editor',
    email: 'editor@example.com',
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- CurrentUser still requires the deprecated `role`
    role: 'administrator',
    roles: [],
  },
  getClient: () => client,
})
// What an editor first sees: drafts over published documents.
const S = createStructureBuilder({source, perspectiveStack: ['drafts']})
// The menu reads nothing but the builder; the live stores it could use are left out.
const context = getConfigContextFromSource(source) as StructureResolverContext
const menu = (await structure(S, context)) as ListBuilder
const list = menu.serialize()
const items = list.items.filter((item): item is ListItem => item.type === 'listItem')

/** A pane as the structure tool receives it, reduced to what tells which documents it shows. */
type Pane = {
  type: string
  schemaTypeName?: string
  options?: {type?: string; filter?: string; params?: Record<string, unknown>}
  items?: List['items']
}

/** What opening a menu item shows, resolved and serialized as the Studio's structure tool does. */
async function open(item: ListItem, index: number, parent: unknown, path: string[]): Promise<Pane | undefined> {
  const options: ChildResolverOptions = {parent, index, splitIndex: 0, path, params: {}, structureContext: S.context}
  const child = typeof item.child === 'function' ? await item.child(item.id, options) : item.child
  return child && 'serialize' in child && typeof child.serialize === 'function'
    ? (child.serialize({path}) as Pane)
    : (child as Pane | undefined)
}

/** The document types a menu item leads to: its list of documents, its one document, or its sub-menu's. */
async function typesOpenedBy(item: ListItem, index: number, parent: unknown, path: string[]): Promise<string[]> {
  const pane = await open(item, index, parent, [...path, item.id])
  if (pane?.type === 'document') return pane.options?.type ? [pane.options.type] : []
  if (pane?.type === 'list') {
    const subItems = (pane.items ?? []).filter((sub): sub is ListItem => sub.type === 'listItem')
    const types = await Promise.all(subItems.map((sub, i) => typesOpenedBy(sub, i, pane, [...path, item.id])))
    return [...new Set(types.flat())]
  }
  const type = pane?.schemaTypeName ?? item.schemaType?.name
  return type ? [type] : []
}

const opened = await Promise.all(
  items.map(async (item, index) => ({id: item.id, types: await typesOpenedBy(item, index, list, [])})),
)

const typeNames = [...documentTypes, ...singletonTypes].map((type) => type.name)

test.each(typeNames)("%s is in the Studio's content menu", (type) => {
  const entries = opened.filter((entry) => entry.types.includes(type))
  expect(entries, `one menu item should open ${type}; menu: ${JSON.stringify(opened)}`).toHaveLength(1)
})

test('every menu item opens a document type of the schema', () => {
  for (const entry of opened) {
    expect(entry.types, `menu item ${entry.id}`).not.toHaveLength(0)
    for (const type of entry.types) expect(typeNames, `menu item ${entry.id}`).toContain(type)
  }
})

/** The ids of the documents a list pane shows, by its own filter, run by groq-js as the lake runs it. */
async function shownBy(pane: Pane | undefined, dataset: object[]): Promise<unknown> {
  const params = pane?.options?.params ?? {}
  const tree = parse(`*[${pane?.options?.filter ?? 'false'}] | order(_id)._id`, {params})
  return (await evaluate(tree, {dataset, params})).get()
}

test('Events: Upcoming lists the events yet to end, as the site does, Past those that have ended', async () => {
  const index = items.findIndex((item) => item.title === 'Events')
  const item = items[index]
  if (!item) throw new Error('no Events menu item')
  const events = await open(item, index, list, [])
  const lists = (events?.items ?? []).filter((sub): sub is ListItem => sub.type === 'listItem')
  const [upcoming, past] = await Promise.all(lists.map((sub, i) => open(sub, i, events, [item.id])))
  const inAnHour = new Date(Date.now() + 60 * 60 * 1000).toISOString()
  const anHourAgo = new Date(Date.now() - 60 * 60 * 1000).toISOString()
  const inTwoHours = new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString()
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString()
  const dataset = [
    {_id: 'event-next', _type: 'event', start: inAnHour, end: inTwoHours},
    {_id: 'event-now', _type: 'event', start: anHourAgo, end: inAnHour},
    {_id: 'event-last', _type: 'event', start: twoHoursAgo, end: anHourAgo},
    {_id: 'event-new', _type: 'event'},
  ]
  expect(lists.map((sub) => sub.title)).toEqual(['Upcoming', 'Past'])
  expect(await shownBy(upcoming, dataset)).toEqual(['event-new', 'event-next', 'event-now'])
  expect(await shownBy(past, dataset)).toEqual(['event-last'])
})
