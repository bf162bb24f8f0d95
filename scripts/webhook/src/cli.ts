// `pnpm webhook`: the rebuild webhook receiver as a local server on 127.0.0.1. Put a tunnel
// or a reverse proxy in front of it to receive Sanity's webhooks from the internet.
import {receiverFromEnv, startWebhookServer} from './index.ts'

const port = Number(process.env.WEBHOOK_PORT ?? 3500)
const host = process.env.WEBHOOK_HOST ?? '127.0.0.1'

let receiver
try {
  receiver = receiverFromEnv(process.env)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
const server = await startWebhookServer({handler: receiver.handler, port, host})
console.log(`Webhook receiver at ${server.url}/ (a rebuild does: ${receiver.rebuild}). Ctrl-C stops it.`)

const stop = async () => {
  await server.close()
  await receiver.scheduler.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
