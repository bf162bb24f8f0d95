// The lake's release scheduler, through the real @sanity/client: a scheduled release is
// published at its time, once, and a lake killed with SIGKILL publishes on start the releases
// that fell due while it was down, and the later ones on time.
import type {SanityClient} from '@sanity/client'
import {afterEach, describe, expect, it} from 'vitest'

import type {Lake} from '../index.ts'
import {clientFor, removeDir, startChildLake, tempDir, testLake} from '../testing.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function freshDir(): Promise<string> {
  const dir = await tempDir()
  cleanups.push(() => removeDir(dir))
  return dir
}

/** A lake on `dir` whose log lines are kept in `lines`. */
async function loggingLake(dir: string, lines: string[]): Promise<Lake> {
  const lake = await testLake(dir, {log: (line) => lines.push(line)})
  cleanups.push(() => lake.close())
  return lake
}

const client = (lake: Pick<Lake, 'httpUrl' | 'projectId' | 'token'>) =>
  clientFor(lake).withConfig({apiVersion: '2025-02-19'})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A release with one new course, scheduled `inMs` from now; resolves to its publish time. */
async function scheduledRelease(c: SanityClient, releaseId: string, inMs: number): Promise<string> {
  await c.releases.create({releaseId, metadata: {title: releaseId, releaseType: 'scheduled'}})
  await c.createVersion({releaseId, publishedId: `course-${releaseId}`, document: {_type: 'course', title: releaseId}})
  const publishAt = new Date(Date.now() + inMs).toISOString()
  await c.releases.schedule({releaseId, publishAt})
  return publishAt
}

async function publishedRelease(c: SanityClient, releaseId: string) {
  await expect
    .poll(async () => (await c.releases.get({releaseId}))?.state, {timeout: 5000, interval: 50})
    .toBe('published')
  const release = await c.releases.get({releaseId})
  return {publishedAt: Date.parse(String(release?.publishedAt)), rev: release?._rev}
}

/** How often the document was published, by its history. */
async function publishCount(c: SanityClient, documentId: string): Promise<number> {
  const {events} = await c.request<{events: Record<string, {type: string}[]>}>({
    url: `/data/history/${c.config().dataset ?? ''}/events/documents/${documentId}`,
  })
  return (events[documentId] ?? []).filter((event) => event.type === 'publishDocumentVersion').length
}

describe('the release scheduler', () => {
  it('publishes a scheduled release at its time, once', async () => {
    const lines: string[] = []
    const lake = await loggingLake(await freshDir(), lines)
    const c = client(lake)
    const publishAt = await scheduledRelease(c, 'rTimed', 1500)
    expect(await c.getDocument('course-rTimed')).toBeUndefined()

    const {publishedAt, rev} = await publishedRelease(c, 'rTimed')
    // Not before its time, and within a second of it.
    expect(publishedAt).toBeGreaterThanOrEqual(Date.parse(publishAt))
    expect(publishedAt - Date.parse(publishAt)).toBeLessThan(1000)
    expect(await c.getDocument('course-rTimed')).toMatchObject({title: 'rTimed', _rev: rev})
    expect(await c.getDocument('versions.rTimed.course-rTimed')).toBeUndefined()
    expect(lines).toContainEqual(expect.stringContaining(`published release "rTimed" scheduled for ${publishAt}`))

    // Nothing publishes it again: neither the scheduler later nor a client now.
    await sleep(500)
    await expect(c.releases.publish({releaseId: 'rTimed'})).rejects.toMatchObject({statusCode: 409})
    expect((await c.releases.get({releaseId: 'rTimed'}))?._rev).toBe(rev)
    expect(await publishCount(c, 'course-rTimed')).toBe(1)
  }, 15_000)

  it('does not publish a release that was unscheduled in time', async () => {
    const lake = await loggingLake(await freshDir(), [])
    const c = client(lake)
    await scheduledRelease(c, 'rCalledOff', 800)
    await c.releases.unschedule({releaseId: 'rCalledOff'})
    await sleep(1300)
    expect((await c.releases.get({releaseId: 'rCalledOff'}))?.state).toBe('active')
    expect(await c.getDocument('course-rCalledOff')).toBeUndefined()
  }, 15_000)

  it('puts a release it could not publish back to active, saying why', async () => {
    const lines: string[] = []
    const lake = await loggingLake(await freshDir(), lines)
    const c = client(lake)
    await c.create({_id: 'team-kept', _type: 'team', title: 'Kept'})
    await c.create({_id: 'person-kept', _type: 'person', team: {_type: 'reference', _ref: 'team-kept'}})
    await c.releases.create({releaseId: 'rDoomed', metadata: {releaseType: 'scheduled'}})
    await c.createVersion({releaseId: 'rDoomed', publishedId: 'course-doomed', document: {_type: 'course'}})
    await c.unpublishVersion({releaseId: 'rDoomed', publishedId: 'team-kept'})
    await c.releases.schedule({releaseId: 'rDoomed', publishAt: new Date(Date.now() + 800).toISOString()})

    await expect
      .poll(async () => (await c.releases.get({releaseId: 'rDoomed'}))?.state, {timeout: 5000, interval: 50})
      .toBe('active')
    const release = await c.releases.get({releaseId: 'rDoomed'})
    expect(release?.error?.message).toContain('references to it from "person-kept"')
    expect(release).not.toHaveProperty('publishAt')
    expect(await c.getDocuments(['course-doomed', 'team-kept'])).toEqual([
      null,
      expect.objectContaining({_id: 'team-kept'}),
    ])
    expect(lines).toContainEqual(expect.stringContaining('could not publish release "rDoomed"'))
  }, 15_000)

  it('after a SIGKILL, publishes on start a release that fell due while the lake was down, once', async () => {
    const dir = await freshDir()
    const {child, running} = await startChildLake(dir)
    cleanups.push(() => child.kill('SIGKILL'))
    const before = client(running)
    const duringDowntime = await scheduledRelease(before, 'rMissed', 1500)
    const afterRestart = await scheduledRelease(before, 'rLater', 5000)
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    await sleep(Date.parse(duringDowntime) - Date.now() + 300)

    const lines: string[] = []
    const lake = await loggingLake(dir, lines)
    const c = client(lake)
    const missed = await publishedRelease(c, 'rMissed')
    expect(await c.getDocument('course-rMissed')).toMatchObject({title: 'rMissed'})
    expect(lines).toContainEqual(
      expect.stringContaining(
        `published release "rMissed" scheduled for ${duringDowntime}, on start: it fell due while the lake was down`,
      ),
    )
    // The other release is still waiting for its own time, and is published then.
    expect((await c.releases.get({releaseId: 'rLater'}))?.state).toBe('scheduled')
    const later = await publishedRelease(c, 'rLater')
    expect(later.publishedAt).toBeGreaterThanOrEqual(Date.parse(afterRestart))
    expect(later.publishedAt - Date.parse(afterRestart)).toBeLessThan(1000)

    // Another restart publishes neither again.
    await lake.close()
    const again = await loggingLake(dir, [])
    await sleep(300)
    const c2 = client(again)
    expect((await c2.releases.get({releaseId: 'rMissed'}))?._rev).toBe(missed.rev)
    expect(await publishCount(c2, 'course-rMissed')).toBe(1)
    expect(await publishCount(c2, 'course-rLater')).toBe(1)
  }, 30_000)
})
