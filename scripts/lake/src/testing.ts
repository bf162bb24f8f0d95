// Helpers for the lake's tests: temp data dirs, a lake on ephemeral ports, real clients.
import {spawn} from 'node:child_process'
import {mkdtemp, mkdir, rm, writeFile} from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import {createClient} from '@sanity/client'
import type {SanityClient} from '@sanity/client'
import sharp from 'sharp'

import {clientConfigFor} from '@itss/schemas/api'

import {findRunningLake, startLake} from './index.ts'
import type {Lake, LakeOptions} from './index.ts'

export async function tempDir(prefix = 'lake-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix))
}

export const removeDir = (dir: string) => rm(dir, {recursive: true, force: true})

/** A loopback port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('The probe server had no port')
  return address.port
}

export function testLake(dataDir: string, options: Partial<LakeOptions> = {}): Promise<Lake> {
  return startLake({dataDir, httpPort: 0, httpsPort: false, log: () => undefined, ...options})
}

export function clientFor(
  lake: Pick<Lake, 'httpUrl' | 'projectId' | 'token'>,
  withToken = true,
  apiHost = lake.httpUrl,
): SanityClient {
  return createClient({
    ...clientConfigFor({apiHost, projectId: lake.projectId, token: withToken ? lake.token : undefined}),
    maxRetries: 0,
  })
}

/** A small seed folder in Sanity's export format: a few documents and one PNG. */
export async function makeSeedDir(): Promise<string> {
  const dir = await tempDir('lake-seed-')
  await mkdir(path.join(dir, 'images'))
  const png = await sharp({create: {width: 64, height: 32, channels: 3, background: {r: 200, g: 30, b: 30}}})
    .png()
    .toBuffer()
  await writeFile(path.join(dir, 'images', 'banner.png'), png)
  const docs = [
    {_id: 'faq-1', _type: 'faq', question: 'What is ITSS?', order: 1},
    {_id: 'faq-2', _type: 'faq', question: 'Who funds it?', order: 2},
    {_id: 'drafts.faq-2', _type: 'faq', question: 'Who funds ITSS?', order: 2},
    {_id: 'person-1', _type: 'person', name: 'Ada', team: {_type: 'reference', _ref: 'team-1'}},
    {_id: 'team-1', _type: 'team', title: 'Research'},
    {
      _id: 'page-home',
      _type: 'page',
      title: 'Home',
      hero: {_type: 'image', _sanityAsset: 'image@file://./images/banner.png'},
    },
  ]
  await writeFile(path.join(dir, 'data.ndjson'), docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
  return dir
}

/**
 * A lake in a child process on `dir`, for tests that kill it outright; by default with no
 * seed and plain HTTP on a free port. Resolves once it answers, with the child and what its
 * lake.json says.
 */
export async function startChildLake(
  dir: string,
  options = ['--seed-dir', path.join(dir, 'no-seed'), '--port', '0', '--no-https'],
) {
  const cli = path.join(import.meta.dirname, 'cli.ts')
  const child = spawn(process.execPath, [cli, 'start', '--data-dir', dir, ...options], {stdio: 'ignore'})
  let running = null
  for (let i = 0; i < 100 && !running; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    running = await findRunningLake(dir)
  }
  if (!running) {
    child.kill('SIGKILL')
    throw new Error('The lake in the child process did not start')
  }
  return {child, running}
}
