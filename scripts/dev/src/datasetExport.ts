// pnpm dataset:export [--out DIR] [--no-drafts]: the local lake's dataset in Sanity's export
// format (data.ndjson, images/, files/, assets.json), written by Sanity's own @sanity/export so
// the result imports anywhere `sanity dataset import` does, a real project included.
import {spawn} from 'node:child_process'
import {mkdir, mkdtemp, readdir, rename, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'

import {createClient} from '@sanity/client'
import {exportDataset} from '@sanity/export'

import {ensureLocalLake} from '@itss/lake/local'
import {clientConfigFor, DEFAULT_DATASET} from '@itss/schemas/api'

export interface ExportOptions {
  httpUrl: string
  projectId: string
  token: string
  outDir: string
  drafts?: boolean
}

/** Exports the lake's dataset into `outDir` (created; must not hold an earlier export). */
export async function exportLake(options: ExportOptions): Promise<string> {
  const client = createClient(
    clientConfigFor({apiHost: options.httpUrl, projectId: options.projectId, token: options.token}),
  )
  const work = await mkdtemp(path.join(os.tmpdir(), 'itss-export-'))
  try {
    const archive = path.join(work, 'export.tar.gz')
    await exportDataset({client, dataset: DEFAULT_DATASET, outputPath: archive, drafts: options.drafts ?? true})
    // The archive holds one folder (<dataset>-export-<date>/): unpack it and move it into place.
    await run('tar', ['-xzf', archive, '-C', work])
    const [folder] = (await readdir(work, {withFileTypes: true})).filter((entry) => entry.isDirectory())
    if (!folder) throw new Error('The export archive held no folder')
    await mkdir(path.dirname(path.resolve(options.outDir)), {recursive: true})
    await rename(path.join(work, folder.name), options.outDir)
    return options.outDir
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {stdio: 'inherit'})
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))))
  })
}

if (import.meta.main) {
  const {values} = parseArgs({options: {out: {type: 'string'}, 'no-drafts': {type: 'boolean'}}})
  const lake = await ensureLocalLake({log: () => undefined})
  try {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const outDir = path.resolve(values.out ?? path.join(lake.dataDir, 'exports', `production-${stamp}`))
    await exportLake({...lake, outDir, drafts: !values['no-drafts']})
    console.log(`Exported to ${outDir} (data.ndjson, images/, files/, assets.json).`)
  } finally {
    await lake.close()
  }
}
