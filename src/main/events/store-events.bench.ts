/*
 * Ingest benchmark (not a test): storeEvents against the raw better-sqlite3 bound, one prepared
 * INSERT reused in one transaction, on fresh migrated files. Run with
 *   npx esbuild src/main/events/store-events.bench.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=node_modules/.cache/bench/store-events.mjs
 *   node node_modules/.cache/bench/store-events.mjs [events=1000000] [games=2000] [rounds=2] [batch=N] [interleaved]
 * `batch=N` stores N events per storeEvents call (default: all in one call).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { NewGameEvent } from '../../shared/domain/events'
import { openDatabase, type DatabaseHandle } from '../db/connection'
import { parseDatabaseSpec } from '../db/database-target'
import { migrate } from '../db/migrator'
import { formatTimestamp } from '../db/timestamps'
import { createOrUpdateGame } from '../games/games.service'
import { parseClockSeconds } from '../../shared/domain/game-clock'
import { storeEvents } from './events.service'

const [eventCount = 1_000_000, gameCount = 2_000, rounds = 2] = process.argv.slice(2, 5).map(Number)
const interleaved = process.argv.includes('interleaved')
const batch = Number(process.argv.find((arg) => arg.startsWith('batch='))?.slice(6) ?? eventCount)
const TYPES = ['shot', 'rebound', 'foul', 'turnover', 'free_throw']

const gameId = (g: number) => `00224${String(g).padStart(5, '0')}`

function makeEvents(): NewGameEvent[] {
  const perGame = Math.ceil(eventCount / gameCount)
  const events: NewGameEvent[] = []
  for (let i = 0; i < eventCount; i++) {
    const g = interleaved ? i % gameCount : Math.floor(i / perGame)
    const k = interleaved ? Math.floor(i / gameCount) : i % perGame
    events.push({
      eventId: `${gameId(g)}_${k}`,
      gameId: gameId(g),
      teamTricode: k % 2 ? 'LAL' : 'BOS',
      playerName: `Player ${k % 13}`,
      eventType: TYPES[k % TYPES.length]!,
      clock: `PT${11 - (k % 12)}M${String(k % 60).padStart(2, '0')}.00S`,
      period: 1 + Math.floor(k / 130) % 4,
      pointsTotal: Math.floor(k / 4),
      shotResult: k % 5 === 0 ? 'Made' : null,
      description: `Play ${k} of game ${g}`,
      timestamp: '2025-01-01T12:00:00.000Z',
      orderNumber: k,
    })
  }
  return events
}

async function freshDatabase(dir: string, name: string): Promise<DatabaseHandle> {
  const handle = await openDatabase(parseDatabaseSpec(join(dir, `${name}.db`)), { create: true })
  const run = await migrate(handle)
  if (run.error) throw new Error(run.error.message)
  for (let g = 0; g < gameCount; g++) {
    await createOrUpdateGame(handle, { gameId: gameId(g), homeTeam: 'BOS', awayTeam: 'LAL', gameDate: '2025-01-01', status: 'Final' })
  }
  return handle
}

/** Row values in column order, converted before timing so that the bound measures inserting only. */
function toRawRows(events: NewGameEvent[]): unknown[][] {
  return events.map((e) => [
    e.eventId, e.gameId, e.teamTricode, e.playerName, e.eventType, e.clock, e.period, e.pointsTotal, e.shotResult,
    e.description, formatTimestamp(new Date(e.timestamp!)), e.orderNumber, parseClockSeconds(e.clock),
  ])
}

/** The bound: one prepared INSERT reused for every row, in one transaction. */
function rawInsert(handle: DatabaseHandle, rows: unknown[][]): void {
  const sqlite = handle.sqlite!
  const insert = sqlite.prepare(
    'INSERT INTO events (event_id, game_id, team_tricode, player_name, event_type, clock, period, points_total, shot_result, description, timestamp, order_number, clock_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  sqlite.transaction(() => {
    for (const row of rows) insert.run(row)
  })()
}

async function timed(work: () => unknown): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

const events = makeEvents()
const rawRows = toRawRows(events)
const dir = mkdtempSync(join(tmpdir(), 'momentum-bench-'))
const raw: number[] = []
const ours: number[] = []
try {
  for (let round = 0; round < rounds; round++) {
    // Alternate who goes first: the one after inherits the other's pending disk writes.
    const runRaw = async () => {
      const a = await freshDatabase(dir, `raw${round}`)
      raw.push(await timed(() => rawInsert(a, rawRows)))
      await a.close()
    }
    const runOurs = async () => {
      const b = await freshDatabase(dir, `ours${round}`)
      ours.push(await timed(async () => {
        for (let i = 0; i < events.length; i += batch) await storeEvents(b, events.slice(i, i + batch))
      }))
      if (round === 0) {
        const again = await timed(async () => console.log('re-store:', await storeEvents(b, events)))
        console.log(`re-store of ${eventCount} known events: ${again.toFixed(0)} ms`)
      }
      await b.close()
    }
    if (round % 2 === 0) {
      await runRaw()
      await runOurs()
    } else {
      await runOurs()
      await runRaw()
    }
    console.log(`round ${round + 1}: raw ${raw.at(-1)!.toFixed(0)} ms, storeEvents ${ours.at(-1)!.toFixed(0)} ms`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const best = (xs: number[]) => Math.min(...xs)
const rate = (ms: number) => Math.round(eventCount / (ms / 1000))
console.log(
  `${eventCount} events over ${gameCount} games (${interleaved ? 'interleaved' : 'game by game'}, ${batch} per call): ` +
    `raw best ${best(raw).toFixed(0)} ms (${rate(best(raw))}/s), storeEvents best ${best(ours).toFixed(0)} ms (${rate(best(ours))}/s), ` +
    `ratio ${(best(raw) / best(ours)).toFixed(2)}× the bound`,
)
