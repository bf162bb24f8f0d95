// The draft preview: Astro's dev server reading the drafts perspective, so an editor's saved
// draft shows on the next reload. The Studio's Preview action opens pages here. It reads the
// local backend serving LAKE_DATA_DIR (or .lake), or the Sanity project in SANITY_*. It is
// also the Studio's Presentation tool's preview, whose handshake (/preview-mode/enable) marks
// the browser; listening beyond loopback (--host), it shows drafts only to such a browser.
//
//   node scripts/dev/src/draftPreview.ts [--port 4322] [--host 0.0.0.0]     (pnpm preview)
import {spawn} from 'node:child_process'
import {parseArgs} from 'node:util'

import {astroCommand} from './astro.ts'

export const DEFAULT_PREVIEW_PORT = 4322

/**
 * Where the draft preview on `port` is addressed: as 127.0.0.1, a site apart from the Studio's
 * (localhost), as a deployed preview is, so the Presentation tool's frame runs in a browser
 * process of its own, not held up by the editor's typing.
 */
export const draftPreviewOrigin = (port: number) => `http://127.0.0.1:${String(port)}`

export interface DraftPreview {
  url: string
  /** What the dev server has printed so far. */
  output(): string
  /** Stops the dev server and resolves once it has exited. */
  close(): Promise<void>
}

/**
 * Starts the draft preview on loopback and resolves once it answers; rejects, with the dev
 * server's output, if it exits or does not answer within two minutes.
 */
export async function startDraftPreview(options: {
  port: number
  /** The interface to listen on; loopback (127.0.0.1) by default. */
  host?: string
  /** The environment the dev server runs in (this process's by default). */
  env?: NodeJS.ProcessEnv
  /** Told each chunk of the dev server's output as it comes. */
  log?: (text: string) => void
  /** Stops the dev server (SIGTERM) when aborted, starting or not. */
  signal?: AbortSignal
}): Promise<DraftPreview> {
  const host = options.host ?? '127.0.0.1'
  const astro = astroCommand(['dev', '--port', String(options.port), '--host', host])
  // Anyone who can reach a non-loopback address could read drafts without the handshake.
  const loopback = /^(127\.0\.0\.1|localhost|::1)$/.test(host)
  const dev = spawn(astro.command, astro.args, {
    cwd: astro.cwd,
    env: {
      ...(options.env ?? process.env),
      ...astro.env,
      SANITY_PERSPECTIVE: 'drafts',
      ITSS_PREVIEW_HANDSHAKE: loopback ? 'optional' : 'required',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.signal ? {signal: options.signal} : {}),
  })
  dev.on('error', () => undefined)
  let output = ''
  for (const stream of [dev.stdout, dev.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      options.log?.(chunk.toString())
    })
  }
  const exited = new Promise<void>((resolve) => {
    dev.once('close', () => {
      resolve()
    })
  })
  const running = () => dev.exitCode === null && dev.signalCode === null
  const close = async () => {
    if (running()) dev.kill('SIGTERM')
    // A dev server that ignores SIGTERM is not left behind.
    const force = setTimeout(() => {
      if (running()) dev.kill('SIGKILL')
    }, 5000)
    await exited
    clearTimeout(force)
  }

  const origin = draftPreviewOrigin(options.port)
  // Killed by a signal (the abort), the server has a signalCode and no exitCode.
  for (const deadline = Date.now() + 120_000; Date.now() < deadline && running();) {
    const answered = await fetch(`${origin}/robots.txt`).then(
      (response) => response.ok,
      () => false,
    )
    if (answered) return {url: origin, output: () => output, close}
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await close()
  throw new Error(`The draft preview did not start:\n${output.trim()}`)
}

async function main(): Promise<void> {
  const {values} = parseArgs({options: {port: {type: 'string'}, host: {type: 'string'}}})
  const preview = await startDraftPreview({
    port: Number(values.port ?? DEFAULT_PREVIEW_PORT),
    ...(values.host ? {host: values.host} : {}),
    log: (text) => process.stdout.write(text),
  })
  console.log(`\nDraft preview: ${preview.url}/ (unpublished changes show on reload). Ctrl-C stops it.`)
  const stop = () => void preview.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (import.meta.main) await main()
