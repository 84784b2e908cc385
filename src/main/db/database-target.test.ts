import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppFailure } from '../errors/app-failure'
import { DEFAULT_FILE_NAME, defaultDataDirectory, describeTarget, parseDatabaseSpec, redactUrl, resolveDatabaseTarget } from './database-target'

function failureOf(run: () => unknown): AppFailure {
  try {
    run()
  } catch (error) {
    if (error instanceof AppFailure) return error
    throw error
  }
  throw new Error('expected an AppFailure')
}

describe('resolveDatabaseTarget', () => {
  const env = { DATABASE_URL: 'sqlite:////srv/from-env.db', XDG_DATA_HOME: '/home/u/.data' }

  it('prefers --db over DATABASE_URL', () => {
    expect(resolveDatabaseTarget('/tmp/option.db', env)).toEqual({ dialect: 'sqlite', file: '/tmp/option.db', memory: false })
  })

  it('uses DATABASE_URL when there is no --db', () => {
    expect(resolveDatabaseTarget(undefined, env)).toEqual({ dialect: 'sqlite', file: '/srv/from-env.db', memory: false })
  })

  it('falls back to momentum_ml.db in the XDG data directory', () => {
    expect(resolveDatabaseTarget(undefined, { XDG_DATA_HOME: '/home/u/.data' })).toEqual({
      dialect: 'sqlite',
      file: join('/home/u/.data', 'momentumml', DEFAULT_FILE_NAME),
      memory: false,
    })
  })

  it('treats a blank DATABASE_URL as unset', () => {
    expect(resolveDatabaseTarget(undefined, { DATABASE_URL: '  ' }, '/data')).toEqual({ dialect: 'sqlite', file: join('/data', DEFAULT_FILE_NAME), memory: false })
  })

  it('trims the spec before parsing it', () => {
    expect(resolveDatabaseTarget('  sqlite:////abs/x.db \n', {})).toMatchObject({ file: '/abs/x.db' })
  })
})

describe('defaultDataDirectory', () => {
  it('uses ~/.local/share when XDG_DATA_HOME is not set', () => {
    expect(defaultDataDirectory({}, 'linux')).toMatch(/\.local[\\/]share[\\/]momentumml$/)
  })

  it('uses APPDATA on Windows', () => {
    expect(defaultDataDirectory({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'MomentumML'))
  })
})

describe('parseDatabaseSpec', () => {
  describe('SQLite', () => {
    it('resolves sqlite:///./x.db against the working directory, as SQLAlchemy does', () => {
      expect(parseDatabaseSpec('sqlite:///./x.db')).toEqual({ dialect: 'sqlite', file: resolve('x.db'), memory: false })
      expect(parseDatabaseSpec('sqlite:///momentum_ml.db')).toEqual({ dialect: 'sqlite', file: resolve('momentum_ml.db'), memory: false })
    })

    it('reads sqlite:////abs as an absolute path', () => {
      expect(parseDatabaseSpec('sqlite:////var/lib/momentum/x.db')).toEqual({ dialect: 'sqlite', file: '/var/lib/momentum/x.db', memory: false })
    })

    it('decodes percent-escapes in the path', () => {
      expect(parseDatabaseSpec('sqlite:////tmp/my%20games.db')).toMatchObject({ file: '/tmp/my games.db' })
    })

    it('keeps a lone % in a file name', () => {
      expect(parseDatabaseSpec('sqlite:////tmp/100%.db')).toMatchObject({ file: '/tmp/100%.db' })
    })

    it('recognises in-memory databases', () => {
      expect(parseDatabaseSpec('sqlite:///:memory:')).toEqual({ dialect: 'sqlite', file: ':memory:', memory: true })
      expect(parseDatabaseSpec(':memory:')).toEqual({ dialect: 'sqlite', file: ':memory:', memory: true })
    })

    it('takes a plain path as a file, relative to the working directory', () => {
      expect(parseDatabaseSpec('data/games.db')).toEqual({ dialect: 'sqlite', file: resolve('data/games.db'), memory: false })
    })

    it('rejects sqlite URLs without a path', () => {
      expect(failureOf(() => parseDatabaseSpec('sqlite://'))).toMatchObject({ code: 'InvalidInput' })
      expect(failureOf(() => parseDatabaseSpec('sqlite:///')).message).toContain('sqlite:///PATH')
    })
  })

  describe('PostgreSQL', () => {
    it('parses postgresql:// with user, password, host, port and database', () => {
      expect(parseDatabaseSpec('postgresql://u:pw@db.example:6543/momentum')).toEqual({
        dialect: 'postgres',
        url: 'postgresql://u:pw@db.example:6543/momentum',
        host: 'db.example',
        port: 6543,
        database: 'momentum',
        user: 'u',
        schema: null,
      })
    })

    it('accepts postgres:// and defaults the port to 5432', () => {
      expect(parseDatabaseSpec('postgres://u:pw@h/db')).toMatchObject({ dialect: 'postgres', host: 'h', port: 5432, database: 'db', user: 'u' })
    })

    it('reads ?schema= as the schema to work in', () => {
      expect(parseDatabaseSpec('postgresql://u:pw@h/db?schema=team_a')).toMatchObject({ database: 'db', schema: 'team_a' })
    })

    it('decodes an escaped user and database name', () => {
      expect(parseDatabaseSpec('postgresql://us%40er:pw@h/my%20db')).toMatchObject({ user: 'us@er', database: 'my db' })
    })

    it('requires a database name and never echoes the password', () => {
      const failure = failureOf(() => parseDatabaseSpec('postgresql://u:hunter2@h'))
      expect(failure.code).toBe('InvalidInput')
      expect(failure.message).toContain('needs a host and a database name')
      expect(failure.message).not.toContain('hunter2')
    })

    it('reports a malformed URL without the password', () => {
      const failure = failureOf(() => parseDatabaseSpec('postgresql://u:hunter2@h:notaport/db'))
      expect(failure.code).toBe('InvalidInput')
      expect(failure.message).not.toContain('hunter2')
    })
  })

  it('rejects an unknown scheme with a message naming it, without the password', () => {
    const failure = failureOf(() => parseDatabaseSpec('mysql://root:hunter2@h/db'))
    expect(failure.code).toBe('InvalidInput')
    expect(failure.message).toContain('"mysql://"')
    expect(failure.message).toContain('mysql://root:***@h/db')
    expect(failure.message).not.toContain('hunter2')
  })
})

describe('redactUrl', () => {
  it('replaces the password with ***', () => {
    expect(redactUrl('postgresql://u:pw@h:5432/db')).toBe('postgresql://u:***@h:5432/db')
  })

  it('hides a password that contains unescaped @ or /', () => {
    expect(redactUrl('postgresql://u:p@ss@h/db')).toBe('postgresql://u:***@h/db')
    expect(redactUrl('postgresql://u:pa/ss@h/db')).toBe('postgresql://u:***@h/db')
  })

  it('keeps the query string readable', () => {
    expect(redactUrl('postgresql://u:pw@h/db?schema=s')).toBe('postgresql://u:***@h/db?schema=s')
  })

  it('leaves URLs without a password alone', () => {
    expect(redactUrl('postgresql://u@h/db')).toBe('postgresql://u@h/db')
    expect(redactUrl('sqlite:////tmp/x.db')).toBe('sqlite:////tmp/x.db')
  })
})

describe('describeTarget', () => {
  it('names a file by its path and a server by host:port/database, without the password', () => {
    expect(describeTarget(parseDatabaseSpec('sqlite:////tmp/x.db'))).toBe('/tmp/x.db')
    expect(describeTarget(parseDatabaseSpec(':memory:'))).toBe(':memory:')
    const pg = describeTarget(parseDatabaseSpec('postgresql://u:hunter2@h:6543/db?schema=s1'))
    expect(pg).toBe('PostgreSQL h:6543/db (schema s1)')
  })
})
