// GET /data/live/events: the Live Content API stream the Presentation tool listens to, through
// the real @sanity/client. The lake tags no result with sync tags, so each commit is a restart.
import {expect, it} from 'vitest'

import {lakeForFile} from '../lakeForFile.ts'
import {clientFor} from '../testing.ts'

const lake = await lakeForFile()

it('welcomes a live listener, then tells it to refetch after every commit', async () => {
  const client = clientFor(lake)
  const seen: string[] = []
  let welcomed: () => void = () => undefined
  let restarted: () => void = () => undefined
  const welcome = new Promise<void>((resolve) => (welcomed = resolve))
  const twoRestarts = new Promise<void>((resolve) => (restarted = resolve))
  const subscription = client.live.events({includeDrafts: true}).subscribe((event) => {
    seen.push(event.type)
    if (event.type === 'welcome') welcomed()
    if (seen.filter((type) => type === 'restart').length === 2) restarted()
  })
  try {
    await welcome
    await client.create({_type: 'faq', _id: 'drafts.faq-live', question: 'Live?'})
    await client.patch('drafts.faq-live').set({question: 'Still live?'}).commit()
    await twoRestarts
    expect(seen).toEqual(['welcome', 'restart', 'restart'])
  } finally {
    subscription.unsubscribe()
  }
})
