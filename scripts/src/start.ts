// README command 1: the local content backend, a build of the site from it, and a server
// for the built site, all on localhost. Ctrl-C stops everything.
import {spawn, type ChildProcess} from 'node:child_process'
import path from 'node:path'
import {ensureLocalLake} from './localLake.ts'
import {quietEnv, repoRoot} from './repo.ts'
import {serveSite} from './serveSite.ts'

const webDir = path.join(repoRoot, 'web')
// Run with this Node, not whichever `node` is first on PATH (the system one may be too old).
const astro = path.join(webDir, 'node_modules/astro/bin/astro.mjs')
const SITE_PORT = Number(process.env.PORT ?? 4321)

function astroCommand(args: string[]): ChildProcess {
  return spawn(process.execPath, [astro, ...args], {cwd: webDir, stdio: 'inherit', env: {...process.env, ...quietEnv}})
}

const lake = await ensureLocalLake({log: (line) => console.log(line)})

const build = astroCommand(['build'])
const buildCode = await new Promise<number | null>((resolve) => build.on('close', resolve))
if (buildCode !== 0) {
  await lake.close()
  console.error('The site did not build; the messages above say why.')
  process.exit(1)
}

const site = await serveSite(path.join(webDir, 'dist'), SITE_PORT)
console.log(
  [
    '',
    'ITSS is running:',
    `  site:             ${site.url}`,
    `  content backend:  ${lake.httpUrl} (HTTPS for browsers: ${lake.httpsUrl ?? 'off'})`,
    `  editor token:     ${lake.token}`,
    'Rebuild after editing content: pnpm build. Ctrl-C stops everything.',
    '',
  ].join('\n'),
)

const stop = async () => {
  site.close()
  await lake.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
