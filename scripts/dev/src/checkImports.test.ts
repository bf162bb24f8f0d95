import {describe, expect, test} from 'vitest'

import {
  astroScript,
  checkImports,
  formatOffence,
  importsOf,
  isExported,
  readTrackedSources,
  readWorkspace,
  splitSpecifier,
  type WorkspacePackage,
} from './checkImports.ts'

// A workspace shaped like this one.
const workspace: WorkspacePackage[] = [
  {dir: '', manifest: {name: 'root', devDependencies: {vitest: '1', typescript: '5'}}},
  {
    dir: 'scripts/lake',
    manifest: {
      name: '@itss/lake',
      exports: {'.': './src/index.ts', './local': './src/local.ts', './icons/*': './src/icons/*.ts'},
      dependencies: {'@itss/schemas': 'workspace:*'},
    },
  },
  {dir: 'scripts/webhook', manifest: {name: '@itss/webhook', exports: {'.': './src/index.ts'}}},
  {dir: 'web', manifest: {name: '@itss/web', dependencies: {'@itss/lake': 'workspace:*', astro: '7'}}},
  {
    dir: 'tests',
    manifest: {
      name: '@itss/tests',
      devDependencies: {'@itss/lake': 'workspace:*', '@itss/web': 'workspace:*', '@types/proper-lockfile': '4'},
    },
  },
  {dir: 'schemas', manifest: {name: '@itss/schemas', exports: {'.': './src/index.ts', './internal/*': null}}},
]

const check = (path: string, text: string) => checkImports([{path, text}], workspace).map(formatOffence)

describe('checkImports', () => {
  test('reports a relative import into another package, with where it leads', () => {
    expect(check('tests/src/planted.ts', "import {claimDataDir} from '../../scripts/lake/src/datadir.ts'\n")).toEqual([
      'tests/src/planted.ts:1 imports ../../scripts/lake/src/datadir.ts (resolves into scripts/lake, another package; import @itss/lake by name)',
    ])
  })

  test('reports a subpath the package does not export', () => {
    expect(check('web/src/planted.ts', "\n\nexport {x} from '@itss/lake/datadir'\n")).toEqual([
      'web/src/planted.ts:3 imports @itss/lake/datadir (@itss/lake does not export ./datadir)',
    ])
  })

  test('reports a package the importer does not declare', () => {
    expect(check('scripts/webhook/src/planted.ts', "const c = await import('@sanity/client')\n")).toEqual([
      'scripts/webhook/src/planted.ts:1 imports @sanity/client (@sanity/client is not declared in scripts/webhook/package.json)',
    ])
    expect(check('tests/src/planted.ts', "import '@itss/webhook'\n")).toEqual([
      'tests/src/planted.ts:1 imports @itss/webhook (@itss/webhook is not declared in tests/package.json)',
    ])
  })

  test('reports an import of a package with no exports map, and one outside the repository', () => {
    expect(
      check('tests/src/planted.ts', "import {x} from '@itss/web'\nimport y from '../../../elsewhere.ts'\n"),
    ).toEqual([
      'tests/src/planted.ts:1 imports @itss/web (@itss/web has no exports map: nothing in it is for other packages)',
      'tests/src/planted.ts:2 imports ../../../elsewhere.ts (resolves outside the repository)',
    ])
  })

  test('allows what crosses no boundary', () => {
    const text = [
      "import fs from 'node:fs'",
      "import path from 'path'",
      "import {getCollection} from 'astro:content'",
      "import {lake} from '@itss/lake'",
      "import {local} from '@itss/lake/local'",
      "import {icon} from '@itss/lake/icons/star'",
      "import {defineConfig} from 'astro/config'",
      "import {test} from 'vitest'",
      "import {helper} from './helper.ts'",
      "import data from '../../dataset/data.json' with {type: 'json'}",
      "import raw from './logo.svg?raw'",
    ].join('\n')
    expect(check('web/src/fine.ts', text)).toEqual([])
    // Only a type-only import may lean on the package's @types.
    expect(check('tests/src/fine.ts', "import type {Options} from 'proper-lockfile'\n")).toEqual([])
    expect(check('tests/src/notFine.ts', "import lockfile from 'proper-lockfile'\n")).toHaveLength(1)
    // A package's own files, by relative path or by its own name.
    expect(check('scripts/lake/src/a.ts', "import {b} from './b.ts'\nimport {c} from '@itss/lake/local'\n")).toEqual([])
  })

  test('a null export hides a pattern', () => {
    expect(check('scripts/lake/src/a.ts', "import {x} from '@itss/schemas/internal/rules'\n")).toEqual([
      'scripts/lake/src/a.ts:1 imports @itss/schemas/internal/rules (@itss/schemas does not export ./internal/rules)',
    ])
  })

  test('the root is a package too: its files may not reach into a member', () => {
    expect(check('vitest.config.ts', "import {x} from './scripts/lake/src/store.ts'\n")).toEqual([
      'vitest.config.ts:1 imports ./scripts/lake/src/store.ts (resolves into scripts/lake, another package; import @itss/lake by name)',
    ])
  })
})

describe('importsOf', () => {
  test('finds static, re-export, dynamic and type imports, not lookalikes in strings or comments', () => {
    const text = [
      "import a from 'a'",
      "import type {B} from 'b'",
      "export * from 'c'",
      "export type {D} from 'd'",
      "const e = await import('e')",
      "type F = import('f').F",
      "// import g from 'g'",
      'const h = "import h from \'h\'"',
      "import 'i'",
    ].join('\n')
    expect(importsOf({path: 'x.ts', text})).toEqual([
      {specifier: 'a', line: 1, typeOnly: false},
      {specifier: 'b', line: 2, typeOnly: true},
      {specifier: 'c', line: 3, typeOnly: false},
      {specifier: 'd', line: 4, typeOnly: true},
      {specifier: 'e', line: 5, typeOnly: false},
      {specifier: 'f', line: 6, typeOnly: true},
      {specifier: 'i', line: 9, typeOnly: false},
    ])
  })

  test('reads an .astro file’s frontmatter and scripts, at their own lines', () => {
    const text = [
      '---',
      "import Layout from '../layouts/Layout.astro'",
      '---',
      '<p>import fake from "not-code"</p>',
      '<script>',
      "  import {search} from '../lib/search.ts'",
      '</script>',
      '<script type="application/ld+json">{"@context": "https://schema.org"}</script>',
    ].join('\n')
    expect(astroScript(text)).toHaveLength(text.length)
    expect(importsOf({path: 'web/src/pages/x.astro', text}).map(({specifier, line}) => [specifier, line])).toEqual([
      ['../layouts/Layout.astro', 2],
      ['../lib/search.ts', 6],
    ])
  })
})

test('splitSpecifier and isExported', () => {
  expect(splitSpecifier('@itss/lake/local')).toEqual(['@itss/lake', './local'])
  expect(splitSpecifier('astro/config')).toEqual(['astro', './config'])
  expect(splitSpecifier('vitest')).toEqual(['vitest', '.'])
  expect(isExported('./index.js', '.')).toBe(true)
  expect(isExported('./index.js', './x')).toBe(false)
  expect(isExported({import: './a.js', default: './b.js'}, '.')).toBe(true)
  expect(isExported({'.': './a.js'}, './a')).toBe(false)
  expect(isExported(undefined, '.')).toBe(false)
})

test('this repository has no import that crosses a package boundary', () => {
  const offences = checkImports(readTrackedSources(), readWorkspace())
  expect(offences.map(formatOffence)).toEqual([])
})
