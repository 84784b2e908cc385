import { sql, type Kysely } from 'kysely'
import type { Dialect } from './connection'

// Introspection through catalog queries with bound names, so it also works inside a transaction.
type AnyDb = Kysely<any> // eslint-disable-line @typescript-eslint/no-explicit-any

export async function listTables(db: AnyDb, dialect: Dialect): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
      : sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`
  return (await query.execute(db)).rows.map((row) => row.name)
}

export async function hasTable(db: AnyDb, dialect: Dialect, table: string): Promise<boolean> {
  return (await listTables(db, dialect)).includes(table)
}

export async function listColumns(db: AnyDb, dialect: Dialect, table: string): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`
      : sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`
  return (await query.execute(db)).rows.map((row) => row.name)
}

export async function hasColumn(db: AnyDb, dialect: Dialect, table: string, column: string): Promise<boolean> {
  return (await listColumns(db, dialect, table)).includes(column)
}

export async function listIndexes(db: AnyDb, dialect: Dialect): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`
      : sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`
  return (await query.execute(db)).rows.map((row) => row.name)
}
