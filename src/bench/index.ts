/**
 * `npm run bench [-- --json] [--games N] [--events-per-game N] [--iterations N] [--pg-games N]`
 * Ours beside the raw driver bound, measured on the same generated data in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generateBenchGames } from './bench-data'
import { runPostgresBench } from './postgres-bench'
import { printTable, type BenchResult } from './report'
import { runSqliteBench } from './sqlite-bench'
import { runExportChild } from './export-child'
import { runUiEventLoopStall, runUiStallChild } from './ui-event-loop-stall'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    games: { type: 'string', default: '2000' },
    'events-per-game': { type: 'string', default: '500' },
    iterations: { type: 'string', default: '1000' },
    'pg-games': { type: 'string', default: '200' },
    'skip-postgres': { type: 'boolean', default: false },
    'ui-events': { type: 'string', default: '1000000' },
    'skip-ui-stall': { type: 'boolean', default: false },
    'child-export': { type: 'string' },
    'child-ui-stall': { type: 'string' },
    input: { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string' },
  },
})

if (values['child-export']) {
  await runExportChild(values['child-export'], values.db!, values.out!)
  process.exit(0)
}
if (values['child-ui-stall']) {
  await runUiStallChild(values['child-ui-stall'], values.db!, values.input!, join(import.meta.dirname, 'job-worker.js'))
  process.exit(0)
}

const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`)
const games = Number(values.games)
const perGame = Number(values['events-per-game'])
const iterations = Number(values.iterations)

const results: BenchResult[] = []
const dir = mkdtempSync(join(tmpdir(), 'momentum-bench-'))
try {
  // Generated where used and not kept: a harness-held million events would slow every GC after.
  const generate = (count: number) => {
    log(`generating ${count} games x ${perGame} events`)
    return [...generateBenchGames(count, perGame)]
  }
  results.push(...(await runSqliteBench({ dir, generate: () => generate(games), iterations, log, benchScript: process.argv[1]! })))
  if (!values['skip-ui-stall']) {
    const workerPath = join(import.meta.dirname, 'job-worker.js')
    results.push(...(await runUiEventLoopStall({ dir, events: Number(values['ui-events']), actionsPerGame: 500, workerPath, benchScript: process.argv[1]!, log })))
  }
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
  if (pgUrl && !values['skip-postgres']) {
    // PostgreSQL's single-row bound is slow; a smaller slice of the same data (the generator is
    // deterministic, so its first games are the SQLite run's) keeps the run short.
    results.push(...(await runPostgresBench({ url: pgUrl, generate: () => generate(Math.min(games, Number(values['pg-games']))), iterations, log })))
  } else {
    log('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL to include it)')
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

if (values.json) process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`)
else printTable(results)
