import {readFile, readdir} from 'node:fs/promises'
import http2 from 'node:http2'
import path from 'node:path'
import tls from 'node:tls'

import {exportDataset} from '@sanity/export'
import sharp from 'sharp'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {Lake} from './index.ts'
import {clientFor, makeSeedDir, removeDir, tempDir, testLake} from './testing.ts'

let dir: string
let seedDir: string
let lake: Lake

beforeAll(async () => {
  dir = await tempDir()
  seedDir = await makeSeedDir()
  lake = await testLake(dir, {seedDir, httpsPort: 0})
})

afterAll(async () => {
  await lake.close()
  await removeDir(dir)
  await removeDir(seedDir)
})

interface ImageAsset {
  _id: string
  url: string
  path: string
  metadata: {dimensions: {width: number; height: number; aspectRatio: number}; lqip?: string}
}

describe('seeding through @sanity/import', () => {
  it('imports the documents and uploads the image, with references set', async () => {
    const client = clientFor(lake).withConfig({perspective: 'raw'})
    expect(await client.fetch('count(*[_type in ["faq", "person", "team", "page"]])')).toBe(6)
    const home = await client.fetch<{hero: {asset: ImageAsset}; draft: string}>(
      '*[_id == "page-home"][0]{hero{asset->}, "draft": *[_id == "drafts.faq-2"][0].question}',
    )
    expect(home.draft).toBe('Who funds ITSS?')
    const asset = home.hero.asset
    expect(asset._id).toMatch(/^image-[a-f0-9]{40}-64x32-png$/)
    expect(asset).toMatchObject({
      _type: 'sanity.imageAsset',
      mimeType: 'image/png',
      extension: 'png',
      originalFilename: 'banner.png',
      metadata: {dimensions: {width: 64, height: 32, aspectRatio: 2}},
    })
    expect(asset.url).toBe(`${lake.httpUrl}/${asset.path}`)
    // Strong references come back strong once the import is done.
    expect(await client.fetch('*[_id == "person-1"][0].team')).toEqual({_type: 'reference', _ref: 'team-1'})
  })

  it('does not seed again once the dataset has documents', async () => {
    await lake.close()
    lake = await testLake(dir, {seedDir, httpsPort: 0})
    expect(await clientFor(lake).fetch('count(*[_type == "faq"])', {}, {perspective: 'raw'})).toBe(3)
  })
})

describe('asset serving', () => {
  const imageUrl = () => clientFor(lake).fetch<string>('*[_type == "sanity.imageAsset"][0].url')

  it('serves the original image, and resizes, crops and converts it', async () => {
    const url = await imageUrl()
    const original = await fetch(url)
    expect(original.headers.get('content-type')).toBe('image/png')
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width).toBe(64)

    const resized = await fetch(`${url}?w=16`)
    expect(await sharp(Buffer.from(await resized.arrayBuffer())).metadata()).toMatchObject({width: 16, height: 8})

    const cropped = await fetch(`${url}?rect=0,0,32,32&w=10&h=10&fit=crop&fm=webp`)
    expect(cropped.headers.get('content-type')).toBe('image/webp')
    expect(await sharp(Buffer.from(await cropped.arrayBuffer())).metadata()).toMatchObject({
      width: 10,
      height: 10,
      format: 'webp',
    })

    const head = await fetch(url, {method: 'HEAD'})
    expect(head.status).toBe(200)
    expect((await fetch(url.replace(/[a-f0-9]{40}/, 'f'.repeat(40)))).status).toBe(404)
  })

  it('uploads a file and returns the same document for the same bytes', async () => {
    const client = clientFor(lake)
    const bytes = Buffer.from('%PDF-1.4\n% a tiny not-really pdf\n')
    const first = await client.assets.upload('file', bytes, {filename: 'report.pdf'})
    const second = await client.assets.upload('file', bytes, {filename: 'copy.pdf'})
    expect(first._id).toBe(second._id)
    expect(first).toMatchObject({
      _type: 'sanity.fileAsset',
      mimeType: 'application/pdf',
      extension: 'pdf',
      size: bytes.length,
    })
    const download = await fetch(first.url)
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes)
    await expect(client.assets.upload('image', bytes)).rejects.toMatchObject({statusCode: 400})
  })
})

describe('export', () => {
  it('round-trips through @sanity/export, assets included', async () => {
    const out = await tempDir('lake-export-')
    try {
      const outputPath = path.join(out, 'export.tar.gz')
      const result = await exportDataset({client: clientFor(lake), dataset: 'production', outputPath, mode: 'cursor'})
      expect(result).toHaveProperty('documentCount', expect.any(Number))
      expect((await readFile(outputPath)).length).toBeGreaterThan(100)
      const typed = await fetch(`${lake.httpUrl}/v2025-02-19/data/export/production?types=faq`, {
        headers: {Authorization: `Bearer ${lake.token}`},
      })
      expect((await typed.text()).trim().split('\n')).toHaveLength(3)
    } finally {
      await removeDir(out)
    }
  })
})

describe('HTTPS', () => {
  it('answers queries over HTTPS with a certificate for localhost and 127.0.0.1, and speaks HTTP/2', async () => {
    const {httpsUrl, certPath} = lake
    if (!httpsUrl || !certPath) throw new Error('No HTTPS server')
    expect(httpsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const cert = await readFile(certPath, 'utf8')
    // Trust the lake's own certificate in this test file's process only.
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), cert])
    const client = clientFor(lake, true, httpsUrl)
    expect(await client.fetch('*[_id == "faq-1"][0].question')).toBe('What is ITSS?')

    const session = http2.connect(httpsUrl.replace('127.0.0.1', 'localhost'), {ca: cert})
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const request = session.request({':path': '/v1/ping'})
        let text = ''
        request.setEncoding('utf8')
        request.on('data', (chunk: string) => (text += chunk))
        request.on('end', () => resolve(text))
        request.on('error', reject)
        request.end()
      })
      expect(body).toBe('PONG')
      expect(session.alpnProtocol).toBe('h2')
    } finally {
      session.close()
    }
    expect(await readdir(path.join(dir, 'tls'))).toEqual(['cert.pem', 'key.pem'])
  })
})
