import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json<T = unknown>(): T
}

/** A raw HTTP request (no URL normalization, any Host/Origin header), for the serve tests. */
export function rawRequest(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T })
      })
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

export function callApi(port: number, channel: string, input: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(port, `/api/call/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) })
}

export interface StreamEvent {
  /** The `id:` field, when the block had one. */
  id?: string
  event: string
  data: unknown
}

/** Collects server-sent events until `until` says stop (or the timeout passes), then closes the stream. */
export function collectEvents(port: number, until: (events: StreamEvent[]) => boolean, headers: Record<string, string> = {}, timeoutMs = 20_000) {
  const events: StreamEvent[] = []
  let close = (): void => undefined
  const opened = new Promise<void>((resolveOpen, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/events', headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`events answered ${res.statusCode}`))
      resolveOpen()
      let buffer = ''
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8')
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          const id = /^id: (.*)$/m.exec(block)?.[1]
          if (event && data) events.push({ ...(id !== undefined && { id }), event, data: JSON.parse(data) })
        }
      })
    })
    req.on('error', reject)
    req.end()
    close = () => req.destroy()
  })
  const done = (async () => {
    await opened
    const started = Date.now()
    while (!until(events) && Date.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 25))
    close()
    return events
  })()
  return { opened, done }
}
