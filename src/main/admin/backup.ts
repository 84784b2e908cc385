/**
 * SQLite backups. The copy is written with VACUUM INTO under a temp name in the destination
 * folder, checked with integrity_check, and only then linked to its final name, so an interrupted
 * backup never looks finished (sqlite.org/lang_vacuum.html: an interrupted VACUUM INTO "might be
 * incomplete and corrupt") and an existing file, such as an earlier backup, is never overwritten.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { AppFailure, toAppError } from '../errors/app-failure'
import type { DatabaseHandle } from '../db/connection'
import { publishFile } from '../files/publish-file'

export interface BackupResult {
  file: string
  sizeBytes: number
}

/** Copies the open SQLite database to `out`; fails if `out` exists. PostgreSQL: use pg_dump. */
export function backupDatabase(handle: DatabaseHandle, out: string): BackupResult {
  if (handle.dialect !== 'sqlite' || handle.sqlite === null) {
    throw new AppFailure('InvalidInput', `${handle.label}: backup is not supported for PostgreSQL (use pg_dump)`)
  }
  const file = resolve(out)
  if (existsSync(file)) throw new AppFailure('Conflict', `${file} already exists; a backup never overwrites a file (choose another name)`)
  const folder = dirname(file)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new AppFailure('NotFound', `cannot write backup ${file}: folder ${folder} does not exist`)
  const temp = join(folder, `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  try {
    writeCopy(handle, temp, file)
    checkCopy(handle, temp, file)
    if (!publishFile(temp, file)) throw new AppFailure('Conflict', `${file} appeared while the backup was written; it was left untouched`)
    return { file, sizeBytes: statSync(file).size }
  } finally {
    rmSync(temp, { force: true })
  }
}

/** Backs up a file database beside itself as `<name>.backup-YYYYMMDD-HHMMSS.db` (UTC). */
export function backupBesideDatabase(handle: DatabaseHandle, now: Date = new Date()): BackupResult {
  if (handle.target.dialect !== 'sqlite' || handle.target.memory) {
    throw new AppFailure('InvalidInput', `${handle.label}: only a SQLite file can be backed up beside itself`)
  }
  for (let n = 1; ; n++) {
    const candidate = backupFileName(handle.target.file, now, n)
    if (existsSync(candidate)) continue
    try {
      return backupDatabase(handle, candidate)
    } catch (error) {
      if (n >= 100 || !(error instanceof AppFailure && error.code === 'Conflict')) throw error
    }
  }
}

/** `/dir/momentum_ml.db` → `/dir/momentum_ml.backup-20250101-120000.db` (`-2`, `-3`… within one second). */
export function backupFileName(file: string, now: Date = new Date(), n = 1): string {
  const stem = basename(file, extname(file))
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return join(dirname(file), `${stem}.backup-${stamp}${n > 1 ? `-${n}` : ''}.db`)
}

function writeCopy(handle: DatabaseHandle, temp: string, file: string): void {
  try {
    handle.sqlite!.prepare('VACUUM INTO ?').run(temp)
  } catch (error) {
    throw new AppFailure(toAppError(error).code, `cannot write backup ${file}: ${toAppError(error).message}`)
  }
}

function checkCopy(handle: DatabaseHandle, temp: string, file: string): void {
  const sqlite = handle.sqlite!
  sqlite.prepare('ATTACH DATABASE ? AS backup_copy').run(temp)
  try {
    const answers = sqlite.prepare('PRAGMA backup_copy.integrity_check(1)').pluck().all() as string[]
    if (answers[0] !== 'ok') throw new AppFailure('Damaged', `backup ${file} failed integrity_check ("${answers[0] ?? 'no answer'}"); it was not kept`)
  } finally {
    sqlite.prepare('DETACH DATABASE backup_copy').run()
  }
}
