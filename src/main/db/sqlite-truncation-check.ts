import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { AppFailure } from '../errors/app-failure'

/**
 * Refuses a SQLite file shorter than its own header says, before SQLite opens it. SQLite reports
 * the same file as corrupt only at the first read, and by then a read-only connection to a WAL-mode
 * file has already created `-wal` and `-shm` beside it. Anything this check cannot judge (no
 * header, a live `-wal`, a header size left stale by an old writer) is left to the normal open.
 */
export function refuseTruncatedDatabase(file: string): void {
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) return
    size = stat.size
  } catch {
    return
  }
  if (size < 100 || hasLiveWal(file)) return
  const header = Buffer.alloc(100)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, header, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return
  const rawPageSize = header.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize
  const pages = header.readUInt32BE(28)
  // The in-header page count is valid only when the change counter matches "version-valid-for".
  if (pages === 0 || header.readUInt32BE(24) !== header.readUInt32BE(92)) return
  const expected = pages * pageSize
  if (size < expected) {
    throw new AppFailure('Damaged', `${file} is truncated: its header promises ${pages} pages of ${pageSize} bytes (${expected} bytes) but the file has ${size}`)
  }
}

function hasLiveWal(file: string): boolean {
  const wal = `${file}-wal`
  return existsSync(wal) && statSync(wal).size > 0
}
