import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrations } from '../../../migrations'
import type { Migration } from '../../../migrations'
import type { DatabaseHandle } from '../db/connection'
import { listColumns, listIndexes, listTables } from '../db/introspection'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { createTables, dropTables, resetDatabase } from './admin.service'

async function seed(handle: DatabaseHandle): Promise<void> {
  await handle.db.insertInto('games').values({ game_id: 'g1', home_team: 'BOS', away_team: 'MIA', game_date: '2025-02-05', status: 'Final', created_at: null }).execute()
  await handle.db
    .insertInto('events')
    .values({ event_id: 'e1', game_id: 'g1', team_tricode: 'BOS', player_name: null, event_type: 'shot', clock: '1:00', period: 1, points_total: 2, shot_result: 'Made', description: null, timestamp: null, order_number: 1, clock_seconds: 60 })
    .execute()
  await handle.db.insertInto('tmi_calculations').values({ game_id: 'g1', team_tricode: 'BOS', tmi_value: 0.5, feature_contributions: '{}' }).execute()
}

/** Tables, columns, indexes and migration records (without dates): what "the same schema" means. */
async function snapshot(handle: DatabaseHandle) {
  const tables = await listTables(handle.db, handle.dialect)
  const columns = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await listColumns(handle.db, handle.dialect, t)] as const)))
  const records = await handle.db.selectFrom('schema_migrations').select(['version', 'description', 'checksum']).orderBy('version').execute()
  return { tables, columns, indexes: await listIndexes(handle.db, handle.dialect), records }
}

const failing: Migration = {
  version: '999',
  description: 'always fails',
  up: () => ['CREATE TABLE reset_probe (id INTEGER)', 'SELECT * FROM no_such_table'],
  down: () => [],
}

describeEachDialect('admin.service', (dialect) => {
  const open: TestDb[] = []
  const testDb = async (migrated = true): Promise<TestDb> => {
    const db = await createTestDb(dialect, { migrated })
    open.push(db)
    return db
  }
  afterEach(async () => {
    for (const db of open.splice(0)) await db.cleanup()
  })

  describe('createTables', () => {
    it('runs every migration on an empty database', async () => {
      const { handle } = await testDb(false)
      const run = await createTables(handle)
      expect(run.error).toBeNull()
      expect(run.steps.map((s) => s.version)).toEqual(migrations.map((m) => m.version))
    })
  })

  describe('dropTables', () => {
    it('drops our four tables, reports their rows, and leaves other tables alone', async () => {
      const { handle } = await testDb()
      await seed(handle)
      await sql`CREATE TABLE momentum_timeline (id INTEGER, game_id VARCHAR)`.execute(handle.db)
      await sql`INSERT INTO momentum_timeline (id, game_id) VALUES (1, 'g1')`.execute(handle.db)
      const result = await dropTables(handle)
      expect(result.dropped).toEqual([
        { table: 'tmi_calculations', rows: 1 },
        { table: 'events', rows: 1 },
        { table: 'games', rows: 1 },
        { table: 'schema_migrations', rows: migrations.length },
      ])
      expect(await listTables(handle.db, dialect)).toEqual(['momentum_timeline'])
    })

    it('lets a later migrate recreate everything', async () => {
      const { handle } = await testDb()
      await dropTables(handle)
      const run = await createTables(handle)
      expect(run.steps).toHaveLength(migrations.length)
    })
  })

  describe('resetDatabase', () => {
    it('leaves exactly the schema and records of a freshly migrated database', async () => {
      const fresh = await testDb()
      const used = await testDb()
      await seed(used.handle)
      const result = await resetDatabase(used.handle)
      expect(result.schemaVersion).toBe(migrations.at(-1)!.version)
      expect(result.applied.map((m) => m.version)).toEqual(migrations.map((m) => m.version))
      expect(result.dropped.find((d) => d.table === 'games')).toEqual({ table: 'games', rows: 1 })
      expect(await snapshot(used.handle)).toEqual(await snapshot(fresh.handle))
      expect(await used.handle.db.selectFrom('games').selectAll().execute()).toEqual([])
    })

    it('rolls everything back when a migration fails', async () => {
      const { handle } = await testDb()
      await seed(handle)
      const before = await snapshot(handle)
      await expect(resetDatabase(handle, [...migrations, failing])).rejects.toThrow(/reset failed and was rolled back: migration 999 \(always fails\) failed/)
      expect(await snapshot(handle)).toEqual(before)
      expect(await handle.db.selectFrom('games').select('game_id').execute()).toEqual([{ game_id: 'g1' }])
    })

    it('refuses a database written by a newer app', async () => {
      const { handle } = await testDb()
      await seed(handle)
      await handle.db.insertInto('schema_migrations').values({ version: '999', description: 'future' }).execute()
      await expect(resetDatabase(handle)).rejects.toMatchObject({ code: 'NewerSchema' })
      expect(await handle.db.selectFrom('games').select('game_id').execute()).toEqual([{ game_id: 'g1' }])
    })
  })
})
