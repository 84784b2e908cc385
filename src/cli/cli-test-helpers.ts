/** Test helpers: run the real built `momentum` process and look at files byte for byte. */
import BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { inject } from 'vitest'
import { migrations } from '../../migrations'
import { openDatabase } from '../main/db/connection'
import { parseDatabaseSpec } from '../main/db/database-target'
import { migrate } from '../main/db/migrator'
import type { Database } from '../main/db/schema'
import './test-global-setup'

export const ROOT = resolve(import.meta.dirname, '..', '..')
export const BIN = join(ROOT, 'bin', 'momentum.js')

/** Derived from the registry, so the tests keep passing when a migration is added. */
export const VERSIONS = migrations.map((m) => m.version)
export const LATEST = VERSIONS.at(-1)!
/** What a database written by the Python app (001–003 recorded) still needs. */
export const AFTER_PYTHON = VERSIONS.filter((v) => v > '003')

let built = false

/** Builds the CLI unless the global setup already did (safe to run concurrently: outputs are renamed into place). */
export function ensureCliBuilt(): void {
  if (built || inject('momentumCliBuilt')) return
  execFileSync(process.execPath, ['scripts/build-cli.mjs', '--quiet'], { cwd: ROOT })
  built = true
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** An environment without the caller's DATABASE_URL, with the default data folder inside `home`. */
export function cliEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: join(home, 'xdg-data'), HOME: home }
  delete env.DATABASE_URL
  delete env.MOMENTUM_BUSY_TIMEOUT_MS
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  return env
}

export function startCli(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<CliRun>((resolveRun, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolveRun({ code, stdout, stderr }))
  })
  return { child, done }
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return startCli(args, env).done
}

/** Parses stdout as exactly one JSON document (JSON.parse rejects anything after it). */
export function parseJson(run: CliRun): Record<string, unknown> {
  return JSON.parse(run.stdout) as Record<string, unknown>
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

export function listDir(dir: string): string[] {
  return readdirSync(dir).sort()
}

export function makeTempDir(prefix = 'momentum-cli-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** stderr holds exactly one line starting with "momentum: ". */
export function errorLine(run: CliRun): string {
  const lines = run.stderr.split('\n').filter((line) => line !== '')
  if (lines.length !== 1 || !lines[0]!.startsWith('momentum: ')) throw new Error(`expected one "momentum: …" line on stderr, got:\n${run.stderr}`)
  return lines[0]!
}

/** A migrated SQLite file with two games, three events and five TMI rows, written in-process. */
export async function seedSqliteFile(file: string): Promise<void> {
  const handle = await openDatabase(parseDatabaseSpec(file), { create: true })
  try {
    const run = await migrate(handle)
    if (run.error) throw new Error(run.error.message)
    await seedRows(handle.db)
  } finally {
    await handle.close()
  }
}

export async function seedRows(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('games')
    .values([
      { game_id: 'g1', home_team: 'BOS', away_team: 'MIA', game_date: '2025-02-05', status: 'Final', created_at: '2025-02-05 10:00:00.000000' },
      { game_id: 'g2', home_team: 'LAL', away_team: 'GSW', game_date: '2025-02-06', status: 'Live', created_at: '2025-02-06 10:00:00.000000' },
    ])
    .execute()
  const event = { team_tricode: 'BOS', player_name: null, event_type: 'shot', clock: '11:00', period: 1, points_total: 2, shot_result: 'Made', description: null, timestamp: null, order_number: null, clock_seconds: null }
  await db
    .insertInto('events')
    .values([
      { ...event, event_id: 'e1', game_id: 'g1' },
      { ...event, event_id: 'e2', game_id: 'g1' },
      { ...event, event_id: 'e3', game_id: 'g2', team_tricode: 'LAL' },
    ])
    .execute()
  const tmi = (game_id: string, team_tricode: string, second: number) => ({
    game_id,
    team_tricode,
    tmi_value: second / 10,
    feature_contributions: '{}',
    calculated_at: `2025-02-05 10:00:0${second}.000000`,
  })
  await db.insertInto('tmi_calculations').values([tmi('g1', 'BOS', 1), tmi('g1', 'BOS', 2), tmi('g1', 'BOS', 3), tmi('g1', 'MIA', 1), tmi('g2', 'LAL', 1)]).execute()
}

/** Row counts per table read straight from the file (read-only, so the file is not changed). */
export function countRows(file: string, tables: string[]): Record<string, number> {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]))
  } finally {
    db.close()
  }
}

export function listSqliteTables(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
  } finally {
    db.close()
  }
}
