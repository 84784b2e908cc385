/**
 * Who may use `momentum serve`. On loopback without a token only pages of our own origin may call
 * (Host and Origin checked, so a web page elsewhere cannot drive the API through the browser, nor
 * through DNS rebinding). With a token every /api request needs `Authorization: Bearer <token>` or
 * the HttpOnly, SameSite=Strict cookie set once by visiting `/?token=…`.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http'

export const TOKEN_COOKIE = 'momentum_token'

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export const SECURITY_HEADERS: OutgoingHttpHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  if (bare === 'localhost' || bare === '::1') return true
  return isIP(bare) === 4 && bare.startsWith('127.')
}

export function tokensEqual(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

export function cookieToken(request: IncomingMessage): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === TOKEN_COOKIE) return decodeURIComponent(value.join('='))
  }
  return null
}

/** Bearer header or cookie; always true when serve runs without a token. */
export function isAuthorized(request: IncomingMessage, token: string | null): boolean {
  if (token === null) return true
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]
  const given = bearer ?? cookieToken(request)
  return given !== null && tokensEqual(given, token)
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`
}

/**
 * Refuses requests another site's page could make: a Host that is not ours (DNS rebinding, only
 * checked on loopback where there is no token) and an Origin other than our own.
 */
export function isSameOriginRequest(request: IncomingMessage, loopback: boolean, port: number): boolean {
  const host = request.headers.host ?? ''
  if (loopback && !['127.0.0.1', 'localhost', '[::1]'].some((name) => host === `${name}:${port}`)) return false
  const origin = request.headers.origin
  if (origin === undefined) return true
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
