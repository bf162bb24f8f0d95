import {expect, test} from 'vitest'

import {astroCommand, shellQuote} from './astro.ts'
import {astroCli, quietEnv, webDir} from './repo.ts'

test('astroCommand runs Astro with this Node, from web/, without telemetry', () => {
  const astro = astroCommand(['build', '--outDir', '/tmp/out dir'])
  expect(astro.command).toBe(process.execPath)
  expect(astro.args).toEqual([astroCli, 'build', '--outDir', '/tmp/out dir'])
  expect(astro.cwd).toBe(webDir)
  expect(astro.env).toEqual(quietEnv)
  expect(astro.shell).toBe(`${shellQuote(process.execPath)} ${shellQuote(astroCli)} build --outDir '/tmp/out dir'`)
})

test('shellQuote leaves plain words alone and quotes the rest', () => {
  expect(shellQuote('--port=4321')).toBe('--port=4321')
  expect(shellQuote("it's here")).toBe(`'it'\\''s here'`)
  expect(shellQuote('$HOME')).toBe(`'$HOME'`)
})
