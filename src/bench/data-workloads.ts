import type BetterSqlite3 from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DatabaseHandle } from '../main/db/connection'
import { formatTimestamp } from '../main/db/timestamps'
import { importFiles } from '../main/import/nba-import.service'
import { computeAllTmi } from '../main/tmi/tmi-compute.service'
import { computeTmi, type TmiEvent } from '../main/tmi/engine'
import { throughputResult, type BenchResult } from './report'

export const NBA_FIXTURES = ['0022000001', '0022400718', '0022400762'].map((id) => join('fixtures', 'nba', `${id}.json`))

/** Imports the three real games `rounds` times into fresh databases; bound: JSON.parse + prepared INSERT. */
export async function benchImport(open: (name: string) => Promise<DatabaseHandle>, rounds: number): Promise<BenchResult> {
  let oursMs = 0
  let boundMs = 0
  let events = 0
  for (let round = 0; round < rounds; round++) {
    const ours = await open(`import-ours-${round}.db`)
    const start = process.hrtime.bigint()
    const summary = await importFiles(ours, NBA_FIXTURES, { computeTmi: false })
    oursMs += Number(process.hrtime.bigint() - start) / 1e6
    events += summary.eventsAdded
    await ours.close()
    const bound = await open(`import-bound-${round}.db`)
    boundMs += timeSync(() => rawImport(bound.sqlite!))
    await bound.close()
  }
  return throughputResult('import-nba', 'sqlite', events / (oursMs / 1000), events / (boundMs / 1000), 'events/s', 'reported')
}

interface LiveAction {
  actionNumber: number; orderNumber: number; clock: string; period: number; actionType: string; teamTricode?: string
  playerName?: string; description?: string; shotResult?: string; timeActual: string; scoreHome: string
}

function rawImport(db: BetterSqlite3.Database): void {
  const game = db.prepare("INSERT INTO games (game_id, home_team, away_team, game_date, status, created_at) VALUES (?, 'H', 'A', '2025-01-01', 'Final', ?)")
  const insert = db.prepare(
    'INSERT INTO events (event_id, game_id, team_tricode, player_name, event_type, clock, period, points_total, shot_result, description, timestamp, order_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  db.transaction(() => {
    for (const file of NBA_FIXTURES) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { game: { gameId: string; actions: LiveAction[] } }
      const id = parsed.game.gameId
      game.run(id, formatTimestamp(new Date()))
      for (const a of parsed.game.actions) {
        insert.run(`${id}-${a.actionNumber}`, id, a.teamTricode ?? '---', a.playerName ?? null, a.actionType, a.clock, a.period, Number(a.scoreHome), a.shotResult ?? null, a.description ?? null, a.timeActual, a.orderNumber)
      }
    }
  })()
}

/** TMI for every game: ours through computeAllTmi; bound: raw read, the same engine, raw INSERT. */
export async function benchTmiCompute(ours: DatabaseHandle, boundDb: BetterSqlite3.Database): Promise<BenchResult> {
  const start = process.hrtime.bigint()
  const { results } = await computeAllTmi(ours, { replace: true })
  const oursMs = Number(process.hrtime.bigint() - start) / 1e6
  const games = results.length
  const boundMs = timeSync(() => rawTmiCompute(boundDb))
  return throughputResult('tmi-compute', 'sqlite', games / (oursMs / 1000), games / (boundMs / 1000), 'games/s', 'reported')
}

function rawTmiCompute(db: BetterSqlite3.Database): void {
  const games = db.prepare('SELECT game_id, home_team, away_team FROM games ORDER BY game_id').all() as Array<{ game_id: string; home_team: string; away_team: string }>
  const read = db.prepare(
    'SELECT event_id, game_id, team_tricode, event_type, clock, period, points_total, shot_result FROM events WHERE game_id = ? ORDER BY period, clock_seconds DESC, order_number',
  )
  const insert = db.prepare(
    "INSERT INTO tmi_calculations (game_id, team_tricode, tmi_value, feature_contributions, prediction_probability, confidence_score, rolling_window_size, calculated_at, period, clock, elapsed_seconds, possession_number, algorithm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'raw-bound')",
  )
  const now = formatTimestamp(new Date())
  db.transaction(() => {
    for (const g of games) {
      const rows = read.all(g.game_id) as Array<{ event_id: string; game_id: string; team_tricode: string; event_type: string; clock: string; period: number; points_total: number | null; shot_result: string | null }>
      const events: TmiEvent[] = rows.map((r) => ({ eventId: r.event_id, gameId: r.game_id, teamTricode: r.team_tricode, eventType: r.event_type, clock: r.clock, period: r.period, pointsTotal: r.points_total, shotResult: r.shot_result }))
      for (const p of computeTmi(events, { teams: [g.home_team, g.away_team] })) {
        insert.run(g.game_id, p.teamTricode, p.tmiValue, JSON.stringify(p.featureContributions), p.predictionProbability, p.confidenceScore, p.rollingWindowSize, now, p.period, p.clock, p.elapsedSeconds, p.possessionNumber)
      }
    }
  })()
}

/**
 * Exports every TMI row of `file` in a child process each (ours via exportTmi, bound via iterate()
 * joining plain lines), so that peak memory is the export's own and not this process's test data.
 */
export function benchExport(benchScript: string, file: string, outDir: string): BenchResult {
  const run = (mode: string) => {
    const child = spawnSync(process.execPath, [benchScript, '--child-export', mode, '--db', file, '--out', join(outDir, `${mode}.csv`)], { encoding: 'utf8' })
    if (child.status !== 0) throw new Error(`export child (${mode}) failed: ${child.stderr}`)
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { rows: number; ms: number; maxRssMb: number }
  }
  const bound = run('bound')
  const ours = run('ours')
  const result = throughputResult('export-tmi', 'sqlite', ours.rows / (ours.ms / 1000), bound.rows / (bound.ms / 1000), 'rows/s', 'ratio >= 0.7, peak < 150 MB')
  result.peakRssMb = ours.maxRssMb
  return result
}

function timeSync(work: () => void): number {
  const start = process.hrtime.bigint()
  work()
  return Number(process.hrtime.bigint() - start) / 1e6
}
