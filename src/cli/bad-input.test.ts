import { spawn } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPythonDatabase } from '../main/db/python-fixtures'
import { cliEnv, ensureCliBuilt, errorLine, listDir, makeTempDir, ROOT, runCli, seedSqliteFile, sha256 } from './cli-test-helpers'

const temp = makeTempDir('momentum-bad-input-')
const env = cliEnv(temp.dir)
let n = 0
/** Each case gets its own folder, so "no side files" means the folder listing is unchanged. */
const caseDir = (): string => {
  const dir = join(temp.dir, `case-${++n}`)
  mkdirSync(dir)
  return dir
}
const walDatabase = join(temp.dir, 'wal-source.db')
const pythonDatabase = join(temp.dir, 'python-source.db')

beforeAll(async () => {
  ensureCliBuilt()
  await seedSqliteFile(walDatabase)
  buildPythonDatabase(pythonDatabase, 'migrated')
})
afterAll(temp.remove)

/** Runs the command and checks the contract for bad input: exit 1, one line, file and folder untouched. */
async function expectRefusal(command: string, path: string, cause: string | RegExp, runEnv = env): Promise<void> {
  const dir = join(path, '..')
  const before = listDir(dir)
  const hash = readHash(path)
  const run = await runCli([command, '--db', path], runEnv)
  expect(run.code).toBe(1)
  const line = errorLine(run)
  expect(line).toContain(path)
  expect(line).toMatch(cause)
  expect(readHash(path)).toBe(hash)
  expect(listDir(dir)).toEqual(before)
}

function readHash(path: string): string {
  try {
    return sha256(path)
  } catch {
    return 'not a file'
  }
}

describe.each(['migrate', 'status', 'health'])('momentum %s on bad input', (command) => {
  it('refuses a directory', async () => {
    const path = join(caseDir(), 'folder.db')
    mkdirSync(path)
    await expectRefusal(command, path, 'is a directory, not a database file')
  })

  it('refuses a text file', async () => {
    const path = join(caseDir(), 'games.csv')
    writeFileSync(path, 'game_id,home_team,away_team\n0022400718,DET,CLE\n'.repeat(10))
    await expectRefusal(command, path, 'is not a SQLite database (its header is not "SQLite format 3")')
  })

  it('refuses a zero-byte file', async () => {
    const path = join(caseDir(), 'empty.db')
    writeFileSync(path, '')
    await expectRefusal(command, path, 'is empty (0 bytes)')
  })

  it.each([
    ['a WAL-mode database', 4096, () => walDatabase],
    ['a WAL-mode database', 50, () => walDatabase],
    ['a Python (rollback journal) database', 4096, () => pythonDatabase],
    ['a Python (rollback journal) database', 50, () => pythonDatabase],
  ])('refuses %s cut to %i bytes', async (_kind, bytes, source) => {
    const path = join(caseDir(), 'truncated.db')
    writeFileSync(path, readFileSync(source()).subarray(0, bytes))
    await expectRefusal(command, path, /is truncated/)
  })
})

describe('momentum migrate on a read-only file', () => {
  it('refuses to write, even as root', async () => {
    const path = join(caseDir(), 'readonly.db')
    copyFileSync(pythonDatabase, path)
    chmodSync(path, 0o444)
    await expectRefusal('migrate', path, 'is read-only (no write permission)')
  })
})

describe('momentum migrate on a database locked by another process', () => {
  it('gives up after MOMENTUM_BUSY_TIMEOUT_MS with one clear line', async () => {
    const path = join(caseDir(), 'locked.db')
    copyFileSync(pythonDatabase, path)
    const hash = sha256(path)
    const holder = spawn(
      process.execPath,
      ['-e', "const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN IMMEDIATE'); console.log('locked'); process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0) })", path],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    )
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()))
    try {
      const started = Date.now()
      await expectRefusal('migrate', path, 'is locked by another process (gave up after the busy timeout)', cliEnv(temp.dir, { MOMENTUM_BUSY_TIMEOUT_MS: '300' }))
      expect(Date.now() - started).toBeLessThan(10_000)
    } finally {
      const exited = new Promise((resolve) => holder.once('exit', resolve))
      holder.stdin!.end('release\n')
      await exited
    }
    expect(sha256(path)).toBe(hash)
  })
})

describe('momentum with a bad database URL', () => {
  it('refuses an unknown URL scheme without printing the password', async () => {
    const run = await runCli(['status', '--db', 'mysql://admin:secret@db.example/momentum'], env)
    expect(run.code).toBe(1)
    expect(errorLine(run)).toBe(
      'momentum: unknown database URL scheme "mysql://" in mysql://admin:***@db.example/momentum: use a file path, sqlite:///PATH or postgresql://USER:PASSWORD@HOST/DB',
    )
    expect(run.stdout + run.stderr).not.toContain('secret')
  })
})

describe('momentum against an unreachable PostgreSQL server', () => {
  it.each(['status', 'migrate', 'health'])('%s names the server, attempts and time, never the password', async (command) => {
    const run = await runCli([command, '--db', 'postgresql://u:secret@127.0.0.1:1/db', '--json'], cliEnv(temp.dir, { MOMENTUM_PG_CONNECT_ATTEMPTS: '2' }))
    expect(run.code).toBe(1)
    expect(errorLine(run)).toMatch(/^momentum: cannot reach PostgreSQL 127\.0\.0\.1:1\/db after 2 attempts over \d+\.\d s: ECONNREFUSED$/)
    expect(JSON.parse(run.stdout)).toMatchObject({ command, ok: false, error: { code: 'Unreachable' } })
    expect(run.stdout + run.stderr).not.toContain('secret')
  })
})
