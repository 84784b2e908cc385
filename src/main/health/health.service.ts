import { existsSync, statSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import type { HealthLevel, HealthPartName, HealthReport } from '../../shared/domain/health'
import { toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import { listTables } from '../db/introspection'
import { readMigrationStatus, type MigrationStatus } from '../db/migration-status'

const REQUIRED_TABLES = ['games', 'events', 'tmi_calculations'] as const
const SLOW_QUERY_MS = 1_000

type Finding = [HealthLevel, string]

/**
 * Read-only checks of an open database; it never throws and never writes, so it is safe on a
 * handle opened `readonly`. Each part records its own failure instead of stopping the report.
 */
export async function checkHealth(handle: DatabaseHandle): Promise<HealthReport> {
  const report: HealthReport = {
    ok: true,
    dialect: handle.dialect,
    location: handle.label,
    checkedAt: new Date().toISOString(),
    sizeBytes: null,
    journalMode: null,
    schemaVersion: null,
    latestVersion: '000',
    pendingMigrations: [],
    unknownMigrations: [],
    changedMigrations: [],
    quickCheck: null,
    foreignKeyViolations: null,
    rowCounts: {},
    latencyMs: null,
    pool: null,
    parts: [],
  }
  const check = async (name: HealthPartName, run: () => Promise<Finding> | Finding): Promise<void> => {
    let finding: Finding
    try {
      finding = await run()
    } catch (error) {
      finding = ['error', toDatabaseFailure(handle, error).message]
    }
    report.parts.push({ name, ok: finding[0] !== 'error', level: finding[0], detail: finding[1] })
  }

  await check('location', () => ['ok', handle.label])
  await check('latency', async () => {
    const started = performance.now()
    await sql`SELECT 1`.execute(handle.db)
    report.latencyMs = Math.round((performance.now() - started) * 1000) / 1000
    return [report.latencyMs > SLOW_QUERY_MS ? 'warning' : 'ok', `SELECT 1 took ${report.latencyMs} ms`]
  })
  await check('size', async () => {
    const { total, detail } = await databaseSize(handle)
    report.sizeBytes = total
    return ['ok', detail]
  })
  if (handle.dialect === 'sqlite') {
    await check('journal-mode', () => {
      report.journalMode = String(handle.sqlite!.pragma('journal_mode', { simple: true }))
      return ['ok', report.journalMode]
    })
  }
  const tables = await listTables(handle.db, handle.dialect).catch(() => null)
  await check('tables', async () => countRows(handle, tables, report))
  let status: MigrationStatus | null = null
  await check('schema-version', async () => {
    status = await readMigrationStatus(handle.db, handle.dialect)
    report.schemaVersion = status.current
    report.latestVersion = status.latest
    if (status.current === status.latest) return ['ok', `${status.current} (latest)`]
    return ['warning', `${status.current ?? 'none recorded'} (this app's latest is ${status.latest})`]
  })
  await check('migrations', () => describeMigrations(status, report))
  if (handle.dialect === 'sqlite') {
    await check('quick-check', () => quickCheck(handle, report))
    await check('foreign-keys', () => sqliteForeignKeys(handle, report))
  } else {
    await check('foreign-keys', () => postgresOrphans(handle, tables ?? [], report))
    await check('pool', () => {
      const pool = handle.pool!
      report.pool = { totalCount: pool.totalCount, idleCount: pool.idleCount, waitingCount: pool.waitingCount }
      return ['ok', `${pool.totalCount} open, ${pool.idleCount} idle, ${pool.waitingCount} waiting`]
    })
  }
  report.ok = report.parts.every((part) => part.ok)
  return report
}

async function databaseSize(handle: DatabaseHandle): Promise<{ total: number; detail: string }> {
  if (handle.target.dialect === 'postgres') {
    const { rows } = await sql<{ size: number }>`SELECT pg_database_size(current_database()) AS size`.execute(handle.db)
    const total = Number(rows[0]?.size ?? 0)
    return { total, detail: `${total} bytes (whole database ${handle.target.database})` }
  }
  if (handle.target.memory) {
    const total = Number(handle.sqlite!.pragma('page_count', { simple: true })) * Number(handle.sqlite!.pragma('page_size', { simple: true }))
    return { total, detail: `${total} bytes (in memory)` }
  }
  const wal = `${handle.target.file}-wal`
  const main = statSync(handle.target.file).size
  const walSize = existsSync(wal) ? statSync(wal).size : 0
  return { total: main + walSize, detail: `${main + walSize} bytes (file ${main}, -wal ${walSize})` }
}

async function countRows(handle: DatabaseHandle, tables: string[] | null, report: HealthReport): Promise<Finding> {
  if (tables === null) throw new Error('cannot list tables')
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(handle.db)
    report.rowCounts[table] = Number(rows[0]?.n ?? 0)
  }
  const counts = tables.map((t) => `${t} ${report.rowCounts[t]}`).join(', ') || 'no tables'
  const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t))
  if (missing.length > 0) return ['error', `missing table${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (run "momentum migrate"); found ${counts}`]
  return ['ok', counts]
}

function describeMigrations(status: MigrationStatus | null, report: HealthReport): Finding {
  if (status === null) throw new Error('migration status could not be read')
  report.pendingMigrations = status.pending
  report.unknownMigrations = status.unknown
  report.changedMigrations = status.changed
  const notes: string[] = []
  if (status.unknown.length > 0) {
    notes.push(`recorded by a newer MomentumML: ${status.unknown.join(', ')} (reads work; migrate, rollback and reset refuse to change it)`)
  }
  if (status.pending.length > 0) notes.push(`pending ${status.pending.join(', ')} (run "momentum migrate")`)
  if (status.changed.length > 0) notes.push(`changed since they were applied: ${status.changed.join(', ')}`)
  if (notes.length > 0) return ['warning', notes.join('; ')]
  return ['ok', `all ${status.entries.length} applied`]
}

function quickCheck(handle: DatabaseHandle, report: HealthReport): Finding {
  const answers = handle.sqlite!.prepare('PRAGMA quick_check(10)').pluck().all() as string[]
  report.quickCheck = answers[0] ?? 'no answer'
  if (answers.length === 1 && answers[0] === 'ok') return ['ok', 'ok']
  return ['error', `${answers.length} problem${answers.length > 1 ? 's' : ''}, first: ${report.quickCheck}`]
}

function sqliteForeignKeys(handle: DatabaseHandle, report: HealthReport): Finding {
  const rows = handle.sqlite!.prepare('PRAGMA foreign_key_check').all() as Array<{ table: string; parent: string }>
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(`${row.table} → ${row.parent}`, (counts.get(`${row.table} → ${row.parent}`) ?? 0) + 1)
  return foreignKeyFinding(counts, report)
}

async function postgresOrphans(handle: DatabaseHandle, tables: string[], report: HealthReport): Promise<Finding> {
  const counts = new Map<string, number>()
  if (tables.includes('games')) {
    for (const table of ['events', 'tmi_calculations'] as const) {
      if (!tables.includes(table)) continue
      const row = await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('games').select('games.game_id').whereRef('games.game_id', '=', `${table}.game_id`))))
        .executeTakeFirstOrThrow()
      if (Number(row.n) > 0) counts.set(`${table} → games`, Number(row.n))
    }
  }
  return foreignKeyFinding(counts, report)
}

function foreignKeyFinding(counts: Map<string, number>, report: HealthReport): Finding {
  report.foreignKeyViolations = [...counts.values()].reduce((sum, n) => sum + n, 0)
  if (report.foreignKeyViolations === 0) return ['ok', 'no rows point at a missing game']
  const edges = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([edge, n]) => `${edge}: ${n}`).join(', ')
  return ['error', `${report.foreignKeyViolations} rows point at a missing parent (${edges})`]
}
