import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type pg from 'pg'
import { openDatabase, type DatabaseHandle } from '../main/db/connection'
import { parseDatabaseSpec } from '../main/db/database-target'
import { migrate } from '../main/db/migrator'
import { formatTimestamp } from '../main/db/timestamps'
import { storeEvents } from '../main/events/events.service'
import { createOrUpdateGame } from '../main/games/games.service'
import { parseClockSeconds } from '../main/tmi/engine'
import type { BenchGame } from './bench-data'
import { runQueryWorkloads } from './query-workloads'
import { EVENT_COLUMNS, type CapturedQuery } from './raw-queries'
import { throughputResult, type BenchResult } from './report'
import { trackPeakRss } from './timing'

export interface PostgresBenchOptions {
  url: string
  /** Makes the generated games; they are dropped after ingest, as on SQLite. */
  generate: () => BenchGame[]
  iterations: number
  log: (line: string) => void
}

/** The same workloads on PostgreSQL, each in a private schema dropped afterwards. */
export async function runPostgresBench({ url, generate, iterations, log }: PostgresBenchOptions): Promise<BenchResult[]> {
  const suffix = `${process.pid}_${Date.now()}`
  const ours = await openSchema(url, `bench_ours_${suffix}`)
  const bound = await openSchema(url, `bench_bound_${suffix}`)
  try {
    const { ingest, infos } = await ingestBoth(ours.handle, bound.handle.pool!, generate(), log)
    await seedTmi(ours.handle, infos)
    const queries = await runQueryWorkloads({
      dialect: 'postgres',
      handle: ours.handle,
      games: infos,
      iterations,
      runRaw: (captured) => runCaptured(ours.handle.pool!, captured),
    })
    return [ingest, ...queries]
  } finally {
    await ours.drop()
    await bound.drop()
  }
}

async function ingestBoth(ours: DatabaseHandle, bound: pg.Pool, games: BenchGame[], log: (line: string) => void) {
  const eventCount = games.reduce((n, g) => n + g.events.length, 0)
  for (const game of games) await createOrUpdateGame(ours, game.info)
  await insertGamesRaw(bound, games)

  log(`postgres: ingesting ${eventCount.toLocaleString('en-US')} events through storeEvents`)
  const rss = trackPeakRss()
  const oursMs = await timed(async () => {
    for (let i = 0; i < games.length; i += 20) await storeEvents(ours, games.slice(i, i + 20).flatMap((g) => g.events))
  })
  const peak = rss.stop()
  log('postgres: ingesting the same events with one named prepared INSERT in one transaction')
  const rows = games.flatMap((g) => g.events.map(toRawRow))
  const boundMs = await timed(() => insertEventsRaw(bound, rows))
  const ingest = throughputResult('ingest-events', 'postgres', eventCount / (oursMs / 1000), eventCount / (boundMs / 1000), 'events/s', 'ratio >= 0.8')
  ingest.peakRssMb = peak / 1e6
  return { ingest, infos: games.map((game) => game.info) }
}

async function openSchema(url: string, schema: string): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const admin = await openDatabase(parseDatabaseSpec(url))
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db)
  const scoped = new URL(url)
  scoped.searchParams.set('schema', schema)
  const handle = await openDatabase(parseDatabaseSpec(scoped.toString()))
  const run = await migrate(handle)
  if (run.error) throw new Error(run.error.message)
  return {
    handle,
    async drop() {
      await handle.close()
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin.db)
      await admin.close()
    },
  }
}

async function runCaptured(pool: pg.Pool, captured: readonly CapturedQuery[]): Promise<void> {
  for (const query of captured) {
    await pool.query({ name: `b${createHash('sha1').update(query.sql).digest('hex').slice(0, 16)}`, text: query.sql, values: query.parameters as unknown[] })
  }
}

function toRawRow(e: BenchGame['events'][number]): unknown[] {
  return [
    e.eventId, e.gameId, e.teamTricode, e.playerName ?? null, e.eventType, e.clock, e.period, e.pointsTotal ?? 0,
    e.shotResult ?? null, e.description ?? null, formatTimestamp(new Date(e.timestamp!)), e.orderNumber ?? null, parseClockSeconds(e.clock),
  ]
}

async function insertEventsRaw(pool: pg.Pool, rows: unknown[][]): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const text = `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`
    for (const row of rows) await client.query({ name: 'bench_insert_event', text, values: row })
    await client.query('COMMIT')
  } finally {
    client.release()
  }
}

async function insertGamesRaw(pool: pg.Pool, games: BenchGame[]): Promise<void> {
  for (const { info } of games) {
    await pool.query('INSERT INTO games (game_id, home_team, away_team, game_date, status, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      info.gameId, info.homeTeam, info.awayTeam, info.gameDate, info.status, formatTimestamp(new Date()),
    ])
  }
}

async function seedTmi(handle: DatabaseHandle, games: ReadonlyArray<BenchGame['info']>): Promise<void> {
  const base = Date.UTC(2025, 0, 1)
  for (const info of games) {
    const rows = Array.from({ length: 200 }, (_, index) => {
      const p = index + 1
      const tmi = Math.sin(p / 7) * 0.5
      return {
        game_id: info.gameId, team_tricode: p % 2 ? info.homeTeam : info.awayTeam, tmi_value: tmi,
        feature_contributions: `{"points_scored": ${tmi}}`, prediction_probability: 0.5, confidence_score: 1, rolling_window_size: 5,
        calculated_at: formatTimestamp(new Date(base + p * 1000)), possession_number: p, algorithm: 'momentum-2',
      }
    })
    await handle.db.insertInto('tmi_calculations').values(rows).execute()
  }
}

async function timed(work: () => unknown): Promise<number> {
  const start = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - start) / 1e6
}
