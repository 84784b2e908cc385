import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe } from 'vitest'
import { openDatabase, type DatabaseHandle, type Dialect } from './connection'
import { parseDatabaseSpec } from './database-target'
import { migrate } from './migrator'

/** Dialects the data-core suites run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDialects(): Dialect[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']
}

/** `describe` once per dialect; suite names carry `[sqlite]` / `[postgres]` so CI can count them. */
export function describeEachDialect(name: string, body: (dialect: Dialect) => void): void {
  for (const dialect of testDialects()) describe(`${name} [${dialect}]`, () => body(dialect))
}

export interface TestDb {
  handle: DatabaseHandle
  /** A spec (path or URL) that opens the same database from another process. */
  spec: string
  cleanup(): Promise<void>
}

/** A fresh database: a temp SQLite file, or a private schema on the test PostgreSQL server. */
export async function createTestDb(dialect: Dialect = 'sqlite', options: { migrated?: boolean } = {}): Promise<TestDb> {
  let spec: string
  let dropSchema: (() => Promise<void>) | null = null
  let dir: string | null = null
  if (dialect === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'momentum-test-'))
    spec = join(dir, 'test.db')
  } else {
    const base = process.env.TEST_DATABASE_URL
    if (!base) throw new Error('TEST_DATABASE_URL is not set')
    const schema = `t_${randomBytes(6).toString('hex')}`
    const admin = await openDatabase(parseDatabaseSpec(base))
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db)
    await admin.close()
    const url = new URL(base)
    url.searchParams.set('schema', schema)
    spec = url.toString()
    dropSchema = async () => {
      const again = await openDatabase(parseDatabaseSpec(base))
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(again.db)
      await again.close()
    }
  }
  const handle = await openDatabase(parseDatabaseSpec(spec), { create: true })
  if (options.migrated ?? true) {
    const run = await migrate(handle)
    if (run.error) throw new Error(run.error.message)
  }
  return {
    handle,
    spec,
    cleanup: async () => {
      await handle.close()
      if (dropSchema) await dropSchema()
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}
