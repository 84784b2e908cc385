import { describe, expect, it } from 'vitest'
import { createHttpTransport, UNAUTHORIZED_MESSAGE } from './http-transport'
import { pickTransport, toResult, type PreloadBridge, type Transport } from './transport'

function fakeHttp(): Transport {
  return { kind: 'http', invoke: async () => ({ ok: true, value: 'http' }), on: () => () => {}, onResync: () => () => {} }
}

describe('pickTransport', () => {
  it('uses the preload bridge when the window has one', async () => {
    const calls: Array<[string, unknown]> = []
    const bridge: PreloadBridge = {
      invoke: async (channel, input) => {
        calls.push([channel, input])
        return { ok: true, value: 42 }
      },
      on: () => () => {},
    }
    const transport = pickTransport({ api: bridge }, fakeHttp)
    expect(transport.kind).toBe('ipc')
    expect(await transport.invoke('games:get', { gameId: 'g1' })).toEqual({ ok: true, value: 42 })
    expect(calls).toEqual([['games:get', { gameId: 'g1' }]])
  })

  it('uses HTTP when the window has no bridge', () => {
    expect(pickTransport({}, fakeHttp).kind).toBe('http')
  })

  it('asks an IPC page to re-read its state once, after subscribing, and not after unsubscribing', async () => {
    const bridge: PreloadBridge = { invoke: async () => ({ ok: true, value: null }), on: () => () => {} }
    const transport = pickTransport({ api: bridge }, fakeHttp)
    let resyncs = 0
    transport.onResync(() => resyncs++)
    transport.onResync(() => resyncs++)()
    expect(resyncs).toBe(0)
    await Promise.resolve()
    expect(resyncs).toBe(1)
  })

  it('turns a rejected IPC call into an Internal failure', async () => {
    const bridge: PreloadBridge = { invoke: () => Promise.reject(new Error('channel not allowed')), on: () => () => {} }
    const result = await pickTransport({ api: bridge }, fakeHttp).invoke('db:current', {})
    expect(result).toEqual({ ok: false, error: { code: 'Internal', message: 'db:current failed: channel not allowed' } })
  })
})

describe('toResult', () => {
  it('returns well-formed results and rejects anything else', () => {
    expect(toResult({ ok: false, error: { code: 'NotFound', message: 'no game' } })).toEqual({ ok: false, error: { code: 'NotFound', message: 'no game' } })
    expect(toResult({ ok: false, error: 'boom' })).toMatchObject({ ok: false, error: { code: 'Internal' } })
    expect(toResult('hello')).toMatchObject({ ok: false, error: { code: 'Internal' } })
  })
})

class FakeEventSource extends EventTarget {
  constructor(readonly url: string) {
    super()
  }
  emit(event: string, data: string): void {
    const message = new Event(event) as Event & { data: string }
    message.data = data
    this.dispatchEvent(message)
  }
}

/** An HTTP transport whose event streams are fakes the test drives; calls are not used. */
function streamOnlyTransport() {
  const sources: FakeEventSource[] = []
  const transport = createHttpTransport({
    fetch: () => Promise.reject(new Error('unused')),
    openEvents: (url) => {
      const source = new FakeEventSource(url)
      sources.push(source)
      return source as unknown as EventSource
    },
  })
  return { transport, sources }
}

describe('createHttpTransport', () => {
  it('posts the input as JSON to /api/call/<channel> with same-origin credentials', async () => {
    const requests: Array<{ url: string; init: RequestInit | undefined }> = []
    const transport = createHttpTransport({
      fetch: async (url, init) => {
        requests.push({ url: String(url), init })
        return new Response(JSON.stringify({ ok: true, value: { games: [] } }), { status: 200 })
      },
      openEvents: () => new FakeEventSource('') as unknown as EventSource,
    })
    expect(await transport.invoke('games:list', { limit: 5 })).toEqual({ ok: true, value: { games: [] } })
    expect(requests[0]!.url).toBe('/api/call/games:list')
    expect(requests[0]!.init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"limit":5}' })
  })

  it('keeps the failure result the server sends with an error status', async () => {
    const failure = { ok: false, error: { code: 'InvalidInput', message: 'limit must be positive' } }
    const transport = createHttpTransport({ fetch: async () => new Response(JSON.stringify(failure), { status: 400 }), openEvents: () => new FakeEventSource('') as unknown as EventSource })
    expect(await transport.invoke('games:list', { limit: 0 })).toEqual(failure)
  })

  it('reports an unreachable server and a non-JSON answer as failures', async () => {
    const down = createHttpTransport({ fetch: () => Promise.reject(new TypeError('Failed to fetch')), openEvents: () => new FakeEventSource('') as unknown as EventSource })
    expect(await down.invoke('db:current', {})).toMatchObject({ ok: false, error: { code: 'Unreachable' } })
    const html = createHttpTransport({ fetch: async () => new Response('<html>', { status: 502, statusText: 'Bad Gateway' }), openEvents: () => new FakeEventSource('') as unknown as EventSource })
    expect(await html.invoke('db:current', {})).toEqual({ ok: false, error: { code: 'Internal', message: 'the server answered 502 Bad Gateway without a result' } })
  })

  it('maps a 401 to Unauthorized with the access-link advice, whatever the body says', async () => {
    const refused = { ok: false, error: { code: 'InvalidInput', message: 'a token is required' } }
    const json = createHttpTransport({ fetch: async () => new Response(JSON.stringify(refused), { status: 401 }), openEvents: () => new FakeEventSource('') as unknown as EventSource })
    expect(await json.invoke('db:current', {})).toEqual({ ok: false, error: { code: 'Unauthorized', message: UNAUTHORIZED_MESSAGE } })
    const bare = createHttpTransport({ fetch: async () => new Response('', { status: 401 }), openEvents: () => new FakeEventSource('') as unknown as EventSource })
    expect(await bare.upload(Object.assign(new Blob(['x']), { name: 'a.csv' }))).toMatchObject({ ok: false, error: { code: 'Unauthorized' } })
    expect(UNAUTHORIZED_MESSAGE).toContain('?token=')
  })

  it('opens one event stream and delivers parsed payloads until unsubscribed', () => {
    const { transport, sources } = streamOnlyTransport()
    const seen: unknown[] = []
    const off = transport.on('job:progress', (payload) => seen.push(payload))
    transport.on('db:changed', () => {})
    sources[0]!.emit('job:progress', '{"jobId":"j1","done":1}')
    off()
    sources[0]!.emit('job:progress', '{"jobId":"j1","done":2}')
    expect(sources).toHaveLength(1)
    expect(sources[0]!.url).toBe('/api/events')
    expect(seen).toEqual([{ jobId: 'j1', done: 1 }])
  })

  it('passes the stream\'s resync signal on over the one event stream, until unsubscribed', () => {
    const { transport, sources } = streamOnlyTransport()
    const progress: unknown[] = []
    transport.on('job:progress', (payload) => progress.push(payload))
    let resyncs = 0
    const off = transport.onResync(() => resyncs++)
    sources[0]!.emit('resync', '{"reason":"gap"}')
    off()
    sources[0]!.emit('resync', '{"reason":"gap"}')
    expect(sources).toHaveLength(1)
    expect(resyncs).toBe(1)
    expect(progress).toEqual([])
  })

  it('uploads raw bytes with the percent-encoded file name', async () => {
    let headers: HeadersInit | undefined
    const transport = createHttpTransport({
      fetch: async (_url, init) => {
        headers = init?.headers
        return new Response(JSON.stringify({ ok: true, value: { fileId: 'f1' } }))
      },
      openEvents: () => new FakeEventSource('') as unknown as EventSource,
    })
    const file = Object.assign(new Blob(['a,b']), { name: 'spiel ü.csv' })
    expect(await transport.upload(file)).toEqual({ ok: true, value: { fileId: 'f1' } })
    expect(headers).toMatchObject({ 'X-File-Name': 'spiel%20%C3%BC.csv' })
  })
})
