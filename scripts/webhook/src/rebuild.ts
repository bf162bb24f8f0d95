// What "rebuild the site" means where the receiver runs, as configured: call a deploy hook
// (Netlify, Vercel, Cloudflare Pages, or GitHub's repository_dispatch to run the CI build) or
// run a command. The receiver knows nothing of the site it rebuilds.
import {spawn} from 'node:child_process'

/** The repository_dispatch event type the CI workflow listens for. */
export const DISPATCH_EVENT_TYPE = 'sanity-content-changed'

export interface Rebuild {
  run: () => Promise<void>
  description: string
}

export function rebuildFromEnv(env: NodeJS.ProcessEnv = process.env): Rebuild {
  if (env.BUILD_HOOK_URL) {
    const url = env.BUILD_HOOK_URL
    return {run: () => callBuildHook(url, env), description: `POST ${new URL(url).origin}${new URL(url).pathname}`}
  }
  if (env.BUILD_COMMAND) {
    const command = env.BUILD_COMMAND
    const cwd = env.BUILD_DIR ?? process.cwd()
    return {run: () => runCommand(command, cwd), description: `run ${command} in ${cwd}`}
  }
  throw new Error(
    'Say what a rebuild does: set BUILD_HOOK_URL to a deploy hook, or BUILD_COMMAND to a command (run in BUILD_DIR, default the working directory).',
  )
}

async function callBuildHook(url: string, env: NodeJS.ProcessEnv): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // GitHub's API refuses requests with no user agent.
      'user-agent': 'itss-webhook-receiver',
      ...(env.BUILD_HOOK_TOKEN ? {authorization: `Bearer ${env.BUILD_HOOK_TOKEN}`} : {}),
    },
    // GitHub's dispatch endpoint needs this body; Netlify and Vercel hooks ignore it.
    body: env.BUILD_HOOK_BODY ?? JSON.stringify({event_type: DISPATCH_EVENT_TYPE}),
    signal: AbortSignal.timeout(30_000),
  })
  // The response body could echo credentials; the status says enough.
  await response.body?.cancel()
  if (!response.ok) throw new Error(`the build hook answered ${response.status} ${response.statusText}`)
}

function runCommand(command: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // No telemetry from the build tools it may run.
    const quiet = {ASTRO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', SANITY_TELEMETRY_DISABLED: '1'}
    const child = spawn(command, [], {cwd, shell: true, stdio: 'inherit', env: {...process.env, ...quiet}})
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the build exited with code ${code}`))))
  })
}
