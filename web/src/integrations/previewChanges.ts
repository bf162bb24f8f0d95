// The draft preview's change stream: one listener on the content backend's Live Content API
// events, passed on to every open preview page as server-sent events, so a page re-renders
// once an edit is committed (src/scripts/visualEditing.ts). The events carry no content.
import type {IncomingMessage, ServerResponse} from 'node:http'

import type {LiveEvent} from '@sanity/client'

import type {ContentSource} from '../lib/sanity.ts'

/** How long a page waits before it reconnects, and how often an idle stream says it is alive. */
const RETRY_MS = 500
const HEARTBEAT_MS = 25_000

/**
 * Subscribes to "content changed" while anyone listens: the backend's stream is opened for the
 * first listener and closed after the last. A commit tells every listener; so does the stream
 * coming back after the backend went away (a restarted lake), as edits may have been missed.
 */
export function contentChanges(connect: () => Promise<ContentSource>, log: (line: string) => void) {
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of listeners) listener()
  }
  let close: (() => void) | undefined

  const open = (): (() => void) => {
    let closed = false
    let source: ContentSource | undefined
    let unsubscribe: (() => void) | undefined
    let retry: NodeJS.Timeout | undefined
    // Longer each time it fails in a row (up to 30 s), so a backend that refuses is not asked twice a second.
    let failures = 0
    const reopen = () => {
      if (closed) return
      unsubscribe?.()
      void source?.close()
      failures++
      retry = setTimeout(subscribe, Math.min(RETRY_MS * 2 ** failures, 30_000))
    }
    const subscribe = () => {
      let missed = false
      connect().then(
        (connected) => {
          source = connected
          if (closed) {
            void connected.close()
            return
          }
          let events
          try {
            events = connected.client.live.events({includeDrafts: true})
          } catch (error) {
            // Drafts' events need a token; without one pages still show drafts on reload.
            log(`Live preview is off: ${String(error)}`)
            return
          }
          const subscription = events.subscribe({
            next: (event: LiveEvent) => {
              if (event.type === 'welcome') failures = 0
              if (event.type === 'reconnect') missed = true
              else if (event.type === 'restart' || event.type === 'message' || (event.type === 'welcome' && missed)) {
                missed = false
                notify()
              }
            },
            error: (error: unknown) => {
              log(`Live preview lost the content backend's events: ${String(error)}`)
              reopen()
            },
            complete: reopen,
          })
          unsubscribe = () => subscription.unsubscribe()
        },
        (error: unknown) => {
          log(`Live preview could not reach the content backend: ${String(error)}`)
          reopen()
        },
      )
    }
    subscribe()
    return () => {
      closed = true
      clearTimeout(retry)
      unsubscribe?.()
      void source?.close()
    }
  }

  return (listener: () => void): (() => void) => {
    listeners.add(listener)
    close ??= open()
    return () => {
      listeners.delete(listener)
      if (listeners.size > 0) return
      close?.()
      close = undefined
    }
  }
}

/** Answers a page's request for the change stream: a `change` event after each commit. */
export function streamChanges(
  subscribe: ReturnType<typeof contentChanges>,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  res.write(`retry: ${String(RETRY_MS)}\n\n`)
  const unsubscribe = subscribe(() => res.write('event: change\ndata: {}\n\n'))
  const heartbeat = setInterval(() => res.write(': alive\n\n'), HEARTBEAT_MS)
  req.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
  })
}
