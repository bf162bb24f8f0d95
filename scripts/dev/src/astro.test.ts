import path from 'node:path'
import {expect, test} from 'vitest'

import {astroCommand, builtFiles, shellQuote} from './astro.ts'
import {astroCli, quietEnv, webDir} from './repo.ts'

test('astroCommand runs Astro with this Node, from web/, without telemetry', () => {
  const astro = astroCommand(['build', '--outDir', '/tmp/out dir'])
  expect(astro.command).toBe(process.execPath)
  expect(astro.args).toEqual([astroCli, 'build', '--outDir', '/tmp/out dir'])
  expect(astro.cwd).toBe(webDir)
  expect(astro.env).toEqual({...quietEnv, NODE_COMPILE_CACHE: path.join(webDir, 'node_modules/.cache/node-compile')})
  expect(astro.shell).toBe(`${shellQuote(process.execPath)} ${shellQuote(astroCli)} build --outDir '/tmp/out dir'`)
})

test('shellQuote leaves plain words alone and quotes the rest', () => {
  expect(shellQuote('--port=4321')).toBe('--port=4321')
  expect(shellQuote("it's here")).toBe(`'it'\\''s here'`)
  expect(shellQuote('$HOME')).toBe(`'$HOME'`)
})

test("builtFiles reads which files a build rendered and which it copied from Astro's log", () => {
  const log = [
    '17:18:46   ├─ /events/index.html (+11ms) ',
    '17:18:46   ├─ /about-us/index.html (restored)',
    '17:18:46   ├─ /news/a/index.html (cached)',
    '17:18:46   ├─ /rss.xml (+2ms) ',
  ].join('\n')
  expect(builtFiles(log)).toEqual({
    rendered: ['/events/index.html', '/rss.xml'],
    reused: ['/about-us/index.html', '/news/a/index.html'],
  })
})

test('builtFiles reads a coloured log too (FORCE_COLOR, or a terminal)', () => {
  const log = [
    '17:18:46   \u001b[34m├─\u001b[39m \u001b[2m/events/index.html\u001b[22m \u001b[2m(+11ms)\u001b[22m ',
    '17:18:46   \u001b[32m├─\u001b[39m \u001b[2m/about-us/index.html\u001b[22m \u001b[32m(restored)\u001b[39m',
  ].join('\n')
  expect(builtFiles(log)).toEqual({rendered: ['/events/index.html'], reused: ['/about-us/index.html']})
})

test('builtFiles reads the log of pages rendered several at a time, where names and times interleave', () => {
  const log = [
    '21:02:39   ├─ /404.html21:02:39   ├─ /events/index.html21:02:39   ├─ /about-us/index.html (restored)',
    '21:02:39   ├─ /rss.xml (+250ms) ',
    ' (+251ms) ',
    ' (+12ms) ',
  ].join('\n')
  expect(builtFiles(log)).toEqual({
    rendered: ['/404.html', '/events/index.html', '/rss.xml'],
    reused: ['/about-us/index.html'],
  })
})
