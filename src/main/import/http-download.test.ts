import { afterEach, describe, expect, it } from 'vitest'
import { downloadJson } from './http-download'
import { sendJson, sendTruncated, startTestServer, type TestHandler, type TestServer } from './test-http-server'

const BODY = JSON.stringify({ game: { gameId: '001', actions: [] }, pad: 'x'.repeat(20_000) })
let server: TestServer | null = null

async function serve(handler: TestHandler): Promise<string> {
  server = await startTestServer(handler)
  return `${server.baseUrl}/doc.json`
}

afterEach(async () => {
  await server?.close()
  server = null
})

describe('downloadJson', () => {
  it('returns the parsed document', async () => {
    const url = await serve((_req, res) => sendJson(res, 200, BODY))
    expect(await downloadJson(url)).toMatchObject({ game: { gameId: '001' } })
  })

  it('retries a 500 twice with doubling delays, then returns the 200', async () => {
    const url = await serve((_req, res, n) => (n <= 2 ? sendJson(res, 500, 'oops') : sendJson(res, 200, BODY)))
    const retries: Array<{ attempt: number; delayMs: number; cause: string }> = []
    const doc = await downloadJson(url, { backoffMs: 5, onRetry: (r) => retries.push(r) })
    expect(doc).toMatchObject({ game: { gameId: '001' } })
    expect(retries).toEqual([
      { attempt: 1, delayMs: 5, cause: 'HTTP 500' },
      { attempt: 2, delayMs: 10, cause: 'HTTP 500' },
    ])
    expect(server!.requests).toHaveLength(3)
  })

  it('retries a 429 and honours its Retry-After', async () => {
    const url = await serve((_req, res, n) => {
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '0.02' })
        res.end()
      } else sendJson(res, 200, BODY)
    })
    const delays: number[] = []
    await downloadJson(url, { backoffMs: 1, onRetry: (r) => delays.push(r.delayMs) })
    expect(delays).toEqual([20])
  })

  it('fails at once on a 404 without retrying', async () => {
    const url = await serve((_req, res) => sendJson(res, 404, 'no'))
    await expect(downloadJson(url, { backoffMs: 1 })).rejects.toMatchObject({ code: 'NotFound', message: `not found at ${url} (HTTP 404)` })
    expect(server!.requests).toHaveLength(1)
  })

  it('fails at once on another 4xx', async () => {
    const url = await serve((_req, res) => sendJson(res, 400, 'bad'))
    await expect(downloadJson(url, { backoffMs: 1 })).rejects.toMatchObject({ code: 'Unreachable', message: `${url}: HTTP 400` })
    expect(server!.requests).toHaveLength(1)
  })

  it('retries a body cut off mid-transfer and gets the whole one', async () => {
    const url = await serve((_req, res, n) => (n === 1 ? sendTruncated(res, BODY) : sendJson(res, 200, BODY)))
    expect(await downloadJson(url, { backoffMs: 1 })).toMatchObject({ game: { gameId: '001' } })
    expect(server!.requests).toHaveLength(2)
  })

  it('gives up on a body that is always cut off, after retries + 1 attempts', async () => {
    const url = await serve((_req, res) => sendTruncated(res, BODY))
    await expect(downloadJson(url, { retries: 2, backoffMs: 1 })).rejects.toMatchObject({
      code: 'Unreachable',
      message: expect.stringMatching(new RegExp(`^${url.replace(/[.]/g, '\\.')}: .+ \\(gave up after 3 attempts\\)$`)),
    })
    expect(server!.requests).toHaveLength(3)
  })

  it('retries a complete body that is not JSON, then names it', async () => {
    const url = await serve((_req, res) => sendJson(res, 200, BODY.slice(0, 100)))
    await expect(downloadJson(url, { retries: 1, backoffMs: 1 })).rejects.toThrow(
      `${url}: body is not valid JSON (100 characters; truncated?) (gave up after 2 attempts)`,
    )
  })

  it('times out a server that never answers', async () => {
    const url = await serve(() => undefined)
    const started = Date.now()
    await expect(downloadJson(url, { retries: 1, backoffMs: 1, timeoutMs: 50 })).rejects.toThrow(
      `${url}: no complete answer within 50 ms (gave up after 2 attempts)`,
    )
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(server!.requests).toHaveLength(2)
  })

  it('reports a refused connection as unreachable', async () => {
    const url = await serve(() => undefined)
    await server!.close()
    server = null
    await expect(downloadJson(url, { retries: 1, backoffMs: 1 })).rejects.toMatchObject({
      code: 'Unreachable',
      message: expect.stringContaining('(gave up after 2 attempts)'),
    })
  })

  it('stops waiting for a retry when cancelled', async () => {
    const url = await serve((_req, res) => sendJson(res, 503, 'busy'))
    const controller = new AbortController()
    const pending = downloadJson(url, { backoffMs: 10_000, signal: controller.signal, onRetry: () => controller.abort() })
    await expect(pending).rejects.toMatchObject({ code: 'Cancelled', message: `${url}: download cancelled` })
    expect(server!.requests).toHaveLength(1)
  })
})
