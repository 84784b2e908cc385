import { readFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { NewGameEvent } from '../../shared/domain/events'
import { inWriteTransaction, type DatabaseHandle } from '../db/connection'
import type { Database, NewGame, NewTmi, TmiRow } from '../db/schema'
import { formatTimestamp } from '../db/timestamps'
import { AppFailure } from '../errors/app-failure'
import { toStoredTimestamp } from '../events/event-timestamp'
import { storeEvents } from '../events/events.service'
import { findExistingGameIds, updateGame } from '../games/games.repository'
import { describeFsError } from './import-inputs'
import { invalidRow, withSource } from './import-failure'
import type { ImportTableName } from './table-columns'
import { readTableFile, type TableRow } from './table-file'
import { findGamesByIds, findTmiRowsOfGames, insertGameRows, insertTmiRows } from './table-import.repository'

export interface TableImportResult {
  table: ImportTableName
  file: string
  rows: number
  added: number
  unchanged: number
  updated: number
}

/**
 * Imports one .csv/.ndjson table file: validated whole, then stored in one write transaction, so a
 * bad row stores nothing. Idempotent: games by game_id, events by event_id (through storeEvents),
 * TMI rows by their full content. Throws `FILE: row N: column: cause` or `FILE: cause`.
 */
export async function importTable(handle: DatabaseHandle, table: ImportTableName, file: string): Promise<TableImportResult> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new AppFailure('InvalidInput', `${file}: ${describeFsError(error)}`)
  }
  const rows = readTableFile(text, file, table)
  const base = { table, file, rows: rows.length, added: 0, unchanged: 0, updated: 0 }
  if (rows.length === 0) return base
  try {
    if (table === 'games') return { ...base, ...(await importGames(handle, file, rows)) }
    if (table === 'events') return { ...base, ...(await importEvents(handle, file, rows)) }
    return { ...base, ...(await importTmi(handle, file, rows)) }
  } catch (error) {
    throw withSource(file, error)
  }
}

type Counts = Pick<TableImportResult, 'added' | 'unchanged' | 'updated'>

function rejectRepeats(file: string, rows: readonly TableRow[], column: string): void {
  const firstRow = new Map<unknown, number>()
  rows.forEach((row, index) => {
    const seen = firstRow.get(row[column])
    if (seen !== undefined) throw invalidRow(file, index + 1, column, `${String(row[column])} already appears in row ${seen}`)
    firstRow.set(row[column], index + 1)
  })
}

async function requireGames(db: Kysely<Database>, file: string, rows: readonly TableRow[]): Promise<void> {
  const existing = await findExistingGameIds(db, [...new Set(rows.map((row) => row.game_id as string))])
  const index = rows.findIndex((row) => !existing.has(row.game_id as string))
  if (index >= 0) throw invalidRow(file, index + 1, 'game_id', `game ${String(rows[index]!.game_id)} not found (import its games row first)`)
}

const stored = (text: string | number | null | undefined): string | null => (typeof text === 'string' ? toStoredTimestamp(text) : null)

async function importGames(handle: DatabaseHandle, file: string, rows: readonly TableRow[]): Promise<Counts> {
  rejectRepeats(file, rows, 'game_id')
  const now = formatTimestamp(new Date())
  return inWriteTransaction(handle, async (trx) => {
    const known = new Map((await findGamesByIds(trx, rows.map((row) => row.game_id as string))).map((row) => [row.game_id, row]))
    const fresh: NewGame[] = []
    const counts: Counts = { added: 0, unchanged: 0, updated: 0 }
    for (const row of rows) {
      const fields = { home_team: row.home_team as string, away_team: row.away_team as string, game_date: row.game_date as string, status: row.status as string }
      const createdAt = stored(row.created_at)
      const old = known.get(row.game_id as string)
      if (!old) {
        fresh.push({ game_id: row.game_id as string, ...fields, created_at: createdAt ?? now })
        continue
      }
      const sameCreated = createdAt === null || createdAt === stored(old.created_at)
      const same = old.home_team === fields.home_team && old.away_team === fields.away_team && old.game_date === fields.game_date && old.status === fields.status
      if (same && sameCreated) {
        counts.unchanged++
        continue
      }
      await updateGame(trx, old.game_id, createdAt === null ? fields : { ...fields, created_at: createdAt })
      counts.updated++
    }
    await insertGameRows(trx, fresh)
    counts.added = fresh.length
    return counts
  })
}

async function importEvents(handle: DatabaseHandle, file: string, rows: readonly TableRow[]): Promise<Counts> {
  rejectRepeats(file, rows, 'event_id')
  await requireGames(handle.db, file, rows)
  const events: NewGameEvent[] = rows.map((row) => ({
    eventId: row.event_id as string,
    gameId: row.game_id as string,
    teamTricode: row.team_tricode as string,
    playerName: row.player_name as string | null,
    eventType: row.event_type as string,
    clock: row.clock as string,
    period: row.period as number,
    pointsTotal: row.points_total as number | null,
    shotResult: row.shot_result as string | null,
    description: row.description as string | null,
    timestamp: row.timestamp as string | null,
    orderNumber: row.order_number as number | null,
  }))
  const result = await storeEvents(handle, events)
  return { added: result.stored, unchanged: result.unchanged, updated: result.updated }
}

/** Every column but id, with times in one form: equal keys are the same TMI row. */
function tmiKey(row: NewTmi | TmiRow): string {
  return JSON.stringify([
    row.game_id, row.team_tricode, row.tmi_value, row.feature_contributions ?? null, row.prediction_probability ?? null,
    row.confidence_score ?? null, row.rolling_window_size ?? null, stored(row.calculated_at), row.period ?? null, row.clock ?? null,
    row.elapsed_seconds ?? null, row.possession_number ?? null, row.algorithm ?? null, row.parameters ?? null,
  ])
}

async function importTmi(handle: DatabaseHandle, file: string, rows: readonly TableRow[]): Promise<Counts> {
  const incoming: NewTmi[] = rows.map((row) => ({
    game_id: row.game_id as string,
    team_tricode: row.team_tricode as string,
    tmi_value: row.tmi_value as number,
    feature_contributions: row.feature_contributions as string | null,
    prediction_probability: row.prediction_probability as number | null,
    confidence_score: row.confidence_score as number | null,
    rolling_window_size: row.rolling_window_size as number | null,
    calculated_at: stored(row.calculated_at),
    period: row.period as number | null,
    clock: row.clock as string | null,
    elapsed_seconds: row.elapsed_seconds as number | null,
    possession_number: row.possession_number as number | null,
    algorithm: row.algorithm as string | null,
    parameters: row.parameters as string | null,
  }))
  return inWriteTransaction(handle, async (trx) => {
    await requireGames(trx, file, rows)
    // A multiset: the same file twice stores its rows once, and real duplicates stay duplicates.
    const available = new Map<string, number>()
    for (const row of await findTmiRowsOfGames(trx, [...new Set(incoming.map((row) => row.game_id))])) {
      const key = tmiKey(row)
      available.set(key, (available.get(key) ?? 0) + 1)
    }
    const fresh = incoming.filter((row) => {
      const key = tmiKey(row)
      const left = available.get(key) ?? 0
      if (left > 0) available.set(key, left - 1)
      return left === 0
    })
    await insertTmiRows(trx, fresh)
    return { added: fresh.length, unchanged: incoming.length - fresh.length, updated: 0 }
  })
}
