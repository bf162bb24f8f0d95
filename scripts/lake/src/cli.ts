// node scripts/lake/src/cli.ts [start|reset] [--data-dir D] [--seed-dir S] [--port 3400]
//   [--https-port 3443 | --no-https] [--host 127.0.0.1] [--project-id itss]
import {rm} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'

import {DEFAULT_HTTP_PORT, DEFAULT_HTTPS_PORT, findRunningLake, startLake} from './index.ts'
import {demoDatasetDir, lakeDataDir} from './local.ts'

const USAGE = `Usage: node scripts/lake/src/cli.ts [start|reset] [options]

  start (default)     serve the dataset; seeds it from --seed-dir when empty
  reset               delete the documents, history and assets, then seed again

  --data-dir <dir>    working data (default: <repo>/.lake)
  --seed-dir <dir>    dataset in Sanity's export format (default: <repo>/dataset)
  --port <n>          HTTP port (default: ${String(DEFAULT_HTTP_PORT)}; 0 picks one)
  --https-port <n>    HTTPS/HTTP2 port (default: ${String(DEFAULT_HTTPS_PORT)}; 0 picks one)
  --no-https          serve plain HTTP only
  --host <host>       interface to listen on (default: 127.0.0.1)
  --project-id <id>   project id to answer as (default: itss)`

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`)
  process.exit(1)
}

function port(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0 || number > 65535) fail(`Invalid port: ${value}`)
  return number
}

async function main(): Promise<void> {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'data-dir': {type: 'string'},
        'seed-dir': {type: 'string'},
        port: {type: 'string'},
        'https-port': {type: 'string'},
        'no-https': {type: 'boolean'},
        host: {type: 'string'},
        'project-id': {type: 'string'},
        help: {type: 'boolean', short: 'h'},
      },
    })
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err))
  }
  const {values, positionals} = parsed
  if (values.help) {
    console.log(USAGE)
    return
  }
  const command = positionals[0] ?? 'start'
  if (!['start', 'reset'].includes(command) || positionals.length > 1) fail(`Unknown command: ${positionals.join(' ')}`)

  const dataDir = path.resolve(values['data-dir'] ?? lakeDataDir)
  const seedDir = path.resolve(values['seed-dir'] ?? demoDatasetDir)
  const options = {
    dataDir,
    seedDir,
    host: values.host,
    projectId: values['project-id'],
    httpPort: port(values.port, DEFAULT_HTTP_PORT),
    httpsPort: values['no-https'] ? (false as const) : port(values['https-port'], DEFAULT_HTTPS_PORT),
  }

  if (command === 'reset') {
    const running = await findRunningLake(dataDir)
    if (running) fail(`A lake (pid ${String(running.pid)}) is serving ${dataDir}; stop it before a reset.`)
    // Keeps the token and certificate, so a Studio that is logged in stays logged in.
    await rm(path.join(dataDir, 'datasets'), {recursive: true, force: true})
    await rm(path.join(dataDir, 'assets'), {recursive: true, force: true})
    const lake = await startLake({...options, httpPort: 0, httpsPort: false})
    await lake.close()
    console.log(`lake: reset ${dataDir} from ${seedDir}`)
    return
  }

  const lake = await startLake(options)
  console.log(
    [
      `lake: serving ${dataDir}`,
      `  http:  ${lake.httpUrl}`,
      ...(lake.httpsUrl
        ? [
            `  https: ${lake.httpsUrl} (browsers: ${lake.httpsUrl.replace(/\/\/[^:]+/, `//${lake.projectId}.localhost`)})`,
          ]
        : []),
      `  project: ${lake.projectId}, datasets: ${lake.datasets.join(', ')}`,
      `  editor token: ${lake.token}`,
      'Ctrl-C to stop.',
    ].join('\n'),
  )
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`lake: ${signal}, closing`)
    lake.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => {
    stop('SIGINT')
  })
  process.on('SIGTERM', () => {
    stop('SIGTERM')
  })
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
