// Fails when web/src/sanity.types.ts is not what `pnpm typegen` makes from the current
// schemas and queries, so a schema or query change cannot land without its types.
import {spawn} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {quietEnv, repoRoot} from './repo.ts'

const typesFile = path.join(repoRoot, 'web/src/sanity.types.ts')
const studioDir = path.join(repoRoot, 'studio')
const sanity = path.join(studioDir, 'node_modules/sanity/bin/sanity')

function sanityCli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [sanity, ...args], {
      cwd: studioDir,
      stdio: 'inherit',
      env: {...process.env, ...quietEnv},
    })
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`sanity ${args.join(' ')} exited with ${code}`)),
    )
  })
}

const before = await readFile(typesFile, 'utf8').catch(() => '')
await sanityCli(['schema', 'extract', '--path', 'schema.json', '--force'])
await sanityCli(['typegen', 'generate'])
const after = await readFile(typesFile, 'utf8')

if (before !== after) {
  console.error(
    'web/src/sanity.types.ts was out of date with the schemas and queries. It has been regenerated: review and commit it.',
  )
  process.exit(1)
}
console.log('Generated types match the schemas and queries.')
