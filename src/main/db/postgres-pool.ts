import pg from 'pg'
import { AppFailure } from '../errors/app-failure'
import { describeTarget, type DatabaseTarget } from './database-target'

type PostgresTarget = Extract<DatabaseTarget, { dialect: 'postgres' }>

export interface PostgresOptions {
  connectTimeoutMs?: number
  statementTimeoutMs?: number
  /** Connection attempts before giving up on an unreachable server. */
  attempts?: number
  retryBaseDelayMs?: number
  max?: number
}

const RAW_TEXT_OIDS = new Set([1082, 1114, 1184]) // date, timestamp, timestamptz: keep the text
const NUMBER_OIDS = new Set([20, 1700]) // int8 (count), numeric

const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (RAW_TEXT_OIDS.has(oid)) return (value: string) => value
    if (NUMBER_OIDS.has(oid)) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format as 'text')
  },
}

/** A pool that cannot hang forever, cannot crash the process on a killed backend, and never prints the password. */
export function createPostgresPool(target: PostgresTarget, options: PostgresOptions = {}): pg.Pool {
  const url = new URL(target.url)
  url.searchParams.delete('schema')
  if (target.schema !== null && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(target.schema)) {
    throw new AppFailure('InvalidInput', `schema "${target.schema}" in the PostgreSQL URL is not a plain identifier`)
  }
  const statementTimeout = options.statementTimeoutMs ?? 30_000
  const pool = new pg.Pool({
    connectionString: url.toString(),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 5_000,
    idle_in_transaction_session_timeout: 60_000,
    idleTimeoutMillis: 10_000,
    max: options.max ?? 4,
    keepAlive: true,
    types,
    // UTC sessions: CURRENT_TIMESTAMP defaults then store UTC wall clock, as the SQLite files do.
    options: `-c TimeZone=UTC${target.schema ? ` -c search_path=${target.schema}` : ''}`,
  })
  const label = describeTarget(target)
  pool.on('error', (error) => console.error(`momentum: idle connection to ${label} failed: ${error.message}`))
  pool.on('connect', (client) => client.on('error', (error) => console.error(`momentum: connection to ${label} failed: ${error.message}`)))
  return pool
}

/**
 * A `?schema=NAME` that does not exist: created when the command means to create (migrate,
 * create — as a missing SQLite file is), else refused with one line instead of PostgreSQL's
 * "no schema has been selected to create in" on the first write.
 */
export async function ensureSchema(pool: pg.Pool, target: PostgresTarget, create: boolean): Promise<void> {
  if (target.schema === null) return
  const where = `${target.host}:${target.port}/${target.database}`
  // search_path takes the name unquoted, so PostgreSQL folds it to lower case: look up and create that.
  const schema = target.schema.toLowerCase()
  try {
    const { rowCount } = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])
    if (rowCount !== 0) return
    if (!create) throw new AppFailure('NotFound', `schema "${target.schema}" does not exist in ${where} (run "momentum migrate" or "momentum create" to make it)`)
    // An identifier cannot be a parameter; the name was checked as a plain identifier in createPostgresPool.
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`)
  } catch (error) {
    if (error instanceof AppFailure) throw error
    throw toPostgresFailure(error, target)
  }
}

const RETRYABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', '57P03'])

/** Bounded retry with exponential backoff, at connect time only (a failed query is never re-sent). */
export async function connectWithRetry(pool: pg.Pool, target: PostgresTarget, options: PostgresOptions = {}): Promise<void> {
  const attempts = options.attempts ?? Number(process.env.MOMENTUM_PG_CONNECT_ATTEMPTS ?? 4)
  const baseDelay = options.retryBaseDelayMs ?? 250
  const started = Date.now()
  for (let attempt = 1; ; attempt++) {
    try {
      const client = await pool.connect()
      client.release()
      return
    } catch (error) {
      const code = (error as { code?: string }).code ?? ''
      const timedOut = /timeout/i.test((error as Error).message)
      if ((!RETRYABLE.has(code) && !timedOut) || attempt >= attempts) {
        throw toPostgresFailure(error, target, attempt, Date.now() - started)
      }
      await new Promise((resolve) => setTimeout(resolve, baseDelay * 2 ** (attempt - 1)))
    }
  }
}

export function toPostgresFailure(error: unknown, target: PostgresTarget, attempts = 1, elapsedMs = 0): AppFailure {
  const where = describeTarget(target)
  const code = (error as { code?: string }).code ?? ''
  const message = redactSecrets(error instanceof Error ? error.message : String(error), target)
  if (code === '28P01' || code === '28000') return new AppFailure('Unreachable', `${where}: authentication failed for user "${target.user}"`)
  if (code === '3D000') return new AppFailure('NotFound', `${where}: database "${target.database}" does not exist`)
  if (code === '57014') return new AppFailure('Busy', `${where}: query took too long and was cancelled (statement timeout)`)
  if (code === '55P03') return new AppFailure('Busy', `${where}: a table is locked by another session (lock timeout)`)
  if (RETRYABLE.has(code) || /timeout|terminated|connect/i.test(message)) {
    const tries = attempts > 1 ? ` after ${attempts} attempts over ${(elapsedMs / 1000).toFixed(1)} s` : ''
    return new AppFailure('Unreachable', `cannot reach ${where}${tries}: ${code || message}`)
  }
  return new AppFailure('Internal', `${where}: ${message}`)
}

function redactSecrets(text: string, target: PostgresTarget): string {
  const password = decodeURIComponent(new URL(target.url).password)
  return password ? text.split(password).join('***') : text
}
