// The package-boundary check: no source file may reach into another workspace package's
// internals. Each of these is an offence:
//   - a relative import that resolves into another package's folder (import it by name);
//   - `@itss/<pkg>/<sub>` where `./<sub>` is not in that package's `exports` map;
//   - a package the importer's package.json does not declare (the root package.json's
//     dependencies count for every package: they are the shared tools, such as vitest,
//     which Node finds in the root node_modules from anywhere in the repository).
// Scans the *.ts, *.tsx, *.mjs and *.astro files git tracks; prints `file:line imports X (why)`.
//
//   node scripts/dev/src/checkImports.ts        (one of `pnpm test`'s static checks)
import {execFileSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import path from 'node:path'

import ts from 'typescript'

import {repoRoot} from './repo.ts'

export interface Manifest {
  name?: string
  exports?: unknown
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

export interface WorkspacePackage {
  /** Repository-relative folder, with `/` separators; '' for the root package. */
  dir: string
  manifest: Manifest
}

export interface SourceFile {
  /** Repository-relative, with `/` separators. */
  path: string
  text: string
}

export interface Import {
  specifier: string
  line: number
  /** `import type` / `export type` / `import('x').T`: gone once compiled. */
  typeOnly: boolean
}

export interface Offence {
  file: string
  line: number
  specifier: string
  reason: string
}

export const formatOffence = (offence: Offence) =>
  `${offence.file}:${String(offence.line)} imports ${offence.specifier} (${offence.reason})`

/**
 * An .astro file as TypeScript: its frontmatter and its script elements, everything else
 * blanked to spaces so that positions, and so line numbers, stay those of the file.
 */
export function astroScript(text: string): string {
  const keep: Array<[number, number]> = []
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  if (frontmatter?.[1] !== undefined) {
    const start = frontmatter[0].indexOf(frontmatter[1])
    keep.push([start, start + frontmatter[1].length])
  }
  for (const script of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [whole, attributes = '', body = ''] = script
    // JSON (structured data) holds no imports and is no script to parse.
    if (/type=["']?application\/(ld\+)?json/.test(attributes)) continue
    const start = script.index + whole.length - '</script>'.length - body.length
    keep.push([start, start + body.length])
  }
  const out = text.replace(/[^\n]/g, ' ').split('')
  for (const [from, to] of keep) for (let i = from; i < to; i++) out[i] = text[i] ?? ' '
  return out.join('')
}

/** Every module specifier a file names in a string literal, with its line. */
export function importsOf(file: SourceFile): Import[] {
  const extension = path.extname(file.path)
  const text = extension === '.astro' ? astroScript(file.text) : file.text
  const kind = extension === '.tsx' ? ts.ScriptKind.TSX : extension === '.mjs' ? ts.ScriptKind.JS : ts.ScriptKind.TS
  const source = ts.createSourceFile(file.path, text, ts.ScriptTarget.Latest, true, kind)
  const found: Import[] = []
  const add = (literal: ts.Node, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(literal)) return
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1
    found.push({specifier: literal.text, line, typeOnly})
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node))
      add(node.moduleSpecifier, node.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword)
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node.moduleSpecifier, node.isTypeOnly)
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node.moduleReference.expression, node.isTypeOnly)
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0])
      add(node.arguments[0], false)
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** `@scope/name/sub` → [`@scope/name`, `./sub`]; `name` → [`name`, `.`]. */
export function splitSpecifier(specifier: string): [name: string, subpath: string] {
  const parts = specifier.split('/')
  const size = specifier.startsWith('@') ? 2 : 1
  const rest = parts.slice(size).join('/')
  return [parts.slice(0, size).join('/'), rest ? `./${rest}` : '.']
}

/** Whether a package's `exports` field lets others import `subpath` (`.` or `./sub`). */
export function isExported(exportsField: unknown, subpath: string): boolean {
  if (exportsField === undefined) return false
  // A string, an array, or conditions only (no `.` keys): the package's root alone.
  if (typeof exportsField !== 'object' || exportsField === null || Array.isArray(exportsField)) return subpath === '.'
  const map = exportsField as Record<string, unknown>
  const keys = Object.keys(map)
  if (!keys.some((key) => key.startsWith('.'))) return subpath === '.'
  if (keys.includes(subpath)) return map[subpath] !== null
  // Patterns such as `./icons/*`: the longest matching one decides (a null target hides it).
  const matching = keys
    .filter((key) => {
      const star = key.indexOf('*')
      return star >= 0 && subpath.startsWith(key.slice(0, star)) && subpath.endsWith(key.slice(star + 1))
    })
    .sort((a, b) => b.length - a.length)
  return matching[0] !== undefined && map[matching[0]] !== null
}

const builtins = new Set(builtinModules)
const declared = (manifest: Manifest) =>
  new Set(
    [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies, manifest.optionalDependencies]
      .filter((deps) => deps !== undefined)
      .flatMap((deps) => Object.keys(deps)),
  )
/** The @types package that types `name`: `@types/node`, `@types/scope__name`. */
const typesPackage = (name: string) => `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`

/** Every import in `files` that crosses a package boundary, in file order. */
export function checkImports(files: readonly SourceFile[], packages: readonly WorkspacePackage[]): Offence[] {
  const root = packages.find((pkg) => pkg.dir === '')
  const members = packages.filter((pkg) => pkg.dir !== '')
  const shared = root ? declared(root.manifest) : new Set<string>()
  const byName = new Map(members.flatMap((pkg) => (pkg.manifest.name ? [[pkg.manifest.name, pkg] as const] : [])))
  /** The workspace member whose folder holds `file`, if any (the innermost). */
  const memberOf = (file: string) =>
    members
      .filter((pkg) => file.startsWith(`${pkg.dir}/`))
      .sort((a, b) => b.dir.length - a.dir.length)
      .at(0)

  const offences: Offence[] = []
  for (const file of files) {
    const own = memberOf(file.path) ?? root
    const deps = own ? declared(own.manifest) : new Set<string>()
    for (const {specifier, line, typeOnly} of importsOf(file)) {
      const offend = (reason: string) => offences.push({file: file.path, line, specifier, reason})
      // node:fs, astro:content, virtual:…, data:…: no package of ours.
      // `#x` is the importer's own package's `imports` map; `/x` a path Vite serves.
      if (/^[a-z][\w+.-]*:/i.test(specifier) || specifier.startsWith('/') || specifier.startsWith('#')) continue

      if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')) {
        const target = path.posix.normalize(
          path.posix.join(path.posix.dirname(file.path), specifier.split(/[?#]/)[0] ?? ''),
        )
        if (target === '..' || target.startsWith('../')) {
          offend('resolves outside the repository')
          continue
        }
        const owner = memberOf(target)
        if (owner && owner !== own) {
          const by = owner.manifest.name ? `; import ${owner.manifest.name} by name` : ''
          offend(`resolves into ${owner.dir}, another package${by}`)
        }
        continue
      }

      const [name, subpath] = splitSpecifier(specifier)
      if (builtins.has(name)) continue
      const member = byName.get(name)
      const isSelf = member !== undefined && member === own
      if (!isSelf && !deps.has(name) && !shared.has(name) && !(typeOnly && deps.has(typesPackage(name)))) {
        offend(`${name} is not declared in ${own?.dir ? `${own.dir}/` : ''}package.json`)
        continue
      }
      if (member && !isExported(member.manifest.exports, subpath)) {
        offend(
          member.manifest.exports === undefined
            ? `${name} has no exports map: nothing in it is for other packages`
            : `${name} does not export ${subpath}`,
        )
      }
    }
  }
  return offences
}

/** The workspace's packages, from pnpm-workspace.yaml's `packages` list, and the root. */
export function readWorkspace(root = repoRoot): WorkspacePackage[] {
  const readManifest = (dir: string) =>
    JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as Manifest
  const yaml = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8')
  const list = /^packages:\s*\n((?:[ \t]+-[^\n]*\n?)+)/m.exec(yaml)?.[1] ?? ''
  const globs = [...list.matchAll(/-\s*['"]?([^'"\n#]+?)['"]?\s*(?:#.*)?$/gm)].map((match) => match[1] ?? '')
  const dirs = globs.flatMap((glob) => {
    // Only `dir` and `dir/*` forms, which are all this workspace uses.
    if (!glob.endsWith('/*')) return [glob]
    const parent = glob.slice(0, -2)
    return readdirSync(path.join(root, parent), {withFileTypes: true})
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`)
  })
  const members = dirs.flatMap((dir) => {
    try {
      return [{dir, manifest: readManifest(dir)}]
    } catch {
      return []
    }
  })
  return [{dir: '', manifest: readManifest('')}, ...members]
}

/** The source files git knows of, new ones not yet added included; any deleted from the working tree are skipped. */
export function readTrackedSources(root = repoRoot): SourceFile[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.tsx', '*.mjs', '*.astro'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  return listed
    .split('\0')
    .filter(Boolean)
    .flatMap((file) => {
      try {
        return [{path: file, text: readFileSync(path.join(root, file), 'utf8')}]
      } catch {
        return []
      }
    })
}

if (import.meta.main) {
  const files = readTrackedSources()
  const offences = checkImports(files, readWorkspace())
  for (const offence of offences) console.error(formatOffence(offence))
  console.log(
    offences.length === 0
      ? `Package boundaries: ${String(files.length)} files, no import reaches into another package.`
      : `Package boundaries: ${String(offences.length)} imports reach into another package (above).`,
  )
  process.exitCode = offences.length === 0 ? 0 : 1
}
