import type BetterSqlite3 from 'better-sqlite3'
import { openDatabase, type DatabaseHandle } from '../main/db/connection'
import { parseDatabaseSpec } from '../main/db/database-target'
import { migrate } from '../main/db/migrator'
import { formatTimestamp } from '../main/db/timestamps'
import { parseClockSeconds } from '../main/tmi/engine'
import { storeEvents } from '../main/events/events.service'
import { createOrUpdateGame } from '../main/games/games.service'
import type { BenchGame } from './bench-data'
import { EVENT_COLUMNS } from './raw-queries'
import { throughputResult, type BenchResult } from './report'
import { runQueryWorkloads } from './query-workloads'
import { trackPeakRss } from './timing'
import { benchExport, benchImport, benchTmiCompute } from './data-workloads'

export interface SqliteBenchOptions {
  dir: string
  /** Makes the generated games; called once, and they are dropped after ingest (see below). */
  generate: () => BenchGame[]
  iterations: number
  log: (line: string) => void
  /** This script, run again as a child for the export workload. */
  benchScript: string
}

/** Ingest and query figures on SQLite, each beside the raw better-sqlite3 bound on the same data. */
export async function runSqliteBench({ dir, generate, iterations, log, benchScript }: SqliteBenchOptions): Promise<BenchResult[]> {
  const ours = await openMigrated(`${dir}/ours.db`)
  const bound = await openMigrated(`${dir}/bound.db`)
  try {
    // The million generated events are garbage once stored: queries then run in a heap the size of
    // an app's, not next to a harness-only million objects whose marking would lengthen every GC.
    const { ingest, infos } = await ingestBoth(ours, bound, generate(), log)
    seedTmiRaw(ours.sqlite!, infos)
    const queries = await runQueryWorkloads({
      dialect: 'sqlite',
      handle: ours,
      games: infos,
      iterations,
      runRaw: (queries) => {
        for (const query of queries) prepared(ours.sqlite!, query.sql).all(...(query.parameters as unknown[]))
      },
    })
    log('sqlite: exporting every TMI row (child processes: ours, then iterate() joining lines)')
    const exported = benchExport(benchScript, `${dir}/ours.db`, dir)
    log('sqlite: computing TMI for every game (ours: computeAllTmi; bound: raw read + engine + raw insert)')
    const tmi = await benchTmiCompute(bound, ours.sqlite!)
    log('sqlite: importing the three real NBA games')
    const imported = await benchImport((name) => openMigrated(`${dir}/${name}`), 5)
    return [ingest, ...queries, imported, tmi, exported]
  } finally {
    await ours.close()
    await bound.close()
  }
}

/** storeEvents into `ours`, one prepared INSERT in one transaction into `bound`; returns the game infos only. */
async function ingestBoth(ours: DatabaseHandle, bound: DatabaseHandle, games: BenchGame[], log: (line: string) => void) {
  const eventCount = games.reduce((n, g) => n + g.events.length, 0)
  for (const game of games) await createOrUpdateGame(ours, game.info)
  insertGamesRaw(bound.sqlite!, games)

  log(`sqlite: ingesting ${eventCount.toLocaleString('en-US')} events through storeEvents`)
  const oursRss = trackPeakRss()
  const oursMs = await timed(async () => {
    for (let i = 0; i < games.length; i += 20) await storeEvents(ours, games.slice(i, i + 20).flatMap((g) => g.events))
  })
  const oursPeak = oursRss.stop()
  log(`sqlite: ingesting the same events with one prepared INSERT in one transaction`)
  const rows = games.flatMap((g) => g.events.map(toRawRow))
  const boundMs = await timed(() => insertEventsRaw(bound.sqlite!, rows))
  const ingest = throughputResult('ingest-events', 'sqlite', eventCount / (oursMs / 1000), eventCount / (boundMs / 1000), 'events/s', '>= 0.8')
  ingest.peakRssMb = oursPeak / 1e6
  return { ingest, infos: games.map((game) => game.info) }
}

async function openMigrated(file: string): Promise<DatabaseHandle> {
  const handle = await openDatabase(parseDatabaseSpec(file), { create: true })
  const run = await migrate(handle)
  if (run.error) throw new Error(run.error.message)
  return handle
}

async function timed(work: () => unknown): Promise<number> {
  const start = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - start) / 1e6
}

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>()
function prepared(db: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let statement = cache.get(text)
  if (!statement) cache.set(text, (statement = db.prepare(text)))
  return statement
}

type RawRow = unknown[]

// The bound gets values already in stored form: it measures only what SQLite must do.
function toRawRow(e: BenchGame['events'][number]): RawRow {
  return [
    e.eventId, e.gameId, e.teamTricode, e.playerName ?? null, e.eventType, e.clock, e.period, e.pointsTotal ?? 0,
    e.shotResult ?? null, e.description ?? null, formatTimestamp(new Date(e.timestamp!)), e.orderNumber ?? null, parseClockSeconds(e.clock),
  ]
}

function insertEventsRaw(db: BetterSqlite3.Database, rows: RawRow[]): void {
  const insert = db.prepare(`INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`)
  db.transaction(() => {
    for (const row of rows) insert.run(row)
  })()
}

function insertGamesRaw(db: BetterSqlite3.Database, games: readonly BenchGame[]): void {
  const insert = db.prepare('INSERT INTO games (game_id, home_team, away_team, game_date, status, created_at) VALUES (?, ?, ?, ?, ?, ?)')
  db.transaction(() => {
    for (const { info } of games) insert.run(info.gameId, info.homeTeam, info.awayTeam, info.gameDate, info.status, formatTimestamp(new Date()))
  })()
}

/** 250 TMI rows per team per game (1,000,000 for 2,000 games), written raw: setup for history, list and export. */
function seedTmiRaw(db: BetterSqlite3.Database, games: ReadonlyArray<BenchGame['info']>): void {
  const insert = db.prepare(
    'INSERT INTO tmi_calculations (game_id, team_tricode, tmi_value, feature_contributions, prediction_probability, confidence_score, rolling_window_size, calculated_at, possession_number, algorithm) VALUES (?, ?, ?, ?, 0.5, 1.0, 5, ?, ?, ?)',
  )
  const base = Date.UTC(2025, 0, 1)
  db.transaction(() => {
    for (const info of games) {
      for (let p = 1; p <= 500; p++) {
        const team = p % 2 ? info.homeTeam : info.awayTeam
        const tmi = Math.sin(p / 7) * 0.5
        insert.run(info.gameId, team, tmi, `{"points_scored": ${tmi}}`, formatTimestamp(new Date(base + p * 1000)), p, 'momentum-2')
      }
    }
  })()
}
