// Files in the data directory besides the datasets: the editor token, and lake.json,
// which says which process serves the directory (and doubles as its lock).
import {randomBytes} from 'node:crypto'
import {mkdir, readFile, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'

import {errorCode} from './fileErrors.ts'

export interface LakeInfo {
  pid: number
  httpUrl: string
  httpsUrl?: string | undefined
  projectId: string
}

export const lakeFile = (dataDir: string) => path.join(dataDir, 'lake.json')
export const datasetDir = (dataDir: string, dataset: string) => path.join(dataDir, 'datasets', dataset)
export const assetDir = (dataDir: string, dataset: string) => path.join(dataDir, 'assets', dataset)

/** The editor token: generated once, kept so the Studio's stored login stays valid. */
export async function loadToken(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'token')
  const existing = await readFile(file, 'utf8').catch(() => '')
  if (existing.trim().length >= 32) return existing.trim()
  const token = `sk${randomBytes(36).toString('base64url')}`
  await mkdir(dataDir, {recursive: true})
  await writeFile(file, `${token}\n`, {mode: 0o600})
  return token
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(err) === 'EPERM'
  }
}

export async function pingLake(httpUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${httpUrl}/v1/ping`, {signal: AbortSignal.timeout(2000)})
    return response.ok && (await response.text()) === 'PONG'
  } catch {
    return false
  }
}

export async function readLakeFile(dataDir: string): Promise<Partial<LakeInfo> | null> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(lakeFile(dataDir), 'utf8'))
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const info: Partial<LakeInfo> = {}
  if ('pid' in parsed && typeof parsed.pid === 'number') info.pid = parsed.pid
  if ('httpUrl' in parsed && typeof parsed.httpUrl === 'string') info.httpUrl = parsed.httpUrl
  if ('httpsUrl' in parsed && typeof parsed.httpsUrl === 'string') info.httpsUrl = parsed.httpsUrl
  if ('projectId' in parsed && typeof parsed.projectId === 'string') info.projectId = parsed.projectId
  return info
}

/**
 * Claims the directory for this process. The exclusive create makes two starting lakes
 * race fairly; a lake.json left by a dead process is taken over.
 */
export async function claimDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, {recursive: true})
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lakeFile(dataDir), JSON.stringify({pid: process.pid}), {flag: 'wx'})
      return
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err
    }
    const holder = await readLakeFile(dataDir)
    // A live pid that no longer answers at its URL is a reused pid, not a lake. One without
    // a URL yet is a lake still starting.
    if (holder?.pid && isAlive(holder.pid) && (!holder.httpUrl || (await pingLake(holder.httpUrl)))) {
      const where = holder.httpUrl ? ` at ${holder.httpUrl}` : ''
      throw new Error(`${dataDir} is already served by a lake (pid ${String(holder.pid)}${where})`)
    }
    await unlink(lakeFile(dataDir)).catch(() => undefined)
  }
  throw new Error(`Could not claim ${dataDir}`)
}

export async function writeLakeFile(dataDir: string, info: LakeInfo): Promise<void> {
  await writeFile(lakeFile(dataDir), `${JSON.stringify(info, null, 2)}\n`)
}

export async function releaseDataDir(dataDir: string): Promise<void> {
  const holder = await readLakeFile(dataDir)
  if (holder?.pid === process.pid) await unlink(lakeFile(dataDir)).catch(() => undefined)
}
