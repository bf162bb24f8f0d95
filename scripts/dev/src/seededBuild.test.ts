import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, expect, test} from 'vitest'

import {namesEveryPage, pruneOutput, seedOutput} from './seededBuild.ts'

const folders: string[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, {recursive: true, force: true})
})
const tempFolder = async () => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'itss-seeded-'))
  folders.push(folder)
  return folder
}

test('seedOutput copies the named files only, and pruneOutput removes those the next build did not name', async () => {
  const last = await tempFolder()
  const written: Array<[string, string]> = [
    ['index.html', 'home'],
    ['news/old/index.html', 'old'],
    ['news/kept/index.html', 'kept'],
    ['_astro/site.css', 'styles'],
  ]
  for (const [file, text] of written) {
    await mkdir(path.dirname(path.join(last, file)), {recursive: true})
    await writeFile(path.join(last, file), text)
  }
  const next = path.join(await tempFolder(), 'next')
  const files = ['/index.html', '/news/old/index.html', '/news/kept/index.html']
  await seedOutput(last, files, next)
  expect(await readFile(path.join(next, 'news/kept/index.html'), 'utf8')).toBe('kept')
  // Scripts, styles and images are the next build's own to write.
  expect(await readdir(next)).toEqual(['index.html', 'news'])

  const gone = await pruneOutput(next, files, {rendered: ['/index.html'], reused: ['/news/kept/index.html']})
  expect(gone).toEqual(['/news/old/index.html'])
  // The deleted page's folder goes with it; its parent, still holding a page, stays.
  expect(await readdir(path.join(next, 'news'))).toEqual(['kept'])
})

test('namesEveryPage tells a whole log from one cut short', () => {
  const log = [
    '  ├─ /index.html (+3ms)',
    '  ├─ /news/kept/index.html (cached)',
    '  ├─ /rss.xml (cached)',
    '[build] 2 page(s) built in 1.02s',
  ].join('\n')
  const whole = {rendered: ['/index.html'], reused: ['/news/kept/index.html', '/rss.xml']}
  expect(namesEveryPage(log, whole)).toBe(true)
  expect(namesEveryPage(log, {rendered: ['/index.html'], reused: ['/rss.xml']})).toBe(false)
  expect(namesEveryPage(log.split('\n').slice(0, 2).join('\n'), whole)).toBe(false)
})
