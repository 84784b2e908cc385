import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './http-security'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

/**
 * Serves the built renderer (out/renderer) with the same CSP as its meta tag, as a header. A path
 * that resolves outside the folder (`..`, encoded separators, symlinks) is refused; a path without
 * an extension gets index.html, so reloading a screen works.
 */
export function serveStatic(root: string, pathname: string, response: ServerResponse, headers: Record<string, string>): void {
  if (!existsSync(root)) return void response.writeHead(503, { ...headers, 'Content-Type': 'text/plain' }).end('the app UI is not built here: run npm run build')
  const file = resolveStaticFile(root, pathname)
  if (file === 'outside') return void response.writeHead(403, { ...headers, 'Content-Type': 'text/plain' }).end('forbidden')
  if (file === null) return void response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found')
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
  response.writeHead(200, {
    ...headers,
    'Content-Type': type,
    'Content-Length': statSync(file).size,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': type.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600',
  })
  createReadStream(file).pipe(response)
}

/** The file for `pathname`, null when there is none, 'outside' when it would leave `root`. */
export function resolveStaticFile(root: string, pathname: string): string | 'outside' | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return 'outside'
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'outside'
  const base = realRoot(root)
  if (base === null) return null
  const wanted = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`)
  if (!isInside(base, wanted)) return 'outside'
  const candidate = extname(wanted) === '' ? join(base, 'index.html') : wanted
  if (!existsSync(candidate) || !statSync(candidate).isFile()) return null
  return isInside(base, realpathSync(candidate)) ? candidate : 'outside'
}

function realRoot(root: string): string | null {
  return existsSync(root) ? realpathSync(root) : null
}

function isInside(base: string, path: string): boolean {
  const rel = relative(base, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}
