import { setImmediate as nextTurn } from 'node:timers/promises'
import { toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import { AppFailure } from '../errors/app-failure'
import { storeEvents } from '../events/events.service'
import { findExistingGameIds, findGameById } from '../games/games.repository'
import { createOrUpdateGame } from '../games/games.service'
import { computeGameTmi } from '../tmi/tmi-compute.service'
import { generateDemoGames, validateDemoOptions, type DemoGame, type DemoOptions } from './demo-generator'

/** Events per storeEvents call: big enough to amortize a transaction, small enough to stay responsive. */
const BATCH_EVENTS = 25_000

export interface FillDemoProgress {
  /** Games written so far, of `total`. */
  done: number
  total: number
  events: number
  tmiRows: number
}

export interface FillDemoOptions extends DemoOptions {
  /** Compute TMI (default algorithm) for every game; default true. */
  computeTmi?: boolean
  onProgress?: (progress: FillDemoProgress) => void
  /** Checked between batches: a batch of games is written whole. */
  signal?: AbortSignal
}

export interface FillDemoResult {
  games: number
  /** Events of the games written (new, or already stored from an earlier fill with the same seed). */
  events: number
  tmiRows: number
  cancelled: boolean
}

/**
 * Writes `games` demo games with their events, and their TMI, through the same services as an
 * import. Filling again with the same seed changes nothing; a database that holds other games
 * under the demo ids (another seed) is refused before anything is written.
 */
export async function fillDemoDatabase(handle: DatabaseHandle, options: FillDemoOptions): Promise<FillDemoResult> {
  validateDemoOptions(options)
  const computeTmi = options.computeTmi ?? true
  const totals = { games: 0, events: 0, tmiRows: 0 }
  let batch: DemoGame[] = []
  let batchEvents = 0
  const flush = async (): Promise<void> => {
    await refuseForeignGames(handle, batch)
    for (const game of batch) await createOrUpdateGame(handle, game.info)
    await storeEvents(handle, batch.flatMap((game) => game.events))
    if (computeTmi) for (const game of batch) totals.tmiRows += (await computeGameTmi(handle, game.info.gameId)).rows
    totals.games += batch.length
    totals.events += batchEvents
    options.onProgress?.({ done: totals.games, total: options.games, events: totals.events, tmiRows: totals.tmiRows })
    batch = []
    batchEvents = 0
  }
  for (const game of generateDemoGames(options)) {
    batch.push(game)
    batchEvents += game.events.length
    if (batchEvents < BATCH_EVENTS) continue
    // SQLite work is synchronous under Kysely's promises: without a turn of the event loop a
    // Ctrl-C handler could never run and abort the signal.
    await nextTurn()
    if (options.signal?.aborted) return { ...totals, cancelled: true }
    await flush()
  }
  if (options.signal?.aborted) return { ...totals, cancelled: true }
  if (batch.length > 0) await flush()
  return { ...totals, cancelled: false }
}

/** A stored game under a demo id with other teams comes from another seed: mixing the two would corrupt both. */
async function refuseForeignGames(handle: DatabaseHandle, batch: readonly DemoGame[]): Promise<void> {
  try {
    const existing = await findExistingGameIds(handle.db, batch.map((game) => game.info.gameId))
    for (const { info } of batch) {
      if (!existing.has(info.gameId)) continue
      const row = await findGameById(handle.db, info.gameId)
      if (row && (row.home_team !== info.homeTeam || row.away_team !== info.awayTeam)) {
        throw new AppFailure('Conflict', `game ${info.gameId} is already stored as ${row.away_team} @ ${row.home_team}, not this demo's ${info.awayTeam} @ ${info.homeTeam}: fill an empty database, or use the seed it was filled with`)
      }
    }
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
}
