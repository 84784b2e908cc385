/**
 * The handler table over HTTP for `momentum serve`: the same channels, the same zod validation and
 * the same Result, so the renderer cannot tell the transports apart.
 *   POST /api/call/<channel>  JSON body → Result JSON      GET /api/events    server-sent MainEvents (Last-Event-ID replays)
 *   GET  /api/health          the health report JSON       POST /api/uploads  raw body → { fileId }
 *   GET  /api/downloads/<id>  a finished export            GET  /*            the built renderer
 * Binds 127.0.0.1 unless told otherwise; who may call is decided in http-security.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ErrorCode, Result } from '../../shared/api/result'
import { toAppError } from '../errors/app-failure'
import { checkHealth } from '../health/health.service'
import type { DatabaseSession } from '../session/database-session'
import { callChannel, type Handlers } from './call-channel'
import type { EventHub } from './http-events'
import { isAuthorized, isLoopbackHost, isSameOriginRequest, SECURITY_HEADERS, tokenCookie, tokensEqual } from './http-security'
import { serveStatic } from './http-static'
import type { Transfers } from './http-transfers'

export interface HttpServerOptions {
  handlers: Handlers
  session: DatabaseSession
  hub: EventHub
  transfers: Transfers
  staticDir: string
  host: string
  port: number
  token: string | null
  log?: (...args: unknown[]) => void
}

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
}

const MAX_CALL_BYTES = 1_048_576
const STATUS: Partial<Record<ErrorCode, number>> = { InvalidInput: 400, NotFound: 404, Conflict: 409, Busy: 409, ReadOnly: 409, Internal: 500 }
const headers = SECURITY_HEADERS as Record<string, string>

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const loopback = isLoopbackHost(options.host)
  if (!loopback && options.token === null) throw new Error(`serving on ${options.host} needs a token (--token)`)
  const log = options.log ?? console.error
  let port = options.port
  const server = createServer((request, response) => {
    route(options, request, response, loopback, port).catch((error: unknown) => {
      log('[serve] request failed', error)
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'Internal', message: 'the server failed to answer' } })
      else response.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: async () => {
      options.hub.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function route(options: HttpServerOptions, request: IncomingMessage, response: ServerResponse, loopback: boolean, port: number): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://serve.invalid')
  const method = request.method ?? 'GET'
  if (!isSameOriginRequest(request, loopback, port)) return sendJson(response, 403, failure('InvalidInput', 'request refused: not from this server’s own page'))
  if (!url.pathname.startsWith('/api/')) {
    if (method !== 'GET' && method !== 'HEAD') return sendJson(response, 405, failure('InvalidInput', 'method not allowed'))
    if (url.searchParams.has('token')) return acceptToken(options.token, url, response)
    return serveStatic(options.staticDir, url.pathname, response, headers)
  }
  if (!isAuthorized(request, options.token)) {
    response.setHeader('WWW-Authenticate', 'Bearer')
    return sendJson(response, 401, failure('Unauthorized', 'a token is required (Authorization: Bearer <token>, or open /?token=<token> once)'))
  }
  const call = /^\/api\/call\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(url.pathname)
  if (call && method === 'POST') return answerCall(options, call[1]!, request, response)
  if (url.pathname === '/api/events' && method === 'GET') return options.hub.attach(response, headers, headerValue(request, 'last-event-id'))
  if (url.pathname === '/api/health' && method === 'GET') return answerHealth(options.session, response)
  if (url.pathname === '/api/uploads' && method === 'POST') {
    if (Number(request.headers['content-length'] ?? 0) > options.transfers.maxUploadBytes) return sendJson(response, 413, failure('InvalidInput', 'the upload is too large'))
    try {
      return sendJson(response, 200, { ok: true, value: { fileId: await options.transfers.receiveUpload(request) } })
    } catch (error) {
      return sendJson(response, 400, { ok: false, error: toAppError(error) })
    }
  }
  const download = /^\/api\/downloads\/([^/]+)$/.exec(url.pathname)
  if (download && method === 'GET') return options.transfers.sendDownload(download[1]!, response, headers)
  sendJson(response, 404, failure('NotFound', `no such API route: ${method} ${url.pathname}`))
}

async function answerCall(options: HttpServerOptions, channel: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // JSON only: a cross-site form or text/plain POST cannot reach a handler without a CORS preflight.
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return sendJson(response, 415, failure('InvalidInput', 'send the input as application/json'))
  const body = await readBody(request, MAX_CALL_BYTES)
  if (body === null) return sendJson(response, 413, failure('InvalidInput', `the input is larger than ${MAX_CALL_BYTES} bytes`))
  let input: unknown
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
  } catch {
    return sendJson(response, 400, failure('InvalidInput', 'the input is not valid JSON'))
  }
  const result = await callChannel(options.handlers, channel, input, options.log)
  sendJson(response, result.ok ? 200 : (STATUS[result.error.code] ?? 422), result)
}

async function answerHealth(session: DatabaseSession, response: ServerResponse): Promise<void> {
  if (session.handle === null) return sendJson(response, 503, failure('NotFound', 'no database is open'))
  const report = await checkHealth(session.handle)
  sendJson(response, report.ok ? 200 : 503, report)
}

function acceptToken(token: string | null, url: URL, response: ServerResponse): void {
  const given = url.searchParams.get('token') ?? ''
  if (token === null || !tokensEqual(given, token)) return sendJson(response, 401, failure('Unauthorized', 'wrong token'))
  // Drop the token from the address bar (and history) once the cookie holds it.
  response.writeHead(303, { ...headers, Location: url.pathname, 'Set-Cookie': tokenCookie(token), 'Cache-Control': 'no-store' }).end()
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
    })
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return typeof value === 'string' ? value : undefined
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' }).end(text)
}
