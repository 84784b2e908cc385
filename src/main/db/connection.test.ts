import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppFailure } from '../errors/app-failure'
import { inWriteTransaction, openDatabase, type DatabaseHandle } from './connection'
import { parseDatabaseSpec, resolveDatabaseTarget } from './database-target'
import { buildPythonDatabase } from './python-fixtures'
import { createTestDb, describeEachDialect } from './test-db'

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..')

let dir: string
let realDb: Buffer
const opened: DatabaseHandle[] = []

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'momentum-connection-'))
  const file = join(dir, 'real.db')
  buildPythonDatabase(file, 'migrated')
  realDb = readFileSync(file)
  rmSync(file)
})

afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close()
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function freshDir(name: string): string {
  const path = join(dir, name)
  mkdirSync(path)
  return path
}

async function open(spec: string, options: Parameters<typeof openDatabase>[1] = {}): Promise<DatabaseHandle> {
  const handle = await openDatabase(parseDatabaseSpec(spec), options)
  opened.push(handle)
  return handle
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  )
  expect(outcome).toBeInstanceOf(AppFailure)
  return outcome as AppFailure
}

/** XORs the first 64 bytes of a page: its b-tree header, so the page no longer parses. */
function damagePage(bytes: Buffer, page: number): Buffer {
  const damaged = Buffer.from(bytes)
  const pageSize = bytes.readUInt16BE(16)
  for (let i = 0; i < 64; i++) damaged[(page - 1) * pageSize + i]! ^= 0xa5
  return damaged
}

describe('openDatabase', () => {
  describe('with a file that is not a usable database', () => {
    const cases: Array<{ name: string; content: () => Buffer; code: string }> = [
      { name: 'a text file', content: () => Buffer.from('game_id,home_team\n0022400718,DET\n'.repeat(20)), code: 'NotADatabase' },
      { name: 'a zero-byte file', content: () => Buffer.alloc(0), code: 'NotADatabase' },
      { name: 'a file truncated to 50 bytes', content: () => realDb.subarray(0, 50), code: 'Damaged' },
      { name: 'a file truncated to 4 KiB', content: () => realDb.subarray(0, 4096), code: 'Damaged' },
      { name: 'a file truncated to half its size', content: () => realDb.subarray(0, realDb.length / 2), code: 'Damaged' },
      { name: 'a header with an invalid page size', content: () => Buffer.concat([realDb.subarray(0, 16), Buffer.from([3, 0]), realDb.subarray(18)]), code: 'NotADatabase' },
      { name: 'a valid header with a damaged page 2', content: () => damagePage(realDb, 2), code: 'Damaged' },
      { name: 'a valid header with a damaged page 5', content: () => damagePage(realDb, 5), code: 'Damaged' },
      { name: 'a valid header with a damaged last page', content: () => damagePage(realDb, realDb.length / realDb.readUInt16BE(16)), code: 'Damaged' },
    ]

    for (const { name, content, code } of cases) {
      it(`refuses ${name} with one line naming the file, and leaves it untouched`, async () => {
        const folder = freshDir(name.replace(/\W+/g, '-'))
        const file = join(folder, 'picked.db')
        writeFileSync(file, content())
        const before = sha256(file)

        const failure = await failureOf(open(file))

        expect(failure.code).toBe(code)
        expect(failure.message).toContain(file)
        expect(failure.message).not.toContain('\n')
        expect(sha256(file)).toBe(before)
        expect(readdirSync(folder)).toEqual(['picked.db'])
      })
    }

    it('refuses a directory and creates nothing in it', async () => {
      const folder = freshDir('a-directory')
      const failure = await failureOf(open(folder, { create: true }))
      expect(failure.code).toBe('NotADatabase')
      expect(failure.message).toBe(`${folder} is a directory, not a database file`)
      expect(readdirSync(folder)).toEqual([])
    })

    it('refuses a file without write bits for writing, and opens it read-only unchanged', async () => {
      const folder = freshDir('read-only-bits')
      const file = join(folder, 'locked.db')
      writeFileSync(file, realDb)
      chmodSync(file, 0o444)
      const before = sha256(file)

      const failure = await failureOf(open(file))
      expect(failure.code).toBe('ReadOnly')
      expect(failure.message).toContain(file)

      const handle = await open(file, { readonly: true })
      expect(await handle.db.selectFrom('games').select('game_id').orderBy('game_id').execute()).toHaveLength(3)
      await handle.close()
      expect(sha256(file)).toBe(before)
      expect(readdirSync(folder)).toEqual(['locked.db'])
    })
  })

  describe('with a missing path', () => {
    it('refuses it without create and creates nothing, not even the folder', async () => {
      const file = join(dir, 'missing-folder', 'nope.db')
      const failure = await failureOf(open(file))
      expect(failure.code).toBe('NotFound')
      expect(failure.message).toContain(file)
      expect(existsSync(join(dir, 'missing-folder'))).toBe(false)
    })

    it('creates the folder and an empty database with create', async () => {
      const file = join(dir, 'new-folder', 'new.db')
      const handle = await open(file, { create: true })
      expect(handle.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(readFileSync(file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000')
    })
  })

  it('refuses an unknown URL scheme before touching anything', async () => {
    const failure = await failureOf(Promise.resolve().then(() => openDatabase(resolveDatabaseTarget('mysql://root:hunter2@localhost/momentum', {}))))
    expect(failure.code).toBe('InvalidInput')
    expect(failure.message).toContain('mysql://')
    expect(failure.message).not.toContain('hunter2')
  })

  describe('with a PostgreSQL server that cannot be used', () => {
    it('gives up on an unreachable server after the configured attempts, naming host:port and database only', async () => {
      const started = Date.now()
      const failure = await failureOf(open('postgresql://momentum:hunter2@127.0.0.1:1/games_db', { postgres: { attempts: 2, retryBaseDelayMs: 50 } }))
      expect(failure.code).toBe('Unreachable')
      expect(failure.message).toContain('127.0.0.1:1/games_db')
      expect(failure.message).toContain('2 attempts')
      expect(failure.message).not.toContain('hunter2')
      expect(failure.message).not.toContain('\n')
      expect(Date.now() - started).toBeLessThan(5_000)
    })

    it('refuses a ?schema= that is not a plain identifier before connecting', async () => {
      const failure = await failureOf(open('postgresql://momentum:hunter2@127.0.0.1:1/games_db?schema=a;DROP'))
      expect(failure.code).toBe('InvalidInput')
      expect(failure.message).toContain('a;DROP')
      expect(failure.message).not.toContain('hunter2')
    })

    it('times out on a server that accepts the connection but never answers', async () => {
      const sockets = new Set<net.Socket>()
      const server = net.createServer((socket) => void sockets.add(socket))
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const port = (server.address() as net.AddressInfo).port
      try {
        const started = Date.now()
        const failure = await failureOf(open(`postgresql://momentum:hunter2@127.0.0.1:${port}/games_db`, { postgres: { attempts: 1, connectTimeoutMs: 500 } }))
        const elapsed = Date.now() - started
        expect(failure.code).toBe('Unreachable')
        expect(failure.message).toContain(`127.0.0.1:${port}/games_db`)
        expect(failure.message).not.toContain('hunter2')
        expect(elapsed).toBeGreaterThanOrEqual(450)
        expect(elapsed).toBeLessThan(5_000)
      } finally {
        for (const socket of sockets) socket.destroy()
        await new Promise((resolve) => server.close(resolve))
      }
    })
  })

  describe('for writing', () => {
    it('switches the file to WAL and turns foreign keys on', async () => {
      const file = join(freshDir('write-open'), 'python.db')
      writeFileSync(file, realDb)
      const handle = await open(file)
      expect(handle.readonly).toBe(false)
      expect(handle.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(handle.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(handle.label).toBe(file)
    })
  })

  describe('read-only', () => {
    for (const wal of [false, true]) {
      it(`reads a ${wal ? 'WAL' : 'rollback-journal'} file without changing it and refuses writes`, async () => {
        const folder = freshDir(`read-only-${wal ? 'wal' : 'delete'}`)
        const file = join(folder, 'python.db')
        buildPythonDatabase(file, wal ? 'fastapi' : 'migrated')
        const before = sha256(file)

        const handle = await open(file, { readonly: true })
        expect(handle.readonly).toBe(true)
        expect(await handle.db.selectFrom('events').select('event_id').execute()).toHaveLength(5)
        await expect(handle.db.deleteFrom('events').execute()).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_READONLY/) })
        await handle.close()

        expect(sha256(file)).toBe(before)
        if (!wal) expect(readdirSync(folder)).toEqual(['python.db'])
      })
    }
  })
})

/** Another process that takes the write lock, inserts a game, holds the lock for `holdMs`, then commits. */
function holdWriteLock(file: string, holdMs: number): { locked: Promise<void>; done: Promise<number | null> } {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(process.argv[1], { timeout: 10000 })
    db.exec('BEGIN IMMEDIATE')
    db.prepare("INSERT INTO games (game_id, home_team, away_team, game_date, status) VALUES ('lock_holder', 'BOS', 'NYK', '2024-01-20', 'Live')").run()
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close() }, Number(process.argv[2]))
  `
  const child = spawn(process.execPath, ['-e', script, file, String(holdMs)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve())
    child.on('exit', (code) => reject(new Error(`lock holder exited (${code}) before locking`)))
  })
  const done = new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { locked, done }
}

describe('inWriteTransaction', () => {
  describe('under contention from another process holding the write lock', () => {
    let file: string

    beforeAll(() => {
      file = join(freshDir('contention'), 'python.db')
      writeFileSync(file, realDb)
    })

    it('a deferred read-then-write transaction fails at once with SQLITE_BUSY', async () => {
      const handle = await open(file)
      let holder: ReturnType<typeof holdWriteLock> | null = null
      let lockedAt = 0
      const attempt = handle.db.transaction().execute(async (trx) => {
        await trx.selectFrom('games').select('game_id').execute()
        holder = holdWriteLock(file, 300)
        await holder.locked
        lockedAt = Date.now()
        await trx.insertInto('games').values({ game_id: 'deferred', home_team: 'LAL', away_team: 'GSW', game_date: '2024-01-21', status: 'Live', created_at: null }).execute()
      })
      await expect(attempt).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) })
      // Well inside the 5 s busy timeout: SQLite does not wait when waiting could deadlock.
      expect(Date.now() - lockedAt).toBeLessThan(250)
      expect(await holder!.done).toBe(0)
      const ids = await handle.db.selectFrom('games').select('game_id').where('game_id', 'in', ['deferred', 'lock_holder']).execute()
      expect(ids.map((r) => r.game_id)).toEqual(['lock_holder'])
    })

    it('an IMMEDIATE write transaction waits for the lock and then succeeds', async () => {
      const handle = await open(file)
      await handle.db.deleteFrom('games').where('game_id', '=', 'lock_holder').execute()
      const holder = holdWriteLock(file, 300)
      await holder.locked
      const started = Date.now()
      const count = await inWriteTransaction(handle, async (trx) => {
        const rows = await trx.selectFrom('games').select('game_id').execute()
        await trx.insertInto('games').values({ game_id: 'immediate', home_team: 'LAL', away_team: 'GSW', game_date: '2024-01-21', status: 'Live', created_at: null }).execute()
        return rows.length
      })
      expect(Date.now() - started).toBeGreaterThanOrEqual(150)
      expect(await holder.done).toBe(0)
      // It started after the other process committed, so it saw that game too.
      expect(count).toBe(4)
      const ids = await handle.db.selectFrom('games').select('game_id').where('game_id', 'in', ['immediate', 'lock_holder']).orderBy('game_id').execute()
      expect(ids.map((r) => r.game_id)).toEqual(['immediate', 'lock_holder'])
    })

    it('gives up after the busy timeout with a Busy failure naming the file', async () => {
      const handle = await open(file, { busyTimeoutMs: 200 })
      await handle.db.deleteFrom('games').where('game_id', '=', 'lock_holder').execute()
      const holder = holdWriteLock(file, 1_500)
      await holder.locked
      const failure = await failureOf(inWriteTransaction(handle, async (trx) => trx.deleteFrom('events').execute()))
      expect(failure.code).toBe('Busy')
      expect(failure.message).toContain(file)
      expect(await holder.done).toBe(0)
      expect(await handle.db.selectFrom('events').select('event_id').execute()).toHaveLength(5)
    })
  })
})

describeEachDialect('inWriteTransaction', (dialect) => {
  it('commits the work and returns its result', async () => {
    const test = await createTestDb(dialect)
    try {
      const result = await inWriteTransaction(test.handle, async (trx) => {
        await trx.insertInto('games').values({ game_id: 'g1', home_team: 'LAL', away_team: 'GSW', game_date: '2024-01-15', status: 'Live', created_at: null }).execute()
        return 'done'
      })
      expect(result).toBe('done')
      expect(await test.handle.db.selectFrom('games').select('game_id').execute()).toEqual([{ game_id: 'g1' }])
    } finally {
      await test.cleanup()
    }
  })

  it('rolls everything back when the work throws, and maps driver errors to AppFailure', async () => {
    const test = await createTestDb(dialect)
    try {
      const failure = await failureOf(
        inWriteTransaction(test.handle, async (trx) => {
          await trx.insertInto('games').values({ game_id: 'g1', home_team: 'LAL', away_team: 'GSW', game_date: '2024-01-15', status: 'Live', created_at: null }).execute()
          await trx.insertInto('games').values({ game_id: 'g1', home_team: 'LAL', away_team: 'GSW', game_date: '2024-01-15', status: 'Live', created_at: null }).execute()
        }),
      )
      expect(failure.message).not.toContain('\n')
      expect(await test.handle.db.selectFrom('games').select('game_id').execute()).toEqual([])
    } finally {
      await test.cleanup()
    }
  })
})

describeEachDialect('DatabaseHandle.close', (dialect) => {
  it('lets go of every connection even when no query ran', async () => {
    const test = await createTestDb(dialect)
    try {
      const handle = await openDatabase(parseDatabaseSpec(test.spec))
      await handle.close()
      if (handle.pool) {
        // An idle client left behind would keep the process (a job worker) alive until the idle timeout.
        expect(handle.pool.ended).toBe(true)
        expect(handle.pool.totalCount).toBe(0)
      } else {
        expect(handle.sqlite!.open).toBe(false)
      }
    } finally {
      await test.cleanup()
    }
  })
})
