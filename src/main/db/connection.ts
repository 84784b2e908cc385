import type BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely'
import type pg from 'pg'
import { isAppFailure } from '../errors/app-failure'
import { describeTarget, type DatabaseTarget } from './database-target'
import { connectWithRetry, createPostgresPool, ensureSchema, toPostgresFailure, type PostgresOptions } from './postgres-pool'
import { openSqliteFile, type SqliteOpenOptions } from './sqlite-connection'
import { toSqliteFailure } from './sqlite-errors'
import type { Database } from './schema'

export type Dialect = 'sqlite' | 'postgres'

/** An open database: the Kysely instance plus what admin features need to know about it. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>
  readonly dialect: Dialect
  readonly target: DatabaseTarget
  /** File path or host:port/database, never a password. */
  readonly label: string
  readonly readonly: boolean
  readonly sqlite: BetterSqlite3.Database | null
  readonly pool: pg.Pool | null
  close(): Promise<void>
}

export type OpenOptions = SqliteOpenOptions & { postgres?: PostgresOptions }

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<DatabaseHandle> {
  const label = describeTarget(target)
  if (target.dialect === 'sqlite') {
    const sqlite = openSqliteFile(target.file, options)
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
    const close = async () => {
      await db.destroy()
      // Kysely closes the connection only if it ran a query.
      if (sqlite.open) sqlite.close()
    }
    return { db, dialect: 'sqlite', target, label, readonly: options.readonly ?? false, sqlite, pool: null, close }
  }
  const pool = createPostgresPool(target, options.postgres)
  try {
    await connectWithRetry(pool, target, options.postgres)
    await ensureSchema(pool, target, options.create ?? false)
  } catch (error) {
    await pool.end().catch(() => undefined)
    throw error
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const close = async () => {
    await db.destroy()
    // Kysely ends the pool only if it ran a query; the connect check's idle client would then keep
    // the process alive until the idle timeout.
    if (!pool.ended) await pool.end()
  }
  return { db, dialect: 'postgres', target, label, readonly: options.readonly ?? false, sqlite: null, pool, close }
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing the games-list query costs more than
 * running it. Statements are reused per SQL text (Kysely serialises use of the one connection).
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = cache.get(text)
      if (!statement) {
        if (cache.size >= 500) cache.clear()
        statement = sqlite.prepare(text)
        cache.set(text, statement)
      }
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>
    },
  }
}

/** Maps a driver error to one clear line naming the file or server. */
export function toDatabaseFailure(handle: Pick<DatabaseHandle, 'target'>, error: unknown) {
  if (isAppFailure(error)) return error
  const target = handle.target
  return target.dialect === 'sqlite' ? toSqliteFailure(error, target.file) : toPostgresFailure(error, target)
}

/**
 * Runs `work` in one write transaction. On SQLite it starts IMMEDIATE: a deferred transaction that
 * reads and then writes fails at once under contention instead of waiting for the busy timeout.
 */
export async function inWriteTransaction<T>(handle: DatabaseHandle, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  try {
    if (handle.dialect === 'postgres') return await handle.db.transaction().execute(work)
    return await handle.db.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn)
      try {
        const result = await work(conn)
        await sql`COMMIT`.execute(conn)
        return result
      } catch (error) {
        if (handle.sqlite?.inTransaction) await sql`ROLLBACK`.execute(conn)
        throw error
      }
    })
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
}
