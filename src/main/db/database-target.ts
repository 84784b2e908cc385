import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { AppFailure } from '../errors/app-failure'

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string; memory: boolean }
  | { dialect: 'postgres'; url: string; host: string; port: number; database: string; user: string; schema: string | null }

export const DEFAULT_FILE_NAME = 'momentum_ml.db'

/** `--db` wins over `DATABASE_URL`, which wins over the default file in the user's data directory. */
export function resolveDatabaseTarget(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  defaultDir: string = defaultDataDirectory(env),
): DatabaseTarget {
  const spec = option ?? env.DATABASE_URL
  if (spec === undefined || spec.trim() === '') {
    return { dialect: 'sqlite', file: join(defaultDir, DEFAULT_FILE_NAME), memory: false }
  }
  return parseDatabaseSpec(spec.trim())
}

/** Accepts a path, `sqlite:///relative.db`, `sqlite:////abs.db`, `sqlite:///:memory:` or a PostgreSQL URL. */
export function parseDatabaseSpec(spec: string): DatabaseTarget {
  if (spec === ':memory:') return { dialect: 'sqlite', file: ':memory:', memory: true }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(spec)?.[1]?.toLowerCase()
  if (scheme === undefined) return { dialect: 'sqlite', file: resolve(spec), memory: false }
  if (scheme === 'sqlite') {
    const path = spec.slice('sqlite:///'.length)
    if (!spec.startsWith('sqlite:///') || path === '') {
      throw new AppFailure('InvalidInput', `database URL ${spec} is not of the form sqlite:///PATH`)
    }
    if (path === ':memory:') return { dialect: 'sqlite', file: ':memory:', memory: true }
    return { dialect: 'sqlite', file: resolve(decodePath(path)), memory: false }
  }
  if (scheme === 'postgres' || scheme === 'postgresql') return parsePostgresUrl(spec)
  throw new AppFailure(
    'InvalidInput',
    `unknown database URL scheme "${scheme}://" in ${redactUrl(spec)}: use a file path, sqlite:///PATH or postgresql://USER:PASSWORD@HOST/DB`,
  )
}

/** `%20` is an escape, but a lone `%` in a file name (`100%.db`) is just a character. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

function parsePostgresUrl(spec: string): DatabaseTarget {
  let url: URL
  try {
    url = new URL(spec)
  } catch {
    throw new AppFailure('InvalidInput', `PostgreSQL URL ${redactUrl(spec)} is malformed`)
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  if (!url.hostname || !database) {
    throw new AppFailure('InvalidInput', `PostgreSQL URL ${redactUrl(spec)} needs a host and a database name`)
  }
  return {
    dialect: 'postgres',
    url: spec,
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    database,
    user: decodeURIComponent(url.username),
    schema: url.searchParams.get('schema'),
  }
}

/** A URL safe to print: the password is never shown, even when it holds an unescaped `@` or `/`. */
export function redactUrl(spec: string): string {
  // The password runs to the last `@` before any query or fragment; erring long hides more, never less.
  return spec.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@?#]*):[^?#]*@/i, '$1:***@')
}

/** How a target is named in messages: file path, or host:port/database (never the password). */
export function describeTarget(target: DatabaseTarget): string {
  if (target.dialect === 'sqlite') return target.memory ? ':memory:' : target.file
  const schema = target.schema ? ` (schema ${target.schema})` : ''
  return `PostgreSQL ${target.host}:${target.port}/${target.database}${schema}`
}

/** XDG on Linux, Application Support on macOS, %APPDATA% on Windows. */
export function defaultDataDirectory(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'MomentumML')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'MomentumML')
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'momentumml')
}
