// `pnpm new:type <name>`: adds a content type end to end, so it builds and passes the tests
// before anyone writes a line: schema (registered), validation cases, a GROQ query, a page,
// a demo document, the extra Studio list, and regenerated query types.
import {spawnSync} from 'node:child_process'
import {access, appendFile, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {typeNames} from './newType/names.ts'
import {casesFile, fixtureDocument, pageFile, queryLine, schemaFile} from './newType/templates.ts'
import {quietEnv, repoRoot} from './repo.ts'

const at = (...parts: string[]) => path.join(repoRoot, ...parts)

async function mustNotExist(file: string) {
  if (
    await access(file).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`${path.relative(repoRoot, file)} already exists`)
}

/** Replaces `anchor` in a file once, failing loudly if the file no longer looks as expected. */
async function insertBefore(file: string, anchor: RegExp, text: string) {
  const source = await readFile(file, 'utf8')
  const match = anchor.exec(source)
  if (!match)
    throw new Error(`Could not find where to add the type in ${path.relative(repoRoot, file)} (${String(anchor)})`)
  await writeFile(file, source.slice(0, match.index) + text + source.slice(match.index))
}

/** Appends a name to `export const <name> = [a, b]` in a file. */
async function addToArray(file: string, name: string, item: string) {
  const source = await readFile(file, 'utf8')
  const pattern = new RegExp(`(export const ${name} = \\[)([^\\]]*)(\\])`)
  const match = pattern.exec(source)
  if (!match) throw new Error(`Could not find ${name} in ${path.relative(repoRoot, file)}`)
  const items = (match[2] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  await writeFile(file, source.replace(pattern, `$1${[...items, item].join(', ')}$3`))
}

export async function addContentType(type: string, {typegen = true} = {}) {
  const n = typeNames(type)
  const files = {
    schema: at('schemas/src/documents', `${n.type}.ts`),
    cases: at('schemas/src/documents', `${n.type}.cases.ts`),
    page: at('web/src/pages', `${n.path.slice(1)}.astro`),
  }
  for (const file of Object.values(files)) await mustNotExist(file)
  const index = await readFile(at('schemas/src/index.ts'), 'utf8')
  if (new RegExp(`\\b${n.type}\\b`).test(index)) throw new Error(`A type named ${n.type} is already registered`)

  await writeFile(files.schema, schemaFile(n))
  await writeFile(files.cases, casesFile(n))
  await writeFile(files.page, pageFile(n))
  await insertBefore(
    at('schemas/src/index.ts'),
    /^import .* from '\.\/objects\//m,
    `import {${n.type}} from './documents/${n.type}.ts'\n`,
  )
  await addToArray(at('schemas/src/index.ts'), 'documentTypes', n.type)
  await insertBefore(at('web/src/lib/queries.ts'), /^ {2}"images":/m, `${queryLine(n)}\n`)
  await appendFile(at('dataset/data.ndjson'), `${JSON.stringify(fixtureDocument(n))}\n`)

  // Leave every touched file as the formatter would, so lint stays clean.
  const touched = [...Object.values(files), at('schemas/src/index.ts'), at('web/src/lib/queries.ts')]
  const prettier = spawnSync(process.execPath, [at('node_modules/prettier/bin/prettier.cjs'), '--write', ...touched], {
    stdio: 'ignore',
  })
  if (prettier.status !== 0) throw new Error('prettier could not format the new files')

  if (typegen) {
    const sanity = at('studio/node_modules/sanity/bin/sanity')
    for (const args of [
      ['schema', 'extract', '--path', 'schema.json', '--force'],
      ['typegen', 'generate'],
    ]) {
      const run = spawnSync(process.execPath, [sanity, ...args], {
        cwd: at('studio'),
        stdio: 'inherit',
        env: {...process.env, ...quietEnv},
      })
      if (run.status !== 0) throw new Error(`sanity ${args.join(' ')} failed`)
    }
  }
  return {names: n, files: Object.values(files).map((file) => path.relative(repoRoot, file))}
}

if (import.meta.main) {
  const type = process.argv[2]
  if (!type) {
    console.error('Usage: pnpm new:type <name>   (camelCase, for example: event, caseStudy)')
    process.exit(1)
  }
  try {
    const {names, files} = await addContentType(type)
    console.log(
      [
        `Added the content type ${names.type}:`,
        ...files.map((file) => `  created  ${file}`),
        '  updated  schemas/src/index.ts, web/src/lib/queries.ts, dataset/data.ndjson, web/src/sanity.types.ts',
        '',
        `Editors find it in the Studio's list; visitors at ${names.path}. Next: add its fields,`,
        'update its query and cases, run `pnpm typegen` and `pnpm test`.',
        'Running sites pick up the demo document after `pnpm dataset:reset`.',
      ].join('\n'),
    )
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
