import { RESYNC_EVENT, type MainEventName } from '@shared/api/events'
import type { Result } from '@shared/api/result'
import { failure, isResult, messageOf, toResult, type Transport } from './transport'

export interface HttpTransportDeps {
  fetch: typeof fetch
  openEvents: (url: string) => EventSource
}

export interface HttpTransport extends Transport {
  /** `momentum serve` only: sends one file's bytes, returning the id import:files takes. */
  upload(file: Blob & { name: string }): Promise<Result<{ fileId: string }>>
}

const defaultDeps = (): HttpTransportDeps => ({
  fetch: (input, init) => globalThis.fetch(input, init),
  openEvents: (url) => new EventSource(url),
})

/**
 * Calls go to POST /api/call/<channel>; pushes come from one shared EventSource on /api/events. The
 * EventSource reconnects by itself with Last-Event-ID, and the server replays what it missed.
 */
export function createHttpTransport(deps: HttpTransportDeps = defaultDeps()): HttpTransport {
  let source: EventSource | null = null
  const listeners = new Map<MainEventName, Set<(payload: never) => void>>()
  const resyncListeners = new Set<() => void>()

  function events(): EventSource {
    if (source) return source
    source = deps.openEvents('/api/events')
    // Listened to from the start: the stream's first event may be a resync.
    source.addEventListener(RESYNC_EVENT, () => {
      for (const listener of [...resyncListeners]) listener()
    })
    return source
  }

  function dispatch(event: MainEventName, message: MessageEvent<string>): void {
    let payload: never
    try {
      payload = JSON.parse(message.data) as never
    } catch {
      console.warn(`ignored a ${event} event whose data is not JSON`)
      return
    }
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload)
  }

  return {
    kind: 'http',
    invoke: (channel, input) => post(deps.fetch, `/api/call/${channel}`, JSON.stringify(input ?? {}), { 'Content-Type': 'application/json' }),
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
        events().addEventListener(event, (message) => dispatch(event, message as MessageEvent<string>))
      }
      const entry = listener as (payload: never) => void
      set.add(entry)
      return () => set.delete(entry)
    },
    onResync(listener) {
      resyncListeners.add(listener)
      events()
      return () => resyncListeners.delete(listener)
    },
    upload: (file) =>
      post(deps.fetch, '/api/uploads', file, {
        'Content-Type': 'application/octet-stream',
        // Header values must be Latin-1, so the name travels percent-encoded.
        'X-File-Name': encodeURIComponent(file.name),
      }) as Promise<Result<{ fileId: string }>>,
  }
}

async function post(fetchFn: typeof fetch, url: string, body: BodyInit, headers: Record<string, string>): Promise<Result<unknown>> {
  let response: Response
  try {
    response = await fetchFn(url, { method: 'POST', credentials: 'same-origin', headers, body })
  } catch (error) {
    return failure('Unreachable', `cannot reach the server: ${messageOf(error)}`)
  }
  if (response.status === 401) return unauthorized()
  let json: unknown
  try {
    json = await response.json()
  } catch {
    return failure('Internal', `the server answered ${response.status} ${response.statusText} without a result`)
  }
  if (!response.ok && !isResult(json)) return failure('Internal', `the server answered ${response.status} ${response.statusText}`)
  return toResult(json)
}

export const UNAUTHORIZED_MESSAGE = 'this server needs its access link: open the ?token= URL that `momentum serve` printed'

/** A 401 is its own case: the page can do nothing but be reopened through the printed link. */
function unauthorized(): Result<never> {
  return failure('Unauthorized', UNAUTHORIZED_MESSAGE)
}
