import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openDatabase } from '../main/db/connection'
import { parseDatabaseSpec } from '../main/db/database-target'
import { createTestDb, describeEachDialect, type TestDb } from '../main/db/test-db'
import { cliEnv, ensureCliBuilt, errorLine, LATEST, makeTempDir, parseJson, runCli, seedRows, VERSIONS } from './cli-test-helpers'

const temp = makeTempDir('momentum-lifecycle-')
const env = cliEnv(temp.dir)

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

describeEachDialect('momentum admin lifecycle', (dialect) => {
  let spec: string
  let testDb: TestDb | null = null

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      spec = join(temp.dir, 'life.db')
    } else {
      testDb = await createTestDb('postgres', { migrated: false })
      spec = testDb.spec
    }
  })
  afterAll(async () => testDb?.cleanup())

  async function seed(): Promise<void> {
    const handle = await openDatabase(parseDatabaseSpec(spec))
    try {
      await seedRows(handle.db)
    } finally {
      await handle.close()
    }
  }

  it('migrates, reports status and health', async () => {
    const migrate = await runCli(['migrate', '--db', spec], env)
    expect(migrate.code).toBe(0)
    expect(migrate.stdout).toContain('applying 001 Initial database schema')
    await seed()
    const status = parseJson(await runCli(['status', '--db', spec, '--json'], env))
    expect(status).toMatchObject({ ok: true, dialect, schemaVersion: LATEST, pending: [], unknown: [] })
    const health = await runCli(['health', '--db', spec, '--json'], env)
    expect(health.code).toBe(0)
    const report = parseJson(health)
    expect(report).toMatchObject({ ok: true, dialect, foreignKeyViolations: 0, rowCounts: { games: 2, events: 3, tmi_calculations: 5, schema_migrations: VERSIONS.length } })
    if (dialect === 'postgres') expect(report.pool).toMatchObject({ waitingCount: 0 })
    else expect(report.quickCheck).toBe('ok')
  })

  it('refuses drop without --confirm and says whether a backup would be made', async () => {
    const run = await runCli(['drop', '--db', spec], env)
    expect(run.code).toBe(2)
    expect(errorLine(run)).toContain(dialect === 'postgres' ? '(no backup is made on PostgreSQL)' : '(a backup is written beside the file first)')
    expect(parseJson(await runCli(['status', '--db', spec, '--json'], env))).toMatchObject({ schemaVersion: LATEST })
  })

  it('drops the tables with --confirm, after which health fails', async () => {
    const run = await runCli(['drop', '--confirm', '--db', spec, '--json'], env)
    expect(run.code).toBe(0)
    const doc = parseJson(run)
    expect((doc.dropped as Array<{ table: string }>).map((d) => d.table)).toEqual(['tmi_calculations', 'events', 'games', 'schema_migrations'])
    if (dialect === 'postgres') expect(doc).toMatchObject({ backup: null, backupNote: expect.stringContaining('No backup was made') })
    else expect(doc.backup).toMatch(/life\.backup-\d{8}-\d{6}\.db$/)
    const health = await runCli(['health', '--db', spec], env)
    expect(health.code).toBe(1)
    expect(errorLine(health)).toContain('is not healthy (tables: missing tables games, events, tmi_calculations')
  })

  it('migrates again from scratch, then reset empties the tables', async () => {
    const migrate = parseJson(await runCli(['migrate', '--db', spec, '--json'], env))
    expect((migrate.applied as unknown[]).length).toBe(VERSIONS.length)
    await seed()
    const reset = await runCli(['reset', '--confirm', '--db', spec, '--json'], env)
    expect(reset.code).toBe(0)
    expect(parseJson(reset)).toMatchObject({ ok: true, schemaVersion: LATEST, dropped: expect.arrayContaining([{ table: 'games', rows: 2 }]) })
    const health = parseJson(await runCli(['health', '--db', spec, '--json'], env))
    expect(health).toMatchObject({ ok: true, rowCounts: { games: 0, events: 0, tmi_calculations: 0, schema_migrations: VERSIONS.length } })
  })
})
