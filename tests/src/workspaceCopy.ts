import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdir, readdir, realpath, symlink} from 'node:fs/promises'
import path from 'node:path'
import {repoRoot} from '@itss/dev'

const PACKAGES = [
  'schemas',
  'studio',
  'web',
  'scripts/lake',
  'scripts/webhook',
  'scripts/bench',
  'scripts/dev',
  'tests',
]

/**
 * A copy of the repository's tracked files in `dir`, with the installed dependencies linked
 * rather than copied, and the workspace's own packages pointing into the copy, so a change
 * made there (a new schema type, say) is what the copy's Studio, site and tests see.
 */
export async function copyWorkspace(dir: string): Promise<void> {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {cwd: repoRoot})
    .toString()
    .split('\n')
    .filter(Boolean)
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), {recursive: true})
    await cp(path.join(repoRoot, file), path.join(dir, file)).catch(() => {})
  }
  for (const pkg of ['', ...PACKAGES]) {
    const source = path.join(repoRoot, pkg, 'node_modules')
    // A package with no dependencies has no node_modules.
    if (!existsSync(source)) continue
    const target = path.join(dir, pkg, 'node_modules')
    await mkdir(target, {recursive: true})
    for (const entry of await readdir(source)) {
      if (entry === '@itss') {
        await mkdir(path.join(target, '@itss'))
        for (const own of await readdir(path.join(source, '@itss'))) {
          const folder = path.relative(repoRoot, await realpath(path.join(source, '@itss', own)))
          await symlink(path.join(dir, folder), path.join(target, '@itss', own))
        }
      } else await symlink(path.join(source, entry), path.join(target, entry))
    }
  }
}
