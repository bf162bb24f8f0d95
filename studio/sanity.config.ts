import {SINGLETON_IDS, schemaTypes} from '@itss/schemas'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {backend} from './src/backend.ts'
import {structure} from './src/structure.ts'

const singletons = new Set<string>(SINGLETON_IDS)
/** What an editor may do with a singleton: change it and publish it, never copy or delete it. */
const singletonActions = new Set(['publish', 'discardChanges', 'restore'])

export default defineConfig({
  name: 'default',
  title: 'ITSS content',
  projectId: backend.projectId,
  dataset: backend.dataset,
  ...backend.workspace,
  plugins: [structureTool({structure})],
  schema: {
    types: schemaTypes,
    templates: (templates) => [
      ...templates.filter(({schemaType}) => !singletons.has(schemaType)),
      {
        id: 'teamMember-by-group',
        title: 'Team member in group',
        schemaType: 'teamMember',
        parameters: [{name: 'group', type: 'string'}],
        value: (params: {group: string}) => ({group: params.group}),
      },
    ],
  },
  document: {
    actions: (actions, {schemaType}) =>
      singletons.has(schemaType) ? actions.filter(({action}) => action && singletonActions.has(action)) : actions,
    newDocumentOptions: (items) => items.filter((item) => !singletons.has(item.templateId)),
    comments: {enabled: false},
  },
})
