import {defineCliConfig} from 'sanity/cli'
import {backend} from './src/backend.ts'
import {selfHostedFonts} from './src/selfHostedFonts.ts'

export default defineCliConfig({
  api: {projectId: backend.projectId, dataset: backend.dataset},
  // Studio builds must not reach for Sanity's hosted services.
  deployment: {autoUpdates: false},
  vite: (config) => ({...config, plugins: [...(config.plugins ?? []), selfHostedFonts()]}),
  typegen: {
    path: '../web/src/**/*.{ts,tsx}',
    schema: './schema.json',
    generates: '../web/src/sanity.types.ts',
    overloadClientMethods: true,
  },
})
