import type { Kysely } from 'kysely'
import type { CleanupOptions, CleanupResult, NewTmiRecord, TmiHistoryQuery, TmiRecord } from '../../shared/domain/tmi'
import { inWriteTransaction, toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import type { Database, NewTmi, TmiRow } from '../db/schema'
import { formatTimestamp, toIsoTimestamp } from '../db/timestamps'
import { AppFailure } from '../errors/app-failure'
import { toStoredTimestamp } from '../events/event-timestamp'
import { findExistingGameIds, findGameById } from '../games/games.repository'
import { formatContributionsPython, parseContributions } from './engine'
import { countTmiGroups, deleteTmiBeyond, findLatestTmi, findTmiHistory, insertTmiRows } from './tmi.repository'

const DEFAULT_HISTORY_LIMIT = 10_000

async function read<T>(handle: DatabaseHandle, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  try {
    return await work(handle.db)
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
}

export async function storeTmi(handle: DatabaseHandle, record: NewTmiRecord): Promise<TmiRecord> {
  const [stored] = await storeRows(handle, [record])
  return toTmiRecord(stored!)
}

/** Stores the records in one transaction, in the given order; an unknown game rejects them all. */
export async function storeTmiBatch(handle: DatabaseHandle, records: readonly NewTmiRecord[]): Promise<number> {
  if (records.length === 0) return 0
  return (await storeRows(handle, records)).length
}

async function storeRows(handle: DatabaseHandle, records: readonly NewTmiRecord[]): Promise<TmiRow[]> {
  const now = formatTimestamp(new Date())
  const rows = records.map((record) => toTmiRow(record, now))
  return inWriteTransaction(handle, async (trx) => {
    const existing = await findExistingGameIds(trx, [...new Set(rows.map((row) => row.game_id))])
    const orphan = rows.find((row) => !existing.has(row.game_id))
    if (orphan) throw new AppFailure('NotFound', `TMI for ${orphan.team_tricode}: game ${orphan.game_id} not found (nothing was stored)`)
    return insertTmiRows(trx, rows)
  })
}

/** The newest row by calculated_at, then id; read from the database every time (no cache). */
export async function getLatestTmi(handle: DatabaseHandle, gameId: string, team: string, algorithm?: string): Promise<TmiRecord | null> {
  const filter = { gameId, team, ...(algorithm !== undefined && { algorithm }) }
  const row = await read(handle, (db) => findLatestTmi(db, handle.dialect, filter))
  return row ? toTmiRecord(row) : null
}

/** Oldest first unless `order` is 'desc'; bounds compare as times, whatever text form the rows hold. */
export async function getTmiHistory(handle: DatabaseHandle, query: TmiHistoryQuery): Promise<TmiRecord[]> {
  const limit = query.limit ?? DEFAULT_HISTORY_LIMIT
  if (!Number.isInteger(limit) || limit < 1) throw new AppFailure('InvalidInput', `limit must be a positive integer, not ${limit}`)
  const order = query.order ?? 'asc'
  if (order !== 'asc' && order !== 'desc') throw new AppFailure('InvalidInput', `order must be asc or desc, not "${order}"`)
  const filter = {
    gameId: query.gameId,
    ...(query.team !== undefined && { team: query.team }),
    ...(query.algorithm !== undefined && { algorithm: query.algorithm }),
    ...(query.from !== undefined && { from: bound(query.from, 'from') }),
    ...(query.to !== undefined && { to: bound(query.to, 'to') }),
  }
  return (await read(handle, (db) => findTmiHistory(db, handle.dialect, filter, order, limit))).map(toTmiRecord)
}

/**
 * Keeps exactly `keepTmi` rows per (game, team), the newest by calculated_at then id, and deletes
 * the rest in one write transaction (the original kept N+1 plus ties). Events are never deleted.
 */
export async function cleanupOldData(handle: DatabaseHandle, options: CleanupOptions): Promise<CleanupResult> {
  const keep = options.keepTmi
  if (!Number.isInteger(keep) || keep < 0) throw new AppFailure('InvalidInput', `keepTmi must be an integer ≥ 0, not ${keep}`)
  const dryRun = options.dryRun ?? false
  const work = async (db: Kysely<Database>): Promise<CleanupResult> => {
    const counts = await countTmiGroups(db, options.gameId)
    if (options.gameId !== undefined && counts.length === 0 && !(await findGameById(db, options.gameId))) {
      throw new AppFailure('NotFound', `game ${options.gameId} not found`)
    }
    const groups = counts.map(({ game_id: gameId, team_tricode: teamTricode, total }) => {
      const kept = Math.min(Number(total), keep)
      return { gameId, teamTricode, kept, deleted: Number(total) - kept }
    })
    const planned = groups.reduce((sum, group) => sum + group.deleted, 0)
    const tmiDeleted = dryRun || planned === 0 ? planned : await deleteTmiBeyond(db, handle.dialect, keep, options.gameId)
    return { tmiDeleted, eventsDeleted: 0, groups, dryRun }
  }
  return dryRun ? read(handle, work) : inWriteTransaction(handle, work)
}

function toTmiRow(record: NewTmiRecord, now: string): NewTmi {
  if (!record.gameId || !record.teamTricode) throw new AppFailure('InvalidInput', 'a TMI record needs a game id and a team')
  if (!Number.isFinite(record.tmiValue)) throw new AppFailure('InvalidInput', `TMI value for ${record.teamTricode} in ${record.gameId} is not a finite number`)
  const contributions = record.featureContributions
  return {
    game_id: record.gameId,
    team_tricode: record.teamTricode,
    tmi_value: record.tmiValue,
    feature_contributions: typeof contributions === 'string' ? contributions : formatContributionsPython(contributions),
    prediction_probability: record.predictionProbability ?? null,
    confidence_score: record.confidenceScore ?? null,
    rolling_window_size: record.rollingWindowSize ?? null,
    calculated_at: record.calculatedAt === undefined ? now : calculatedAt(record.calculatedAt),
    period: record.period ?? null,
    clock: record.clock ?? null,
    elapsed_seconds: record.elapsedSeconds ?? null,
    possession_number: record.possessionNumber ?? null,
    algorithm: record.algorithm ?? null,
    parameters: record.parameters == null ? null : JSON.stringify(record.parameters),
  }
}

function calculatedAt(value: string | Date): string {
  const stored = value instanceof Date ? (Number.isNaN(value.getTime()) ? null : formatTimestamp(value)) : toStoredTimestamp(value)
  if (stored === null) throw new AppFailure('InvalidInput', `calculatedAt "${String(value)}" is not a timestamp`)
  return stored
}

function bound(text: string, name: 'from' | 'to'): string {
  const stored = toStoredTimestamp(text)
  if (stored === null) throw new AppFailure('InvalidInput', `${name} "${text}" is not a timestamp`)
  return stored
}

export function toTmiRecord(row: TmiRow): TmiRecord {
  return {
    id: row.id,
    gameId: row.game_id,
    teamTricode: row.team_tricode,
    tmiValue: row.tmi_value,
    featureContributions: parseContributions(row.feature_contributions),
    predictionProbability: row.prediction_probability,
    confidenceScore: row.confidence_score,
    rollingWindowSize: row.rolling_window_size,
    calculatedAt: toIsoTimestamp(row.calculated_at),
    period: row.period,
    clock: row.clock,
    elapsedSeconds: row.elapsed_seconds,
    possessionNumber: row.possession_number,
    algorithm: row.algorithm,
    parameters: parseParameters(row.parameters),
  }
}

/** Parameters JSON as an object; anything else (absent, unreadable, not an object) is null. */
function parseParameters(text: string | null): Record<string, unknown> | null {
  if (!text) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
