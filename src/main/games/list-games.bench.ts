/*
 * Latency of listGames (not a test): 2,000 games, 1,000,000 events and 200 TMI rows per game on
 * SQLite, first page of 50 for every sort order, plus the query plan. Run with
 *   npx esbuild src/main/games/list-games.bench.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=node_modules/.cache/bench/list-games.mjs
 *   node node_modules/.cache/bench/list-games.mjs [file=/tmp/momentum-list-bench.db]
 * The file is seeded once and reused by later runs.
 */
import { existsSync } from 'node:fs'
import type { GameSortKey } from '../../shared/domain/games'
import { openDatabase } from '../db/connection'
import { parseDatabaseSpec } from '../db/database-target'
import { migrate } from '../db/migrator'
import { formatTimestamp } from '../db/timestamps'
import { gameListQuery } from './game-list.repository'
import { listGames } from './games.service'

const file = process.argv[2] ?? '/tmp/momentum-list-bench.db'
const GAMES = 2_000
const EVENTS_PER_GAME = 500
const TEAMS = ['ATL', 'BOS', 'BKN', 'CHA', 'CHI', 'CLE', 'DAL', 'DEN', 'DET', 'GSW', 'HOU', 'IND', 'LAC', 'LAL', 'MEM']

const seeded = existsSync(file)
const handle = await openDatabase(parseDatabaseSpec(file), { create: true })
const run = await migrate(handle)
if (run.error) throw new Error(run.error.message)
const sqlite = handle.sqlite!
if (!seeded) {
  console.log('seeding…')
  const game = sqlite.prepare('INSERT INTO games VALUES (?, ?, ?, ?, ?, ?)')
  const event = sqlite.prepare(
    'INSERT INTO events (event_id, game_id, team_tricode, event_type, clock, period, points_total, timestamp, order_number, clock_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const tmi = sqlite.prepare('INSERT INTO tmi_calculations (game_id, team_tricode, tmi_value, feature_contributions, calculated_at) VALUES (?, ?, ?, ?, ?)')
  sqlite.transaction(() => {
    for (let g = 0; g < GAMES; g++) {
      const id = `00224${String(g).padStart(5, '0')}`
      const home = TEAMS[g % TEAMS.length]!
      const away = TEAMS[(g + 5) % TEAMS.length]!
      const created = formatTimestamp(new Date(Date.UTC(2024, 9, 22) + g * 3_600_000))
      game.run(id, home, away, `2024-${String(10 + Math.floor(g / 700)).padStart(2, '0')}-${String(1 + (g % 28)).padStart(2, '0')}`, g % 50 ? 'Final' : 'Live', created)
      for (let i = 0; i < EVENTS_PER_GAME; i++) {
        event.run(`${id}-${i}`, id, i % 2 ? home : away, 'shot', '5:00', 1 + Math.floor(i / 125), Math.floor(i / 4), created, i, 300)
      }
      for (let p = 0; p < 200; p++) tmi.run(id, p % 2 ? home : away, Math.sin(p), '{}', formatTimestamp(new Date(Date.UTC(2025, 0, 1) + p * 1000)))
    }
  })()
  sqlite.exec('ANALYZE')
}

const sorts: GameSortKey[] = ['game_date', 'game_id', 'status', 'home_team', 'away_team', 'created_at']
for (const sort of sorts) {
  for (const direction of ['asc', 'desc'] as const) {
    const times: number[] = []
    let cursor: string | null = null
    for (let i = 0; i < 30; i++) {
      const started = performance.now()
      const page = await listGames(handle, { sort, direction, limit: 50 })
      times.push(performance.now() - started)
      cursor = page.nextCursor
    }
    const started = performance.now()
    await listGames(handle, { sort, direction, limit: 50, cursor: cursor! })
    const second = performance.now() - started
    times.sort((a, b) => a - b)
    console.log(`${sort} ${direction}: first page p50 ${times[15]!.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms; next page ${second.toFixed(2)} ms`)
  }
}
const filtered = performance.now()
await listGames(handle, { team: 'LAL', status: 'Final', dateFrom: '2024-11-01', limit: 50 })
console.log(`filtered first page: ${(performance.now() - filtered).toFixed(2)} ms`)

const query = gameListQuery(handle.db, 'sqlite', { sort: 'game_date', direction: 'desc', fetch: 51, offset: 0, after: null }).compile()
console.log('query plan:')
for (const row of sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as Array<{ detail: string }>) {
  console.log(`  ${row.detail}`)
}
await handle.close()
