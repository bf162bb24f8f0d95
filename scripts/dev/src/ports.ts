// A tool's ports, checked before it starts anything: a taken port is then one clear line at
// once, naming the variable that moves it, instead of a stack trace after a minute of building.
import net from 'node:net'

export interface PortUse {
  /** The environment variable that sets it, e.g. STUDIO_PORT. */
  variable: string
  /** What listens on it, e.g. "the Studio". */
  what: string
  port: number
  /** The variable's value as given, for the message when it is no port number. */
  raw: string
}

/** A port from the environment: `variable` if set, else `fallback`. */
export function portFromEnv(
  variable: string,
  fallback: number,
  what: string,
  env: NodeJS.ProcessEnv = process.env,
): PortUse {
  const raw = env[variable] ?? String(fallback)
  return {variable, what, port: Number(raw), raw}
}

/** Why `port` cannot be listened on (an error code such as EADDRINUSE), or null when it can. */
export type PortProbe = (port: number) => Promise<string | null>

/** Tries to listen on `host:port` and lets go at once; every server here listens on loopback. */
export function probePort(port: number, host = '127.0.0.1'): Promise<string | null> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code ?? 'an error')
    })
    server.listen({port, host, exclusive: true}, () => {
      server.close(() => {
        resolve(null)
      })
    })
  })
}

const isPortNumber = (port: number) => Number.isInteger(port) && port >= 1 && port <= 65535

/** A port just above `from` that is free and none of `taken`, to suggest instead; or null. */
export async function suggestPort(
  from: number,
  taken: ReadonlySet<number>,
  probe: PortProbe = probePort,
): Promise<number | null> {
  for (let port = from + 1; port <= Math.min(from + 100, 65535); port++) {
    if (!taken.has(port) && (await probe(port)) === null) return port
  }
  return null
}

/** The line for a port something else holds, with a command that moves this one. */
export function portTakenMessage(use: PortUse, reason: string, alternative: number | null, command: string): string {
  const choose = `${use.variable}=${alternative === null ? '<port>' : String(alternative)} ${command}`
  return reason === 'EADDRINUSE'
    ? `Port ${String(use.port)} (${use.what}) is in use. Stop what is using it, or choose another: ${choose}`
    : `Port ${String(use.port)} (${use.what}) cannot be listened on (${reason}). Choose another: ${choose}`
}

/**
 * Every problem with `uses`, one line each, or none: a value that is no port number, one port
 * given to two servers, a port that cannot be listened on. Each line says how to choose another.
 */
export async function checkPorts(
  uses: readonly PortUse[],
  options: {probe?: PortProbe; command?: string} = {},
): Promise<string[]> {
  const probe = options.probe ?? probePort
  const command = options.command ?? 'pnpm start'
  const problems: string[] = []
  // Never suggest a port another server here is configured to use, nor one suggested already.
  const taken = new Set(uses.map((use) => use.port))
  const suggest = async (port: number) => {
    const alternative = await suggestPort(port, taken, probe)
    if (alternative !== null) taken.add(alternative)
    return alternative
  }

  const seen = new Map<number, PortUse>()
  for (const use of uses) {
    if (!isPortNumber(use.port)) {
      problems.push(`${use.variable} is "${use.raw}", which is not a port number (1-65535).`)
      continue
    }
    const first = seen.get(use.port)
    if (first) {
      const alternative = await suggest(use.port)
      problems.push(
        `${first.variable} and ${use.variable} are both ${String(use.port)}: ${first.what} and ${use.what} need a port each. ` +
          `Choose another: ${use.variable}=${alternative === null ? '<port>' : String(alternative)} ${command}`,
      )
      continue
    }
    seen.set(use.port, use)
    const reason = await probe(use.port)
    if (reason !== null) problems.push(portTakenMessage(use, reason, await suggest(use.port), command))
  }
  return problems
}
