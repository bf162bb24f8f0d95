// Seeds an empty dataset from a folder in Sanity's export format (data.ndjson plus
// images/ and files/), through the real @sanity/import talking HTTP to the lake. That
// both loads the demo content and proves the lake against Sanity's own import tool.
import {existsSync} from 'node:fs'
import path from 'node:path'

import {createClient} from '@sanity/client'
import {sanityImport} from '@sanity/import'

import {clientConfigFor} from '@itss/schemas/api'

export interface SeedTarget {
  httpUrl: string
  projectId: string
  dataset: string
  token: string
}

export async function seedDataset(seedDir: string, target: SeedTarget, log: (line: string) => void): Promise<number> {
  if (!existsSync(path.join(seedDir))) {
    log(`lake: no seed folder at ${seedDir}; starting with an empty dataset`)
    return 0
  }
  const client = createClient(clientConfigFor({...target, apiHost: target.httpUrl}))
  const {numDocs, warnings} = await sanityImport(seedDir, {client, operation: 'createOrReplace'})
  for (const warning of warnings) log(`lake: seed warning: ${warning.message}`)
  return numDocs
}
