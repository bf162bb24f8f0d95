// Content releases through the real @sanity/client: the release actions (create, edit,
// schedule, unschedule, publish, archive, unarchive, delete), the version actions (create,
// replace, discard, unpublish), perspectives that stack releases over drafts and published,
// and the listener and history of it all.
import type {ClientPerspective, SanityClient} from '@sanity/client'
import {describe, expect, it} from 'vitest'

import {lakeForFile} from '../lakeForFile.ts'
import {clientFor} from '../testing.ts'

const lake = await lakeForFile()

// Releases need API version 2025-02-19 or later, as on Sanity.
const client = () => clientFor(lake).withConfig({apiVersion: '2025-02-19'})

/** Expects the call to be refused with the status code, and a message that says `text`. */
async function expectRefused(promise: Promise<unknown>, statusCode: number, text = ''): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  if (!(err instanceof Error)) throw new Error('The call was expected to fail, and succeeded')
  expect('statusCode' in err ? err.statusCode : undefined).toBe(statusCode)
  expect(err.message).toContain(text)
}

const inAnHour = () => new Date(Date.now() + 60 * 60 * 1000).toISOString()

/** A release with one new version of each given document. */
async function releaseWith(
  c: SanityClient,
  releaseId: string,
  docs: {_id: string; _type: string; [key: string]: unknown}[],
) {
  await c.releases.create({releaseId, metadata: {title: `Release ${releaseId}`, releaseType: 'asap'}})
  for (const {_id, ...document} of docs) await c.createVersion({releaseId, publishedId: _id, document})
}

describe('release actions', () => {
  it('creates a release document as Sanity shapes it, and edits its metadata', async () => {
    const c = client()
    const {releaseId} = await c.releases.create({releaseId: 'rSpring', metadata: {title: 'Spring'}})
    expect(releaseId).toBe('rSpring')
    const release = await c.releases.get({releaseId: 'rSpring'})
    expect(release).toMatchObject({
      _id: '_.releases.rSpring',
      _type: 'system.release',
      name: 'rSpring',
      state: 'active',
      // The client defaults the release type to undecided.
      metadata: {title: 'Spring', releaseType: 'undecided'},
    })
    expect(release?._rev).toBeTruthy()
    expect(release?._createdAt).toBeTruthy()

    const intendedPublishAt = inAnHour()
    await c.releases.edit({
      releaseId: 'rSpring',
      patch: {
        set: {
          'metadata.description': 'New courses',
          'metadata.releaseType': 'scheduled',
          'metadata.intendedPublishAt': intendedPublishAt,
        },
      },
    })
    expect(await c.releases.get({releaseId: 'rSpring'})).toMatchObject({
      state: 'active',
      metadata: {title: 'Spring', description: 'New courses', releaseType: 'scheduled', intendedPublishAt},
    })

    // The state belongs to the actions, and the release type to a fixed list.
    await expectRefused(c.releases.edit({releaseId: 'rSpring', patch: {set: {state: 'published'}}}), 400)
    await expectRefused(
      c.releases.edit({releaseId: 'rSpring', patch: {set: {'metadata.releaseType': 'someday'}}}),
      400,
      'asap, scheduled, undecided',
    )
    await expectRefused(c.releases.create({releaseId: 'rSpring'}), 409, 'already exists')
    // The release is not readable without the token, as on Sanity.
    expect(await clientFor(lake, false).getDocument('_.releases.rSpring')).toBeUndefined()
    // The Studio's own query for its releases list.
    const listed = await c.fetch<{_id: string}[]>(
      '*[_type=="system.release" && _id in path("_.releases.*")] | order(_createdAt desc)',
    )
    expect(listed.map((doc) => doc._id)).toContain('_.releases.rSpring')
    expect(await c.fetch('releases::all()[name == "rSpring"].state', {}, {perspective: 'raw'})).toEqual(['active'])
  })

  it('schedules and unschedules a release, and refuses what its state does not allow', async () => {
    const c = client()
    await releaseWith(c, 'rSched', [{_id: 'course-s', _type: 'course', title: 'Scheduled'}])
    const publishAt = inAnHour()
    await c.releases.schedule({releaseId: 'rSched', publishAt})
    expect(await c.releases.get({releaseId: 'rSched'})).toMatchObject({state: 'scheduled', publishAt})

    // A scheduled release is locked: its versions cannot change, and it cannot be published,
    // archived or scheduled again until it is unscheduled.
    await expectRefused(
      c.replaceVersion({releaseId: 'rSched', publishedId: 'course-s', document: {_type: 'course', title: 'Changed'}}),
      409,
      'scheduled',
    )
    await expectRefused(c.discardVersion({releaseId: 'rSched', publishedId: 'course-s'}), 409)
    await expectRefused(
      c.action({
        actionType: 'sanity.action.document.edit',
        draftId: 'versions.rSched.course-s',
        publishedId: 'course-s',
        patch: {set: {title: 'Edited'}},
      }),
      409,
      'scheduled',
    )
    expect(await c.getDocument('versions.rSched.course-s')).toMatchObject({title: 'Scheduled'})
    for (const attempt of [
      c.releases.publish({releaseId: 'rSched'}),
      c.releases.archive({releaseId: 'rSched'}),
      c.releases.delete({releaseId: 'rSched'}),
      c.releases.schedule({releaseId: 'rSched', publishAt}),
    ]) {
      await expectRefused(attempt, 409, 'is scheduled')
    }
    expect(await c.getDocument('course-s')).toBeUndefined()

    await c.releases.unschedule({releaseId: 'rSched'})
    const unscheduled = await c.releases.get({releaseId: 'rSched'})
    expect(unscheduled?.state).toBe('active')
    expect(unscheduled).not.toHaveProperty('publishAt')
    await expectRefused(c.releases.unschedule({releaseId: 'rSched'}), 409)
    await expectRefused(
      c.releases.schedule({releaseId: 'rSched', publishAt: new Date(Date.now() - 1000).toISOString()}),
      400,
      'in the past',
    )
    await expectRefused(c.releases.publish({releaseId: 'rNowhere'}), 409, 'does not exist')
  })

  it('publishes every version of a release in one transaction, and keeps what it published', async () => {
    const c = client()
    await c.create({_id: 'course-1', _type: 'course', title: 'Old title', level: 1})
    await c.create({_id: 'course-gone', _type: 'course', title: 'Retired'})
    await c.create({_id: 'drafts.course-1', _type: 'course', title: 'Draft title'})
    await releaseWith(c, 'rLaunch', [
      {_id: 'course-1', _type: 'course', title: 'New title', level: 2},
      {_id: 'course-2', _type: 'course', title: 'Brand new'},
    ])
    await c.unpublishVersion({releaseId: 'rLaunch', publishedId: 'course-gone'})
    expect(await c.getDocument('versions.rLaunch.course-gone')).toMatchObject({
      _system: {delete: true},
      title: 'Retired',
    })
    const published = await c.getDocument('course-1')

    const {transactionId} = await c.releases.publish({releaseId: 'rLaunch'})

    expect(await c.getDocuments(['course-1', 'course-2', 'course-gone'])).toEqual([
      expect.objectContaining({title: 'New title', level: 2, _rev: transactionId, _createdAt: published?._createdAt}),
      expect.objectContaining({title: 'Brand new', _rev: transactionId}),
      null,
    ])
    // Publishing a release leaves drafts alone, and the published documents carry no version marks.
    expect(await c.getDocument('drafts.course-1')).toMatchObject({title: 'Draft title'})
    expect(await c.getDocument('course-1')).not.toHaveProperty('_system')
    expect(await c.fetch('count(*[sanity::partOfRelease("rLaunch")])', {}, {perspective: 'raw'})).toBe(0)
    const release = await c.releases.get({releaseId: 'rLaunch'})
    expect(release).toMatchObject({
      state: 'published',
      _rev: transactionId,
      finalDocumentStates: [
        {id: 'versions.rLaunch.course-1'},
        {id: 'versions.rLaunch.course-2'},
        {id: 'versions.rLaunch.course-gone'},
      ],
    })
    expect(Date.parse(String(release?.publishedAt))).toBeGreaterThan(Date.now() - 60_000)

    // The history keeps each version as it was published, which is how the Studio shows a
    // published release's documents.
    const {documents} = await c.request<{documents: {_id: string; title: string}[]}>({
      url: `/data/history/${c.config().dataset ?? ''}/documents/versions.rLaunch.course-1,versions.rLaunch.course-2?lastRevision=true`,
    })
    expect(documents.map((doc) => doc.title)).toEqual(['New title', 'Brand new'])

    await expectRefused(c.releases.publish({releaseId: 'rLaunch'}), 409)
    await c.releases.delete({releaseId: 'rLaunch'})
    expect(await c.releases.get({releaseId: 'rLaunch'})).toBeUndefined()
  })

  it('publishes none of the versions when one of them cannot be published', async () => {
    const c = client()
    await c.create({_id: 'team-x', _type: 'team', title: 'Team X'})
    await c.create({_id: 'person-x', _type: 'person', name: 'Xu', team: {_type: 'reference', _ref: 'team-x'}})
    await releaseWith(c, 'rBroken', [{_id: 'course-x', _type: 'course', title: 'Would be published'}])
    // Unpublishing a team a published person still references must fail, and with it the release.
    await c.unpublishVersion({releaseId: 'rBroken', publishedId: 'team-x'})

    await expectRefused(c.releases.publish({releaseId: 'rBroken'}), 409, 'references to it from "person-x"')
    expect(await c.getDocument('course-x')).toBeUndefined()
    expect(await c.getDocument('team-x')).toMatchObject({title: 'Team X'})
    expect(await c.getDocument('versions.rBroken.course-x')).toMatchObject({title: 'Would be published'})
    expect((await c.releases.get({releaseId: 'rBroken'}))?.state).toBe('active')

    // Once the reference is gone, the same release publishes.
    await c.patch('person-x').unset(['team']).commit()
    await c.releases.publish({releaseId: 'rBroken'})
    expect(await c.getDocuments(['course-x', 'team-x'])).toEqual([expect.objectContaining({_id: 'course-x'}), null])
  })

  it('publishes none of the versions when a revision check in the same request fails', async () => {
    const c = client()
    await c.create({_id: 'notice-r', _type: 'notice', title: 'Published'})
    await c.create({_id: 'drafts.notice-r', _type: 'notice', title: 'Edited'})
    await releaseWith(c, 'rChecked', [{_id: 'course-r', _type: 'course', title: 'Would be published'}])
    // The release and a publish that expects a revision the document no longer has, in one request.
    const request = c.action([
      {actionType: 'sanity.action.release.publish', releaseId: 'rChecked'},
      {
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.notice-r',
        publishedId: 'notice-r',
        ifPublishedRevisionId: 'not-its-revision',
      },
    ])
    await expectRefused(request, 409)
    expect(await c.getDocument('course-r')).toBeUndefined()
    expect(await c.getDocument('versions.rChecked.course-r')).toMatchObject({title: 'Would be published'})
    expect(await c.getDocument('notice-r')).toMatchObject({title: 'Published'})
    expect((await c.releases.get({releaseId: 'rChecked'}))?.state).toBe('active')
  })

  it('answers the dry runs the Studio asks permission with, changing nothing', async () => {
    const c = client()
    await releaseWith(c, 'rAsked', [{_id: 'course-asked', _type: 'course', title: 'Asked'}])
    // How the Studio finds out whether the editor may create, publish and archive releases.
    const dryRun = {dryRun: true, skipCrossDatasetReferenceValidation: true}
    await c.releases.create({releaseId: 'rMaybe', metadata: {releaseType: 'asap'}}, dryRun)
    await c.releases.publish({releaseId: 'rAsked'}, dryRun)
    await c.releases.archive({releaseId: 'rAsked'}, dryRun)
    // Scheduling is asked about with the time of asking, already past when it arrives.
    await c.releases.schedule({releaseId: 'rAsked', publishAt: new Date(Date.now() - 1000).toISOString()}, dryRun)
    expect(await c.releases.get({releaseId: 'rMaybe'})).toBeUndefined()
    expect((await c.releases.get({releaseId: 'rAsked'}))?.state).toBe('active')
    expect(await c.getDocument('course-asked')).toBeUndefined()
    // It asks whatever state the release is in (about publishing a scheduled one, say): the
    // answer is whether the editor may, which the one editor always may.
    await c.releases.unschedule({releaseId: 'rAsked'}, dryRun)
    expect((await c.releases.get({releaseId: 'rAsked'}))?.state).toBe('active')
    // A release that does not exist is still refused.
    await expectRefused(c.releases.publish({releaseId: 'rNowhere'}, dryRun), 409, 'does not exist')
  })

  it('archives a release, removing its versions, and unarchives it with them restored', async () => {
    const c = client()
    await releaseWith(c, 'rShelved', [{_id: 'course-a', _type: 'course', title: 'Shelved'}])
    await c.releases.archive({releaseId: 'rShelved'})
    expect(await c.getDocument('versions.rShelved.course-a')).toBeUndefined()
    expect(await c.releases.get({releaseId: 'rShelved'})).toMatchObject({
      state: 'archived',
      finalDocumentStates: [{id: 'versions.rShelved.course-a'}],
    })
    await expectRefused(
      c.createVersion({releaseId: 'rShelved', publishedId: 'course-b', document: {_type: 'course'}}),
      409,
      'archived',
    )

    await c.releases.unarchive({releaseId: 'rShelved'})
    expect(await c.getDocument('versions.rShelved.course-a')).toMatchObject({title: 'Shelved'})
    const release = await c.releases.get({releaseId: 'rShelved'})
    expect(release?.state).toBe('active')
    expect(release).not.toHaveProperty('finalDocumentStates')

    // Only an archived or published release can be deleted.
    await expectRefused(c.releases.delete({releaseId: 'rShelved'}), 409)
    await c.releases.archive({releaseId: 'rShelved'})
    await c.releases.delete({releaseId: 'rShelved'})
    expect(await c.releases.get({releaseId: 'rShelved'})).toBeUndefined()
  })
})

describe('version actions', () => {
  it('creates a version from content or from a base document, replaces and discards it', async () => {
    const c = client()
    await c.releases.create({releaseId: 'rVersions', metadata: {releaseType: 'undecided'}})
    const base = await c.create({_id: 'course-v', _type: 'course', title: 'Base', level: 1})

    await c.createVersion({
      releaseId: 'rVersions',
      publishedId: 'course-v',
      baseId: 'course-v',
      ifBaseRevisionId: base._rev,
    })
    expect(await c.getDocument('course-v', {releaseId: 'rVersions'})).toMatchObject({
      _id: 'versions.rVersions.course-v',
      title: 'Base',
      level: 1,
    })
    await expectRefused(
      c.createVersion({releaseId: 'rVersions', publishedId: 'course-v', document: {_type: 'course'}}),
      409,
      'already exists',
    )
    await expectRefused(
      c.createVersion({releaseId: 'rOther', publishedId: 'course-v', baseId: 'course-v', ifBaseRevisionId: 'stale'}),
      409,
      'expected "stale"',
    )

    await c.replaceVersion({
      releaseId: 'rVersions',
      publishedId: 'course-v',
      document: {_type: 'course', title: 'Replaced'},
    })
    const replaced = await c.getDocument('versions.rVersions.course-v')
    expect(replaced?.title).toBe('Replaced')
    expect(replaced).not.toHaveProperty('level')

    await c.discardVersion({releaseId: 'rVersions', publishedId: 'course-v'})
    expect(await c.getDocument('versions.rVersions.course-v')).toBeUndefined()
    await expectRefused(
      c.replaceVersion({releaseId: 'rVersions', publishedId: 'course-v', document: {_type: 'course'}}),
      409,
      'does not exist',
    )
    await expectRefused(c.unpublishVersion({releaseId: 'rVersions', publishedId: 'course-never'}), 409, 'not published')
  })
})

describe('perspectives', () => {
  it('stacks releases over drafts and published, as the release would publish them', async () => {
    const c = client()
    await c.create({_id: 'event-1', _type: 'event', title: 'Published 1'})
    await c.create({_id: 'event-2', _type: 'event', title: 'Published 2'})
    await c.create({_id: 'event-3', _type: 'event', title: 'Published 3'})
    await c.create({_id: 'drafts.event-2', _type: 'event', title: 'Draft 2'})
    await releaseWith(c, 'rLow', [
      {_id: 'event-1', _type: 'event', title: 'Low 1'},
      {_id: 'event-2', _type: 'event', title: 'Low 2'},
    ])
    await releaseWith(c, 'rHigh', [{_id: 'event-1', _type: 'event', title: 'High 1'}])
    await c.unpublishVersion({releaseId: 'rHigh', publishedId: 'event-3'})

    const titles = (perspective: ClientPerspective) =>
      c.fetch<{_id: string; _originalId: string; title: string}[]>(
        '*[_type == "event"] | order(_id asc) {_id, _originalId, title}',
        {},
        {perspective},
      )
    expect(await titles(['rHigh', 'rLow', 'drafts'])).toEqual([
      {_id: 'event-1', _originalId: 'versions.rHigh.event-1', title: 'High 1'},
      {_id: 'event-2', _originalId: 'versions.rLow.event-2', title: 'Low 2'},
    ])
    expect(await titles(['rLow'])).toEqual([
      {_id: 'event-1', _originalId: 'versions.rLow.event-1', title: 'Low 1'},
      {_id: 'event-2', _originalId: 'versions.rLow.event-2', title: 'Low 2'},
      {_id: 'event-3', _originalId: 'event-3', title: 'Published 3'},
    ])
    expect(await titles('drafts')).toEqual([
      {_id: 'event-1', _originalId: 'event-1', title: 'Published 1'},
      {_id: 'event-2', _originalId: 'drafts.event-2', title: 'Draft 2'},
      {_id: 'event-3', _originalId: 'event-3', title: 'Published 3'},
    ])
    // The documents of one release, as the client lists them (Sanity's documentation reads
    // release documents in the raw perspective).
    const inLow = await c.withConfig({perspective: 'raw'}).releases.fetchDocuments({releaseId: 'rLow'})
    expect(inLow.result.map((doc) => doc._id).sort()).toEqual(['versions.rLow.event-1', 'versions.rLow.event-2'])
  })
})

describe('listener and history', () => {
  it('tells a listener of release changes, and keeps the release in the document history', async () => {
    const c = client()
    const events: {documentId: string; transition: string; state?: unknown}[] = []
    let welcomed = false
    const subscription = c
      .listen(
        '*[_type == "system.release" || sanity::partOfRelease("rHeard")]',
        {},
        {events: ['welcome', 'mutation'], includeAllVersions: true, includeResult: true},
      )
      .subscribe((event) => {
        if (event.type === 'welcome') welcomed = true
        if (event.type === 'mutation')
          events.push({documentId: event.documentId, transition: event.transition, state: event.result?.state})
      })
    try {
      await expect.poll(() => welcomed).toBe(true)
      await releaseWith(c, 'rHeard', [{_id: 'course-h', _type: 'course', title: 'Heard'}])
      await c.releases.publish({releaseId: 'rHeard'})
      await expect.poll(() => events.length).toBe(4)
      expect(events).toEqual([
        {documentId: '_.releases.rHeard', transition: 'appear', state: 'active'},
        {documentId: 'versions.rHeard.course-h', transition: 'appear', state: undefined},
        // The publish: one transaction that removes the version and marks the release published.
        {documentId: 'versions.rHeard.course-h', transition: 'disappear', state: undefined},
        {documentId: '_.releases.rHeard', transition: 'update', state: 'published'},
      ])
    } finally {
      subscription.unsubscribe()
    }

    const dataset = c.config().dataset ?? ''
    const {events: history} = await c.request<{events: Record<string, unknown[]>}>({
      url: `/data/history/${dataset}/events/documents/course-h`,
    })
    // Newest first, as the Studio's history shows them.
    expect(history['course-h']).toEqual([
      expect.objectContaining({
        type: 'publishDocumentVersion',
        versionId: 'versions.rHeard.course-h',
        releaseId: 'rHeard',
        publishCause: 'release.publish',
      }),
      expect.objectContaining({
        type: 'createDocumentVersion',
        versionId: 'versions.rHeard.course-h',
        releaseId: 'rHeard',
      }),
    ])
  })
})
