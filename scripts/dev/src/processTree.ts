// The processes below this one, for stopping whatever a tool's children started in turn
// (a dev server's workers, a build's esbuild) when the tool stops. Linux only: elsewhere the
// list is empty and stopping relies on each child closing its own.
import {readdir, readFile} from 'node:fs/promises'

/** Every process's parent, from /proc; empty where there is no /proc. */
async function parents(): Promise<Map<number, number>> {
  const entries = await readdir('/proc').catch(() => [])
  const map = new Map<number, number>()
  await Promise.all(
    entries
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '')
        // "pid (command) state ppid …"; the command may itself hold spaces and parentheses.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        if (stat && Number.isInteger(ppid)) map.set(Number(name), ppid)
      }),
  )
  return map
}

/** The pids of every process below `pid`, children first. */
export async function descendantPids(pid: number = process.pid): Promise<number[]> {
  const parentOf = await parents()
  const found: number[] = []
  for (let frontier = [pid]; frontier.length > 0;) {
    const next = [...parentOf].filter(([, parent]) => frontier.includes(parent)).map(([child]) => child)
    found.push(...next)
    frontier = next
  }
  return found
}

/** Whether `pid` still runs: a zombie (exited, not yet reaped by its parent) does not. */
async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${String(pid)}/stat`, 'utf8').catch(() => null)
  if (stat !== null) return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const signal = (pid: number, name: NodeJS.Signals) => {
  try {
    process.kill(pid, name)
  } catch {
    // Gone already.
  }
}

const stillAlive = async (pids: number[]) =>
  (await Promise.all(pids.map(async (pid) => ((await alive(pid)) ? [pid] : [])))).flat()

/** SIGTERM to every process below this one; SIGKILL to any still there after `graceMs`. */
export async function stopDescendants(graceMs = 5000): Promise<void> {
  let pids = await descendantPids()
  for (const pid of pids) signal(pid, 'SIGTERM')
  for (const deadline = Date.now() + graceMs; pids.length > 0 && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    pids = await stillAlive(pids)
  }
  for (const pid of pids) signal(pid, 'SIGKILL')
}
