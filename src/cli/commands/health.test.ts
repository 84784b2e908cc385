import BetterSqlite3 from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HealthReport } from '../../shared/domain/health'
import { buildPythonDatabase } from '../../main/db/python-fixtures'
import { AFTER_PYTHON, cliEnv, ensureCliBuilt, errorLine, listDir, makeTempDir, parseJson, runCli, seedSqliteFile, sha256, VERSIONS } from '../cli-test-helpers'

const temp = makeTempDir()
const env = cliEnv(temp.dir)
let n = 0
const fresh = (name = 'db'): string => join(temp.dir, `${name}-${++n}.db`)

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

describe('momentum health', () => {
  it('reports a migrated database healthy in text', async () => {
    const file = fresh()
    await seedSqliteFile(file)
    const run = await runCli(['health', '--db', file], env)
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe(`${file} (sqlite): healthy`)
    expect(run.stdout).toMatch(/ok {4}quick-check +ok/)
    expect(run.stdout).toMatch(new RegExp(`ok {4}tables +events 3, games 2, schema_migrations ${VERSIONS.length}, tmi_calculations 5`))
    expect(run.stderr).toBe('')
  })

  it('reports a Python database ok, with its pending migrations as a warning, without changing it', async () => {
    const file = fresh('python')
    buildPythonDatabase(file, 'migrated')
    const before = sha256(file)
    const files = listDir(temp.dir)
    const run = await runCli(['health', '--db', file, '--json'], env)
    expect(run.code).toBe(0)
    const report = parseJson(run) as unknown as HealthReport & { command: string }
    expect(report).toMatchObject({ command: 'health', ok: true, dialect: 'sqlite', location: file, journalMode: 'delete', schemaVersion: '003' })
    expect(report.pendingMigrations).toEqual(AFTER_PYTHON)
    expect(report.parts.find((p) => p.name === 'migrations')).toMatchObject({ ok: true, level: 'warning' })
    expect(report.rowCounts).toEqual({ events: 5, games: 3, schema_migrations: 3, tmi_calculations: 4 })
    expect(sha256(file)).toBe(before)
    expect(listDir(temp.dir)).toEqual(files)
  })

  it('exits 1 and names the failed part when rows point at a missing game', async () => {
    const file = fresh()
    await seedSqliteFile(file)
    const db = new BetterSqlite3(file)
    db.pragma('foreign_keys = OFF')
    db.prepare("DELETE FROM games WHERE game_id = 'g2'").run()
    db.close()
    const run = await runCli(['health', '--db', file], env)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/FAIL {2}foreign-keys +2 rows point at a missing parent \(events → games: 1, tmi_calculations → games: 1\)/)
    expect(errorLine(run)).toContain(`${file} is not healthy (foreign-keys: 2 rows point at a missing parent`)
  })

  it('exits 1 on a database without the MomentumML tables', async () => {
    const file = fresh('python')
    buildPythonDatabase(file, 'dropped')
    const run = await runCli(['health', '--db', file, '--json'], env)
    expect(run.code).toBe(1)
    const report = parseJson(run) as unknown as HealthReport
    expect(report.ok).toBe(false)
    expect(report.parts.find((p) => p.name === 'tables')).toMatchObject({ ok: false, level: 'error' })
  })

  it('says a missing file is missing, exits 1 and creates nothing', async () => {
    const file = join(temp.dir, 'missing.db')
    const run = await runCli(['health', '--db', file, '--json'], env)
    expect(run.code).toBe(1)
    expect(parseJson(run)).toMatchObject({ command: 'health', ok: false, error: { code: 'NotFound' } })
    expect(errorLine(run)).toContain(`${file} does not exist`)
    expect(existsSync(file)).toBe(false)
  })
})
