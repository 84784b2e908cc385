/**
 * Files crossing `momentum serve`: uploads become file ids for import:files (and db:openRecent),
 * and exports are written into a download slot the browser then fetches. Both live in one private
 * temp folder removed when the server stops. Names from the browser never become paths: an upload
 * is stored under a fresh id with a sanitized name.
 */
import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { AppFailure } from '../errors/app-failure'
import type { FileRegistry } from '../session/file-registry'

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export class Transfers {
  readonly dir = mkdtempSync(join(tmpdir(), 'momentum-serve-'))
  private readonly downloads = new Map<string, { path: string; fileName: string }>()

  constructor(
    private readonly files: FileRegistry,
    readonly maxUploadBytes: number,
  ) {}

  /** A download slot for an export: the job writes `path`, the browser fetches `download`. */
  reserveDownload(fileName: string): { path: string; download: string } {
    const id = randomUUID()
    const path = join(this.dir, `download-${id}`)
    this.downloads.set(id, { path, fileName: safeName(fileName) })
    return { path, download: `/api/downloads/${id}` }
  }

  /** Streams the request body to disk (cap enforced while reading) and returns its file id. */
  async receiveUpload(request: IncomingMessage): Promise<string> {
    const declared = Number(request.headers['content-length'] ?? 0)
    if (declared > this.maxUploadBytes) throw new AppFailure('InvalidInput', `upload too large (limit ${this.maxUploadBytes} bytes)`)
    let given: string
    try {
      given = decodeURIComponent(String(request.headers['x-file-name'] ?? 'upload'))
    } catch {
      throw new AppFailure('InvalidInput', 'X-File-Name is not percent-encoded')
    }
    const name = safeName(given)
    const folder = join(this.dir, `upload-${randomUUID()}`)
    mkdirSync(folder)
    const path = join(folder, name)
    let received = 0
    const cap = this.maxUploadBytes
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length
        callback(received > cap ? new AppFailure('InvalidInput', `upload too large (limit ${cap} bytes)`) : null, chunk)
      },
    })
    try {
      await pipeline(request, counter, createWriteStream(path, { flags: 'wx' }))
    } catch (error) {
      rmSync(folder, { recursive: true, force: true })
      throw error
    }
    // Messages (an import failure) name the file as the user knows it, not our temp path.
    return this.files.register(path, displayName(given, name))
  }

  /** GET /api/downloads/<id>: 404 until the export has finished writing (exportToFile renames at the end). */
  sendDownload(id: string, response: ServerResponse, headers: Record<string, string>): void {
    const slot = ID.test(id) ? this.downloads.get(id) : undefined
    if (!slot || !existsSync(slot.path)) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('no such download (yet)')
      return
    }
    response.writeHead(200, {
      ...headers,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Length': statSync(slot.path).size,
      'Content-Disposition': `attachment; filename="${slot.fileName}"`,
      'Cache-Control': 'no-store',
    })
    createReadStream(slot.path).pipe(response)
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** The browser's name for the file, on one printable line (only ever shown, never a path). */
export function displayName(given: string, fallback: string): string {
  const base = (given.split(/[\\/]/).at(-1) ?? '').replace(/\p{Cc}/gu, '').trim().slice(0, 200)
  return base === '' ? fallback : base
}

/** A file name that is only a name: no separators, no leading dots, printable ASCII. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? ''
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '').slice(0, 120)
  return cleaned === '' ? 'upload' : cleaned
}
