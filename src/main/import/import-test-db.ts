import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DatabaseHandle } from '../db/connection'

/** Test helpers: a temp directory for input files, and a fingerprint of every stored row. */
export function makeTempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'momentum-import-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** sha256 over all games, events and TMI rows in key order: equal hashes mean nothing changed. */
export async function hashRows(handle: DatabaseHandle): Promise<string> {
  const games = await handle.db.selectFrom('games').selectAll().orderBy('game_id').execute()
  const events = await handle.db.selectFrom('events').selectAll().orderBy('event_id').execute()
  const tmi = await handle.db.selectFrom('tmi_calculations').selectAll().orderBy('id').execute()
  return createHash('sha256').update(JSON.stringify([games, events, tmi])).digest('hex')
}

export async function countRows(handle: DatabaseHandle, table: 'games' | 'events' | 'tmi_calculations'): Promise<number> {
  const row = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
