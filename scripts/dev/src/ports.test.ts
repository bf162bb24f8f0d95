import net from 'node:net'
import {afterEach, describe, expect, test} from 'vitest'

import {checkPorts, portFromEnv, probePort, type PortProbe} from './ports.ts'

/** A machine where `busy` ports are taken and every other is free. */
const machine =
  (...busy: number[]): PortProbe =>
  (port) =>
    Promise.resolve(busy.includes(port) ? 'EADDRINUSE' : null)

const uses = (env: NodeJS.ProcessEnv = {}) => [
  portFromEnv('PORT', 4321, 'the site', env),
  portFromEnv('STUDIO_PORT', 3333, 'the Studio', env),
  portFromEnv('PREVIEW_PORT', 4322, 'the draft preview', env),
]

describe('checkPorts', () => {
  test('all free: nothing to say', async () => {
    expect(await checkPorts(uses(), {probe: machine()})).toEqual([])
  })

  test('a taken port: which, what for, and the next free one to choose instead', async () => {
    expect(await checkPorts(uses(), {probe: machine(3333, 3334)})).toEqual([
      'Port 3333 (the Studio) is in use. Stop what is using it, or choose another: STUDIO_PORT=3335 pnpm start',
    ])
  })

  test('never suggests a port another server here uses, nor the same one twice', async () => {
    // 4321 and 4322 are both busy: the site may not be offered 4322 (the preview's), and the
    // preview may not be offered 4323 once the site has been.
    expect(await checkPorts(uses(), {probe: machine(4321, 4322)})).toEqual([
      'Port 4321 (the site) is in use. Stop what is using it, or choose another: PORT=4323 pnpm start',
      'Port 4322 (the draft preview) is in use. Stop what is using it, or choose another: PREVIEW_PORT=4324 pnpm start',
    ])
  })

  test('a value that is no port, and one port given to two servers', async () => {
    expect(await checkPorts(uses({PORT: 'abc', PREVIEW_PORT: '3333'}), {probe: machine()})).toEqual([
      'PORT is "abc", which is not a port number (1-65535).',
      'STUDIO_PORT and PREVIEW_PORT are both 3333: the Studio and the draft preview need a port each. Choose another: PREVIEW_PORT=3334 pnpm start',
    ])
  })

  test('a port that may not be listened on says why', async () => {
    const probe: PortProbe = (port) => Promise.resolve(port === 80 ? 'EACCES' : null)
    expect(await checkPorts([portFromEnv('PORT', 4321, 'the site', {PORT: '80'})], {probe})).toEqual([
      'Port 80 (the site) cannot be listened on (EACCES). Choose another: PORT=81 pnpm start',
    ])
  })
})

describe('probePort', () => {
  let server: net.Server | undefined
  afterEach(async () => {
    const open = server
    server = undefined
    if (open) await new Promise((resolve) => open.close(resolve))
  })

  test('tells a taken port from a free one', async () => {
    const listening = net.createServer()
    server = listening
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
    const {port} = listening.address() as net.AddressInfo
    expect(await probePort(port)).toBe('EADDRINUSE')
    await new Promise((resolve) => listening.close(resolve))
    server = undefined
    expect(await probePort(port)).toBeNull()
  })
})
