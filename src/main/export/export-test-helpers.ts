/** Test data and helpers for the export suites: hostile text, negative numbers, every stored contribution form. */
import { parse } from 'csv-parse/sync'
import { Writable } from 'node:stream'
import type { DatabaseHandle, Dialect } from '../db/connection'
import type { NewEvent, NewGame, NewTmi } from '../db/schema'

/** Text a spreadsheet would run, or that breaks naive CSV. */
export const HOSTILE = ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd', '\ncmd', 'x;=1+2', 'a","=1+2', 'two\nlines', 'Valančiūnas']
/** PostgreSQL text cannot hold NUL, so this one is seeded on SQLite only. */
export const NUL_TEXT = '\0x'
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '\0']

export const GAMES: NewGame[] = [
  { game_id: '0022400001', home_team: 'LAL', away_team: 'BOS', game_date: '2024-10-22', status: 'Final', created_at: '2024-10-22 19:00:00.123456' },
  { game_id: '0022400002', home_team: '=HYPERLINK("x")', away_team: '+1', game_date: '2024-10-23', status: '@SUM(A1)', created_at: '2024-10-23 19:00:00' },
  { game_id: '-2', home_team: 'Valančiūnas', away_team: 'x;=1+2', game_date: '2024-11-01', status: 'say "hi"', created_at: null },
  { game_id: '0022400004', home_team: 'NYK', away_team: 'MIA', game_date: '2024-12-25', status: 'Scheduled', created_at: null },
]

/** A TMI row to insert and what its contribution columns must read back as. */
export interface TmiSeed {
  row: NewTmi
  contributions: Record<string, number>
  /** calculated_at as exported (stored form, microseconds). */
  calculatedAt: string | null
}

const STANDARD = '{"points_scored": 0.4, "fg_percentage": -0.25, "rebounds": 0.0, "turnovers": -0.0, "fouls": 1e-05}'

function tmi(gameId: string, team: string, value: number, contributionsText: string | null, contributions: Record<string, number>, calculatedAt: string | null, stored: string | null, extra: Partial<NewTmi> = {}): TmiSeed {
  return {
    row: {
      game_id: gameId, team_tricode: team, tmi_value: value, feature_contributions: contributionsText, prediction_probability: 0.5,
      confidence_score: 0.25, rolling_window_size: 5, calculated_at: stored, ...extra,
    },
    contributions,
    calculatedAt,
  }
}

const m2 = (possession: number, elapsed: number) => ({ algorithm: 'momentum-2', possession_number: possession, period: 1, clock: '11:30', elapsed_seconds: elapsed, parameters: '{"windowSize": 5}' })

/** In export order: game date, game, algorithm (none first), possession, calculated_at, team, id. */
export const TMI_SEEDS: TmiSeed[] = [
  // Python rows: no algorithm, no possession; ordered by calculated_at.
  tmi('0022400001', 'LAL', -0.06937218462755805, '{"points_scored": 0.0, "fg_percentage": -0.06937218462755805, "rebounds": 0.0, "turnovers": -0.0, "fouls": -0.0}',
    { points_scored: 0, fg_percentage: -0.06937218462755805, rebounds: 0, turnovers: -0, fouls: -0 }, '2025-10-23 21:12:50.402785', '2025-10-23 21:12:50.402785'),
  tmi('0022400001', 'BOS', 0.5, "{'points_scored': 0.5, 'fg_percentage': -0.42, 'rebounds': 0.0, 'turnovers': -0.15, 'fouls': -0.05}",
    { points_scored: 0.5, fg_percentage: -0.42, rebounds: 0, turnovers: -0.15, fouls: -0.05 }, '2025-10-23 21:12:51.000000', '2025-10-23T21:12:51'),
  tmi('0022400001', 'LAL', -1.5, '{"points_scored": NaN, "fg_percentage": 0.1, "rebounds": 0.0, "turnovers": 0.0, "fouls": 0.0}',
    { points_scored: Number.NaN, fg_percentage: 0.1, rebounds: 0, turnovers: 0, fouls: 0 }, '2025-10-23 21:12:52.500000', '2025-10-23 21:12:52.5'),
  // momentum-2, in possession order; possession 2 has two teams at the same time (team breaks the tie).
  tmi('0022400001', 'LAL', -0.42, STANDARD, { points_scored: 0.4, fg_percentage: -0.25, rebounds: 0, turnovers: -0, fouls: 1e-5 }, '2025-10-24 10:00:00.000000', '2025-10-24 10:00:00', m2(1, 30)),
  tmi('0022400001', 'BOS', 1.25, STANDARD, { points_scored: 0.4, fg_percentage: -0.25, rebounds: 0, turnovers: -0, fouls: 1e-5 }, '2025-10-24 09:00:00.000000', '2025-10-24 09:00:00', m2(2, 61.5)),
  tmi('0022400001', 'LAL', -2, STANDARD, { points_scored: 0.4, fg_percentage: -0.25, rebounds: 0, turnovers: -0, fouls: 1e-5 }, '2025-10-24 09:00:00.000000', '2025-10-24 09:00:00', m2(2, -3.75)),
  // momentumml-1: an extra key, keys in another order, a subset.
  tmi('0022400001', 'BOS', 0.75, '{"points_scored": 0.1, "fg_percentage": 0.2, "rebounds": 0.3, "turnovers": 0.4, "fouls": 0.5, "clutch": -0.7}',
    { points_scored: 0.1, fg_percentage: 0.2, rebounds: 0.3, turnovers: 0.4, fouls: 0.5, clutch: -0.7 }, '2025-10-24 11:00:00.000000', '2025-10-24 11:00:00', { ...m2(1, 20), algorithm: 'momentumml-1' }),
  tmi('0022400001', 'LAL', -0.1, '{"fouls": -0.5, "points_scored": 0.1}', { fouls: -0.5, points_scored: 0.1 }, '2025-10-24 11:00:01.000000', '2025-10-24 11:00:01', { ...m2(2, 40), algorithm: 'momentumml-1' }),
  // Hostile team and clock text, missing and unreadable contributions.
  tmi('0022400002', '=HYPERLINK("x")', -0.42, null, {}, '2025-10-25 12:00:00.000000', '2025-10-25 12:00:00', { ...m2(1, 10), clock: '-2' }),
  tmi('0022400002', '+1', -7, '=cmd', {}, '2025-10-25 12:00:01.000000', '2025-10-25 12:00:01', { ...m2(2, 11), clock: '@SUM(A1)' }),
  tmi('0022400002', '@SUM(A1)', 3, '', {}, null, null, { ...m2(3, 12), clock: '\tcmd' }),
  // A hostile contribution key becomes a hostile (quoted) header.
  tmi('-2', 'x;=1+2', -0.001, '{"=x,y": 1.5, "points_scored": -3.0}', { '=x,y': 1.5, points_scored: -3 }, '2025-11-01 20:00:00.000000', '2025-11-01 20:00:00', { ...m2(1, 5), clock: '\rcmd' }),
  tmi('-2', 'Valančiūnas', 2.5, STANDARD, { points_scored: 0.4, fg_percentage: -0.25, rebounds: 0, turnovers: -0, fouls: 1e-5 }, '2025-11-01 20:00:01.000000', '2025-11-01 20:00:01', { ...m2(2, 6), clock: '\ncmd' }),
]

/** Every key found in TMI_SEEDS beyond the five features, sorted. */
export const EXTRA_KEYS = ['=x,y', 'clutch']

export function eventSeeds(dialect: Dialect): NewEvent[] {
  const event = (id: string, gameId: string, extra: Partial<NewEvent>): NewEvent => ({
    event_id: id, game_id: gameId, team_tricode: 'LAL', player_name: null, event_type: 'shot', clock: '11:30', period: 1, points_total: null,
    shot_result: null, description: null, timestamp: null, order_number: null, clock_seconds: null, ...extra,
  })
  return [
    event('e4', '0022400001', { period: 2, clock: '12:00', clock_seconds: 720, order_number: 10, timestamp: '2024-10-22 20:00:00' }),
    event('e5', '0022400001', { clock: '', timestamp: '2024-10-22 19:59:00', description: 'python row, later' }),
    event('e1', '0022400001', { clock: '12:00', clock_seconds: 720, order_number: 1, player_name: '=HYPERLINK("x")', event_type: 'jump_ball', description: '\tcmd', timestamp: '2024-10-22T19:00:00Z' }),
    event('e3', '0022400001', { clock_seconds: 690, order_number: 3, team_tricode: 'BOS', player_name: 'a","=1+2', points_total: -3, shot_result: 'Missed', description: 'x;=1+2' }),
    event('e2', '0022400001', { clock_seconds: 689.5, order_number: 2, player_name: 'Valančiūnas', points_total: 2, shot_result: 'Made', description: 'two\nlines', timestamp: '2024-10-22 19:00:10.25' }),
    event('e6', '0022400001', { clock: '', timestamp: '2024-10-22 19:58:00', description: dialect === 'sqlite' ? NUL_TEXT : '\rcmd' }),
    event('e7', '0022400002', { team_tricode: '+1', player_name: '-2', event_type: '@SUM(A1)', clock: '-0:01', clock_seconds: -0.5, order_number: 1, description: '\ncmd' }),
    event('e8', '-2', { team_tricode: 'x;=1+2', player_name: '', description: '' }),
  ]
}

/** e4 sorts last in its game: period 2; e1 → e3 by clock counting down; unknown clocks by timestamp. */
export const EVENT_ORDER = ['e1', 'e3', 'e2', 'e6', 'e5', 'e4', 'e7', 'e8']

export async function seedExportData(handle: DatabaseHandle): Promise<void> {
  await handle.db.insertInto('games').values(GAMES).execute()
  await handle.db.insertInto('events').values(eventSeeds(handle.dialect)).execute()
  for (const seed of TMI_SEEDS) await handle.db.insertInto('tmi_calculations').values(seed.row).execute()
}

/** Collects what an export writes; a small buffer and an async write make backpressure real. */
export class MemoryOutput extends Writable {
  readonly chunks: Buffer[] = []
  constructor(private readonly onChunk?: (count: number) => void) {
    super({ highWaterMark: 1024 })
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk)
    this.onChunk?.(this.chunks.length)
    setImmediate(callback)
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks)
  }
  text(): string {
    return this.bytes().toString('utf8')
  }
}

export interface ParsedCsv {
  header: string[]
  rows: Record<string, string>[]
}

/** Parses the CSV back with csv-parse (a BOM is skipped) into header + one record per row. */
export function parseCsv(text: string, delimiter = ','): ParsedCsv {
  const [header = [], ...records] = parse(text, { bom: true, delimiter }) as string[][]
  return { header, rows: records.map((record) => Object.fromEntries(header.map((name, index) => [name, record[index] ?? '']))) }
}

/** True when the cell is what the database holds, or that text made safe with a leading `'`. */
export function showsText(cell: string | undefined, value: string | null | undefined): boolean {
  if (value === null || value === undefined) return cell === ''
  return cell === value || (cell === `'${value}` && FORMULA_TRIGGERS.includes(value.charAt(0)))
}

/** True when the cell is the number (NaN and -0 included), or empty for NULL. */
export function showsNumber(cell: string | undefined, value: number | null | undefined): boolean {
  if (value === null || value === undefined) return cell === ''
  if (cell === undefined || cell === '') return false
  return Object.is(Number(cell), value) || (Number(cell) === 0 && value === 0)
}

/** A spreadsheet would not run it: no formula trigger first, unless a numeric column holds a number. */
export function isSafeCell(cell: string, numeric: boolean): boolean {
  if (numeric && cell !== '' && !Number.isNaN(Number(cell))) return true
  return !FORMULA_TRIGGERS.includes(cell.charAt(0))
}
