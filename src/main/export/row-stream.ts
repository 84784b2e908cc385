/*
 * Streams a query's rows to a callback without holding the result in memory.
 *
 * SQLite: Kysely's `.stream()` costs an async step per row (measured 14–16 s for 1M rows against
 * 5–7 s for better-sqlite3's iterate() alone), so we compile the Kysely query and iterate it with
 * better-sqlite3 in raw (array) mode while holding Kysely's connection, so no other query runs on
 * the busy connection meanwhile. Rows are handed over one by one and die young: collecting them in
 * batches first made V8 promote them and grow the heap. A source ordered by game first is read one
 * game at a time: SQLite then sorts each game's rows in memory instead of the whole result in temp
 * files (about a quarter of the time of a 1M-row TMI export). The reads run in one transaction, so they see
 * one snapshot.
 *
 * PostgreSQL: our PostgresDialect has no `cursor` (pg-cursor is not installed), so `.stream()`
 * cannot work; the query runs as a server-side cursor in a read-only REPEATABLE READ transaction and
 * is fetched in chunks: one sort, one snapshot, and no keyset predicates over nullable columns.
 */
import { sql, type Compilable, type Expression, type Kysely } from 'kysely'
import { toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import type { Database } from '../db/schema'

export type RawRow = unknown[]

/** A Kysely select query: compiled for SQLite, embedded in DECLARE … CURSOR for PostgreSQL. */
export type ExportQuery = Compilable & Expression<unknown>

/** Takes one row; returns a promise only when the reader must wait (output full, cancelled). */
export type RowConsumer = (row: RawRow) => Promise<void> | undefined

export interface ExportSource {
  /** All rows in export order. */
  query: ExportQuery
  /** The same rows one game at a time (used on SQLite). */
  byGame?: {
    /** One column: every game id `query` can return, in export order. */
    gameIds: ExportQuery
    /** `query` restricted to one game. */
    rowsOf(gameId: string): ExportQuery
  }
}

// Stands for the game id when a per-game query is compiled once and run for every game.
const GAME_ID_SLOT = '\u0000momentum-export-game-id'

// 5,000 rows a fetch peaked at ~160 MB RSS for a 1M-row export, 2,000 at ~140 MB for little more time.
const POSTGRES_FETCH_ROWS = 2_000

export async function forEachRow(handle: DatabaseHandle, source: ExportSource | ExportQuery, onRow: RowConsumer): Promise<void> {
  const { query, byGame } = 'query' in source ? source : { query: source, byGame: undefined }
  try {
    if (handle.dialect === 'postgres') await postgresRows(handle.db, query, onRow)
    else if (byGame) await sqliteRowsByGame(handle, byGame, onRow)
    else await sqliteRows(handle, (sqlite) => iterate(sqlite, query.compile()), onRow)
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
}

type Sqlite = NonNullable<DatabaseHandle['sqlite']>
type Compiled = { sql: string; parameters: readonly unknown[] }

function iterate(sqlite: Sqlite, compiled: Compiled): IterableIterator<RawRow> {
  return sqlite.prepare(compiled.sql).raw(true).iterate(...compiled.parameters) as IterableIterator<RawRow>
}

/** `manyStatements`: wrap the reads in one read transaction, so that they share a snapshot. */
async function sqliteRows(handle: DatabaseHandle, rows: (sqlite: Sqlite) => Iterable<RawRow>, onRow: RowConsumer, manyStatements = false): Promise<void> {
  const sqlite = handle.sqlite
  if (!sqlite) throw new Error('SQLite handle without a connection')
  await handle.db.connection().execute(async () => {
    const ownTransaction = manyStatements && !sqlite.inTransaction
    if (ownTransaction) sqlite.prepare('BEGIN').run()
    try {
      for (const row of rows(sqlite)) {
        const wait = onRow(row)
        if (wait) await wait
      }
    } finally {
      if (ownTransaction && sqlite.inTransaction) sqlite.prepare('COMMIT').run()
    }
  })
}

async function sqliteRowsByGame(handle: DatabaseHandle, byGame: NonNullable<ExportSource['byGame']>, onRow: RowConsumer): Promise<void> {
  const perGame = byGame.rowsOf(GAME_ID_SLOT).compile()
  const slot = perGame.parameters.indexOf(GAME_ID_SLOT)
  if (slot < 0 || perGame.parameters.lastIndexOf(GAME_ID_SLOT) !== slot) throw new Error('per-game query must bind the game id once')
  await sqliteRows(
    handle,
    function* (sqlite) {
      const gameIds = byGame.gameIds.compile()
      const ids = sqlite.prepare(gameIds.sql).pluck().all(...gameIds.parameters)
      const statement = sqlite.prepare(perGame.sql).raw(true)
      const parameters = [...perGame.parameters]
      for (const id of ids) {
        parameters[slot] = id
        yield* statement.iterate(...parameters) as IterableIterator<RawRow>
      }
    },
    onRow,
    true,
  )
}

// For this transaction only: generous limits, since the first FETCH sorts everything and a slow
// reader (a pager on stdout) may leave the session idle in the transaction between fetches; and
// round-trip exact float text for the REAL columns read as text (see table-columns.ts).
const SETTINGS = { statement_timeout: '10min', idle_in_transaction_session_timeout: '10min', extra_float_digits: '3' }

async function postgresRows(db: Kysely<Database>, query: ExportQuery, onRow: RowConsumer): Promise<void> {
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      for (const [name, value] of Object.entries(SETTINGS)) await sql`SELECT set_config(${name}, ${value}, true)`.execute(trx)
      await sql`DECLARE momentum_export NO SCROLL CURSOR FOR ${query}`.execute(trx)
      for (;;) {
        const { rows } = await sql<Record<string, unknown>>`FETCH FORWARD ${sql.lit(POSTGRES_FETCH_ROWS)} FROM momentum_export`.execute(trx)
        for (const row of rows) {
          const wait = onRow(Object.values(row))
          if (wait) await wait
        }
        if (rows.length < POSTGRES_FETCH_ROWS) break
      }
    })
}
