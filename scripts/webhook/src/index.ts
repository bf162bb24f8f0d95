// The rebuild webhook receiver: Sanity calls it when content changes; it checks the call is
// Sanity's, fresh and new, and asks for one rebuild per burst of changes.
//
// Serverless use (Netlify, Vercel, Cloudflare-style functions): export `handleWebhook` as the
// function. Local use: `pnpm webhook` (see cli.ts).
import {createRebuildScheduler, DEFAULT_DEBOUNCE_MS, type RebuildScheduler} from './debounce.ts'
import {createWebhookHandler, jsonResponse, type WebhookHandler} from './handler.ts'
import {rebuildFromEnv} from './rebuild.ts'

export {createRebuildScheduler, DEFAULT_DEBOUNCE_MS, type RebuildScheduler} from './debounce.ts'
export {
  createWebhookHandler,
  eventIdOf,
  type AcceptedEvent,
  type WebhookHandler,
  type WebhookOptions,
} from './handler.ts'
export {rebuildFromEnv, DISPATCH_EVENT_TYPE, type Rebuild} from './rebuild.ts'
export {MemoryReplayStore, type ReplayStore} from './replay.ts'
export {startWebhookServer, type WebhookServer} from './server.ts'
export {DEFAULT_TOLERANCE_MS, SIGNATURE_HEADER, signatureHeader, verifySignature} from './signature.ts'

export interface ConfiguredReceiver {
  handler: WebhookHandler
  scheduler: RebuildScheduler
  /** What a rebuild does, for logs. */
  rebuild: string
}

/**
 * The receiver as configured by environment variables: SANITY_WEBHOOK_SECRET (required),
 * REBUILD_DEBOUNCE_MS (the least time between the starts of two rebuilds, default 30 s; 0 triggers
 * each rebuild before answering), and BUILD_HOOK_URL / BUILD_HOOK_TOKEN / BUILD_HOOK_BODY
 * or BUILD_COMMAND for what a rebuild does (see rebuild.ts).
 */
export function receiverFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => console.log(line),
): ConfiguredReceiver {
  const secret = env.SANITY_WEBHOOK_SECRET
  if (!secret) throw new Error('Set SANITY_WEBHOOK_SECRET to the secret of the webhook in Sanity.')
  const minIntervalMs = env.REBUILD_DEBOUNCE_MS ? Number(env.REBUILD_DEBOUNCE_MS) : DEFAULT_DEBOUNCE_MS
  if (!Number.isFinite(minIntervalMs) || minIntervalMs < 0)
    throw new Error('REBUILD_DEBOUNCE_MS must be a number of milliseconds.')
  const rebuild = rebuildFromEnv(env)
  const runRebuild = async () => {
    log(`webhook: rebuilding (${rebuild.description})`)
    await rebuild.run()
    log('webhook: rebuild done')
  }
  const scheduler = createRebuildScheduler({
    minIntervalMs,
    rebuild: runRebuild,
    onError: (error) => log(`webhook: rebuild failed: ${error instanceof Error ? error.message : String(error)}`),
  })
  // A serverless function may be frozen once it has answered, so a timer set for later might
  // never fire. There REBUILD_DEBOUNCE_MS=0 triggers the rebuild before answering, and the
  // build platform coalesces bursts (the CI workflow's concurrency group does).
  const onAccepted = minIntervalMs === 0 ? runRebuild : () => scheduler.schedule()
  const handler = createWebhookHandler({secret, onAccepted, log})
  return {handler, scheduler, rebuild: rebuild.description}
}

let configured: ConfiguredReceiver | undefined

/** The serverless entry point: configured from process.env on first use. */
export async function handleWebhook(request: Request): Promise<Response> {
  if (!configured) {
    // Fail closed, and say why in the platform's logs rather than to the caller.
    if (!process.env.SANITY_WEBHOOK_SECRET) {
      console.error('webhook: SANITY_WEBHOOK_SECRET is not set; refusing every delivery')
      return jsonResponse(500, {error: 'receiver not configured'})
    }
    configured = receiverFromEnv(process.env)
  }
  return configured.handler(request)
}
