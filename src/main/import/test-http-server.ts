import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A loopback HTTP server for fetch tests; the handler sees each request with its 1-based count. */
export interface TestServer {
  baseUrl: string
  requests: string[]
  close(): Promise<void>
}

export type TestHandler = (req: IncomingMessage, res: ServerResponse, count: number) => void

export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: string[] = []
  const server = createServer((req, res) => {
    requests.push(req.url ?? '')
    handler(req, res, requests.length)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function sendJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** Announces the full length, sends half, then drops the connection. */
export function sendTruncated(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.write(body.slice(0, Math.floor(body.length / 2)), () => res.destroy())
}
