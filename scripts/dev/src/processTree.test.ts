import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {expect, test} from 'vitest'

import {descendantPids} from './processTree.ts'

test.runIf(existsSync('/proc'))('descendantPids finds a grandchild', async () => {
  // A shell whose own child is a sleep: both are below this process.
  const shell = spawn('sh', ['-c', 'sleep 30 & wait'], {stdio: 'ignore'})
  try {
    let pids: number[] = []
    for (let tries = 0; tries < 50 && pids.length < 2; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      pids = await descendantPids()
    }
    expect(pids).toContain(shell.pid)
    expect(pids.length).toBeGreaterThanOrEqual(2)
    expect(await descendantPids(shell.pid)).toHaveLength(1)
  } finally {
    for (const pid of await descendantPids(shell.pid)) process.kill(pid, 'SIGKILL')
    shell.kill('SIGKILL')
  }
})
