import BetterSqlite3 from 'better-sqlite3'
import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPythonDatabase, PYTHON_APPLIED_AT } from '../../main/db/python-fixtures'
import { migrations } from '../../../migrations'
import { AFTER_PYTHON, cliEnv, ensureCliBuilt, errorLine, listDir, listSqliteTables, makeTempDir, parseJson, runCli, seedSqliteFile, sha256, LATEST } from '../cli-test-helpers'

const temp = makeTempDir()
const env = cliEnv(temp.dir)
let n = 0
const fresh = (name = 'db'): string => join(temp.dir, `${name}-${++n}.db`)

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

describe('momentum migrate', () => {
  it('creates a missing file and prints each applied migration', async () => {
    const file = fresh()
    const run = await runCli(['migrate', '--db', file], env)
    expect(run.code).toBe(0)
    for (const m of migrations) expect(run.stdout).toContain(`applying ${m.version} ${m.description}`)
    expect(run.stdout).toContain(`schema is now at ${LATEST}`)
    expect(listSqliteTables(file)).toEqual(['events', 'games', 'schema_migrations', 'tmi_calculations'])
  })

  it('reports up to date on a second run and changes nothing', async () => {
    const file = fresh()
    await seedSqliteFile(file)
    const before = sha256(file)
    const run = await runCli(['migrate', '--db', file], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`is up to date (schema ${LATEST})`)
    expect(run.stdout).not.toContain('applying')
    expect(sha256(file)).toBe(before)
  })

  it('prints exactly one JSON document with --json', async () => {
    const file = fresh()
    const run = await runCli(['migrate', '--db', file, '--json'], env)
    expect(run.code).toBe(0)
    const doc = parseJson(run)
    expect(doc).toMatchObject({ command: 'migrate', ok: true, target: file, dryRun: false, schemaVersion: LATEST, upToDate: false, pending: [] })
    expect((doc.applied as Array<{ version: string }>).map((s) => s.version)).toEqual(migrations.map((m) => m.version))
  })

  it('stops at --to', async () => {
    const file = fresh()
    const run = await runCli(['migrate', '--db', file, '--to', '003', '--json'], env)
    expect(run.code).toBe(0)
    expect(parseJson(run)).toMatchObject({ schemaVersion: '003', pending: AFTER_PYTHON })
  })

  it('adopts a database written by the Python app and keeps its original dates', async () => {
    const file = fresh('python')
    buildPythonDatabase(file, 'migrated')
    const run = await runCli(['migrate', '--db', file], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Applied ${AFTER_PYTHON.length} migrations (${AFTER_PYTHON.join(', ')})`)
    const status = parseJson(await runCli(['status', '--db', file, '--json'], env))
    const first = (status.migrations as Array<{ version: string; appliedAt: string }>)[0]!
    expect(first).toMatchObject({ version: '001', appliedAt: PYTHON_APPLIED_AT })
  })

  describe('with --dry-run', () => {
    it('prints the SQL and leaves the file byte for byte unchanged', async () => {
      const file = fresh('python')
      buildPythonDatabase(file, 'migrated')
      const before = sha256(file)
      const files = listDir(temp.dir)
      const run = await runCli(['migrate', '--db', file, '--dry-run'], env)
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`${AFTER_PYTHON.length} migrations would be applied`)
      expect(run.stdout).toContain('-- 004 Record migration checksums')
      expect(run.stdout).toContain('ALTER TABLE schema_migrations ADD COLUMN checksum TEXT;')
      expect(sha256(file)).toBe(before)
      expect(listDir(temp.dir)).toEqual(files)
    })

    it('plans a missing file without creating it', async () => {
      const file = fresh()
      const run = await runCli(['migrate', '--db', file, '--dry-run', '--json'], env)
      expect(run.code).toBe(0)
      const doc = parseJson(run)
      expect(doc).toMatchObject({ dryRun: true, target: file })
      expect((doc.applied as Array<{ statements: string[] }>)[0]!.statements[0]).toMatch(/^CREATE TABLE IF NOT EXISTS games/)
      expect(existsSync(file)).toBe(false)
    })
  })

  describe('on a database written by a newer MomentumML', () => {
    it('refuses with exit 1, one clear line, and the file unchanged', async () => {
      const file = fresh()
      await seedSqliteFile(file)
      const db = new BetterSqlite3(file)
      db.prepare("INSERT INTO schema_migrations (version, description) VALUES ('999', 'from the future')").run()
      db.close()
      const before = sha256(file)
      const run = await runCli(['migrate', '--db', file], env)
      expect(run.code).toBe(1)
      expect(errorLine(run)).toContain('newer MomentumML (unknown migrations 999)')
      expect(sha256(file)).toBe(before)
    })
  })
})

describe('momentum create', () => {
  it('creates the tables in a new file', async () => {
    const file = fresh()
    const run = await runCli(['create', '--db', file, '--json'], env)
    expect(run.code).toBe(0)
    expect(parseJson(run)).toMatchObject({ command: 'create', ok: true, schemaVersion: LATEST })
    expect(listSqliteTables(file)).toContain('games')
  })

  it('recreates the tables the original drop left missing', async () => {
    const file = fresh('python')
    buildPythonDatabase(file, 'dropped')
    const run = await runCli(['create', '--db', file], env)
    expect(run.code).toBe(0)
    expect(listSqliteTables(file)).toEqual(['events', 'games', 'schema_migrations', 'tmi_calculations'])
  })
})

describe('momentum status', () => {
  it('lists applied dates and pending versions of a Python database without changing it', async () => {
    const file = fresh('python')
    buildPythonDatabase(file, 'migrated')
    const before = sha256(file)
    const files = listDir(temp.dir)
    const run = await runCli(['status', '--db', file], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`schema 003, latest ${LATEST}`)
    expect(run.stdout).toMatch(new RegExp(`001 +applied +${PYTHON_APPLIED_AT}`))
    expect(run.stdout).toMatch(/004 +pending/)
    expect(run.stdout).toContain(`${AFTER_PYTHON.length} migrations pending (${AFTER_PYTHON.join(', ')})`)
    expect(sha256(file)).toBe(before)
    expect(listDir(temp.dir)).toEqual(files)
  })

  it('reports unknown versions as such', async () => {
    const file = fresh()
    await seedSqliteFile(file)
    const db = new BetterSqlite3(file)
    db.prepare("INSERT INTO schema_migrations (version, description) VALUES ('999', 'from the future')").run()
    db.close()
    const doc = parseJson(await runCli(['status', '--db', file, '--json'], env))
    expect(doc).toMatchObject({ ok: true, unknown: ['999'], pending: [] })
  })

  it('works on a file without write permission', async () => {
    const file = fresh()
    await seedSqliteFile(file)
    chmodSync(file, 0o444)
    const run = await runCli(['status', '--db', file, '--json'], env)
    expect(run.code).toBe(0)
    expect(parseJson(run)).toMatchObject({ schemaVersion: LATEST })
  })

  it('says a missing file is missing and creates nothing', async () => {
    const file = join(temp.dir, 'no-such-folder', 'missing.db')
    const run = await runCli(['status', '--db', file], env)
    expect(run.code).toBe(1)
    expect(errorLine(run)).toBe(`momentum: ${file} does not exist (run "momentum migrate" or "momentum create" to make a new database)`)
    expect(existsSync(join(temp.dir, 'no-such-folder'))).toBe(false)
  })

  it('treats a text file as bad input', async () => {
    const file = join(temp.dir, 'notes.db')
    writeFileSync(file, 'game_id,home,away\n'.repeat(20))
    const run = await runCli(['status', '--db', file], env)
    expect(run.code).toBe(1)
    expect(errorLine(run)).toContain('is not a SQLite database')
  })
})
