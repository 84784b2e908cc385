import type { Kysely } from 'kysely'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { inWriteTransaction, toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import type { Database, EventRow, GameRow, NewTmi } from '../db/schema'
import { formatTimestamp } from '../db/timestamps'
import { AppFailure } from '../errors/app-failure'
import { findEventsInGameOrder } from '../events/events.repository'
import { findGameById } from '../games/games.repository'
import { listGames } from '../games/games.service'
import { NO_TEAM } from '../import/nba-teams'
import { computeTmi, DEFAULT_ALGORITHM, formatContributionsPython, resolveParameters, type TmiAlgorithm, type TmiEvent, type TmiParameters, type TmiPoint } from './engine'
import { deleteTmiForAlgorithm, hasTmiForAlgorithm } from './tmi-compute.repository'
import { insertTmiRows } from './tmi.repository'

const ALGORITHMS: readonly TmiAlgorithm[] = ['momentumml-1', 'momentum-2']
const GAME_PAGE = 500

export interface ComputeTmiOptions {
  algorithm?: TmiAlgorithm
  windowSize?: number
  normalizationWindow?: number
  weights?: Record<string, number>
  /** Replace the game's rows of this algorithm; without it an existing computation is kept. */
  replace?: boolean
}

export type GameTmiStatus = 'computed' | 'replaced' | 'skipped-existing' | 'no-events'

export interface GameTmiResult {
  gameId: string
  algorithm: TmiAlgorithm
  status: GameTmiStatus
  /** Rows written (0 unless computed or replaced). */
  rows: number
}

export interface ComputeAllTmiOptions extends ComputeTmiOptions {
  onProgress?: (done: number, total: number) => void
  /** Checked between games: each game is written whole or not at all. */
  signal?: AbortSignal
}

async function read<T>(handle: DatabaseHandle, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  try {
    return await work(handle.db)
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
}

/**
 * Computes the game's TMI from all its stored events (in game order) and stores one row per
 * possession point, in game order, under one calculated_at. With `replace` the game's rows of that
 * algorithm are swapped for the new ones in one write transaction; without it an existing
 * computation is left alone ('skipped-existing'). A game without events is reported as
 * 'no-events' and its rows are not touched.
 */
export async function computeGameTmi(handle: DatabaseHandle, gameId: string, options: ComputeTmiOptions = {}): Promise<GameTmiResult> {
  const algorithm = options.algorithm ?? DEFAULT_ALGORITHM
  const parameters = effectiveParameters(algorithm, options)
  const replace = options.replace ?? false
  const result = (status: GameTmiStatus, rows = 0): GameTmiResult => ({ gameId, algorithm, status, rows })
  const game = await read(handle, (db) => findGameById(db, gameId))
  if (!game) throw new AppFailure('NotFound', `game ${gameId} not found`)
  if (!replace && (await read(handle, (db) => hasTmiForAlgorithm(db, gameId, algorithm)))) return result('skipped-existing')
  const events = await read(handle, (db) => findEventsInGameOrder(db, handle.dialect, { gameId }))
  if (events.length === 0) return result('no-events')
  const points = computeTmi(events.map(toTmiEvent), { algorithm, parameters, teams: scoredTeams(game, events) })
  const stamp = { algorithm, parameters: JSON.stringify(parameters), calculatedAt: formatTimestamp(new Date()) }
  const rows = inGameOrder(points).map((point) => toTmiRow(gameId, point, stamp))
  return inWriteTransaction(handle, async (trx) => {
    let replaced = 0
    if (replace) replaced = await deleteTmiForAlgorithm(trx, gameId, algorithm)
    else if (await hasTmiForAlgorithm(trx, gameId, algorithm)) return result('skipped-existing')
    await insertTmiRows(trx, rows)
    return result(replaced > 0 ? 'replaced' : 'computed', rows.length)
  })
}

/** computeGameTmi for every game, by game id; stops between games when `signal` aborts. */
export async function computeAllTmi(handle: DatabaseHandle, options: ComputeAllTmiOptions = {}): Promise<{ results: GameTmiResult[]; cancelled: boolean }> {
  const { onProgress, signal, ...computeOptions } = options
  effectiveParameters(computeOptions.algorithm ?? DEFAULT_ALGORITHM, computeOptions)
  const gameIds = await listAllGameIds(handle)
  const results: GameTmiResult[] = []
  for (const gameId of gameIds) {
    // SQLite work never yields to the event loop by itself; a turn lets a Ctrl-C handler abort `signal`.
    if (signal) await nextTurn()
    if (signal?.aborted) return { results, cancelled: true }
    results.push(await computeGameTmi(handle, gameId, computeOptions))
    onProgress?.(results.length, gameIds.length)
  }
  return { results, cancelled: false }
}

async function listAllGameIds(handle: DatabaseHandle): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await listGames(handle, { sort: 'game_id', direction: 'asc', limit: GAME_PAGE, ...(cursor !== undefined && { cursor }) })
    ids.push(...page.games.map((game) => game.gameId))
    if (!page.hasMore || page.nextCursor === null) return ids
    cursor = page.nextCursor
  }
}

function effectiveParameters(algorithm: TmiAlgorithm, options: ComputeTmiOptions): TmiParameters {
  if (!ALGORITHMS.includes(algorithm)) throw new AppFailure('InvalidInput', `unknown TMI algorithm "${algorithm}" (use ${ALGORITHMS.join(' or ')})`)
  for (const [name, weight] of Object.entries(options.weights ?? {})) {
    if (!Number.isFinite(weight)) throw new AppFailure('InvalidInput', `weight ${name} must be a finite number, not ${weight}`)
  }
  try {
    return resolveParameters({
      ...(options.windowSize !== undefined && { windowSize: options.windowSize }),
      ...(options.normalizationWindow !== undefined && { normalizationWindow: options.normalizationWindow }),
      ...(options.weights !== undefined && { weights: options.weights }),
    })
  } catch (error) {
    throw new AppFailure('InvalidInput', error instanceof Error ? error.message : String(error))
  }
}

/**
 * The teams that get points: the game's home and away. A side the importer has not learned yet
 * (`---`) is filled in from the events' own teams, so such a game is still scored.
 */
function scoredTeams(game: GameRow, events: readonly EventRow[]): string[] {
  const isTeam = (team: string) => team !== '' && team !== NO_TEAM
  const teams = [game.home_team, game.away_team].filter(isTeam)
  if (teams.length === 2) return teams
  for (const event of events) if (isTeam(event.team_tricode) && !teams.includes(event.team_tricode)) teams.push(event.team_tricode)
  return teams
}

function toTmiEvent(row: EventRow): TmiEvent {
  return {
    eventId: row.event_id,
    gameId: row.game_id,
    teamTricode: row.team_tricode,
    eventType: row.event_type,
    clock: row.clock,
    period: row.period,
    pointsTotal: row.points_total,
    shotResult: row.shot_result,
  }
}

/** By game time; momentumml-1 yields its points in reverse within a period. Ties keep the engine's order. */
function inGameOrder(points: readonly TmiPoint[]): TmiPoint[] {
  return [...points].sort((a, b) => a.elapsedSeconds - b.elapsedSeconds)
}

/** What every row of one computation shares: one calculated_at for the run, as the original's utcnow. */
interface RunStamp {
  algorithm: TmiAlgorithm
  parameters: string
  calculatedAt: string
}

function toTmiRow(gameId: string, point: TmiPoint, stamp: RunStamp): NewTmi {
  return {
    game_id: gameId,
    team_tricode: point.teamTricode,
    tmi_value: point.tmiValue,
    feature_contributions: formatContributionsPython(point.featureContributions),
    prediction_probability: point.predictionProbability,
    confidence_score: point.confidenceScore,
    rolling_window_size: point.rollingWindowSize,
    calculated_at: stamp.calculatedAt,
    period: point.period,
    clock: point.clock,
    elapsed_seconds: point.elapsedSeconds,
    possession_number: point.possessionNumber,
    algorithm: stamp.algorithm,
    parameters: stamp.parameters,
  }
}
