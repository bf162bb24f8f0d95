import {defineCliConfig} from 'sanity/cli'
import {backend} from './src/backend.ts'

export default defineCliConfig({
  api: {projectId: backend.projectId, dataset: backend.dataset},
  // Studio builds must not reach for Sanity's hosted services.
  deployment: {autoUpdates: false},
  typegen: {
    path: '../web/src/**/*.{ts,tsx}',
    schema: './schema.json',
    generates: '../web/src/sanity.types.ts',
    overloadClientMethods: true,
  },
})
