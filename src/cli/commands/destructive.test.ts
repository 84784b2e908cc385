import { existsSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPythonDatabase } from '../../main/db/python-fixtures'
import { AFTER_PYTHON, cliEnv, countRows, ensureCliBuilt, errorLine, listDir, listSqliteTables, makeTempDir, parseJson, runCli, seedSqliteFile, sha256, LATEST, VERSIONS } from '../cli-test-helpers'

const temp = makeTempDir()
const env = cliEnv(temp.dir)
let n = 0
const folder = (): string => join(temp.dir, `case-${++n}`)
const BACKUP_NAME = /^data\.backup-\d{8}-\d{6}(-\d+)?\.db$/

async function seededFile(): Promise<string> {
  const file = join(folder(), 'data.db')
  await seedSqliteFile(file)
  return file
}

const withoutWalFiles = (files: string[]): string[] => files.filter((f) => !/-(wal|shm)$/.test(f))

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

describe.each(['drop', 'reset', 'rollback'])('momentum %s without --confirm', (command) => {
  it('changes nothing and exits 2', async () => {
    const file = await seededFile()
    const before = sha256(file)
    const files = listDir(join(file, '..'))
    const run = await runCli([command, '--db', file], env)
    expect(run.code).toBe(2)
    expect(errorLine(run)).toContain(`${file}; nothing was changed — run again with --confirm (a backup is written beside the file first)`)
    expect(sha256(file)).toBe(before)
    expect(listDir(join(file, '..'))).toEqual(files)
  })
})

describe('momentum drop --confirm', () => {
  it('backs up the file, then drops our four tables', async () => {
    const file = await seededFile()
    const before = sha256(file)
    const run = await runCli(['drop', '--confirm', '--db', file, '--json'], env)
    expect(run.code).toBe(0)
    const doc = parseJson(run)
    expect(doc).toMatchObject({ command: 'drop', ok: true })
    expect(doc.dropped).toEqual([
      { table: 'tmi_calculations', rows: 5 },
      { table: 'events', rows: 3 },
      { table: 'games', rows: 2 },
      { table: 'schema_migrations', rows: VERSIONS.length },
    ])
    const backup = doc.backup as string
    expect(basename(backup)).toMatch(BACKUP_NAME)
    expect(countRows(backup, ['games', 'events', 'tmi_calculations'])).toEqual({ games: 2, events: 3, tmi_calculations: 5 })
    expect(listSqliteTables(file)).toEqual([])
    expect(sha256(file)).not.toBe(before)
  })

  it('leaves other tables alone and lets migrate recreate everything', async () => {
    const file = join(folder(), 'data.db')
    mkdirSync(join(file, '..'))
    buildPythonDatabase(file, 'smart-backend')
    const rows = countRows(file, ['games', 'events', 'tmi_calculations', 'momentum_timeline'])
    expect(rows.momentum_timeline).toBeGreaterThan(0)
    const run = await runCli(['drop', '--confirm', '--db', file], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Backup written: .*data\.backup-\d{8}-\d{6}\.db$/m)
    expect(run.stdout).toContain(`Dropped tmi_calculations (${rows.tmi_calculations} rows), events (${rows.events} rows), games (${rows.games} rows), schema_migrations (3 rows)`)
    expect(listSqliteTables(file)).toEqual(['momentum_timeline'])
    expect(countRows(file, ['momentum_timeline']).momentum_timeline).toBe(rows.momentum_timeline)
    const migrate = await runCli(['migrate', '--db', file, '--json'], env)
    expect(parseJson(migrate)).toMatchObject({ ok: true, schemaVersion: LATEST })
    expect((parseJson(migrate).applied as unknown[]).length).toBe(VERSIONS.length)
  })

  it('never overwrites an earlier backup made in the same second', async () => {
    const file = await seededFile()
    const first = parseJson(await runCli(['drop', '--confirm', '--db', file, '--json'], env)).backup as string
    await runCli(['migrate', '--db', file], env)
    const firstHash = sha256(first)
    const second = parseJson(await runCli(['drop', '--confirm', '--db', file, '--json'], env)).backup as string
    expect(second).not.toBe(first)
    expect(sha256(first)).toBe(firstHash)
    expect(listDir(join(file, '..')).filter((f) => BACKUP_NAME.test(f))).toHaveLength(2)
  })
})

describe('momentum reset --confirm', () => {
  it('backs up the file, then leaves empty tables at the latest schema', async () => {
    const file = await seededFile()
    const run = await runCli(['reset', '--confirm', '--db', file], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Applied ${VERSIONS.join(', ')}; schema is now at ${LATEST}.`)
    const backup = /^Backup written: (.*)$/m.exec(run.stdout)![1]!
    expect(countRows(backup, ['games']).games).toBe(2)
    expect(countRows(file, ['games', 'events', 'tmi_calculations', 'schema_migrations'])).toEqual({ games: 0, events: 0, tmi_calculations: 0, schema_migrations: VERSIONS.length })
  })
})

describe('momentum rollback --confirm', () => {
  it('backs up the file and undoes the last migration', async () => {
    const file = await seededFile()
    const run = await runCli(['rollback', '--confirm', '--db', file, '--json'], env)
    expect(run.code).toBe(0)
    const doc = parseJson(run)
    expect(doc).toMatchObject({ command: 'rollback', ok: true, schemaVersion: VERSIONS.at(-2), pending: [LATEST] })
    expect(existsSync(doc.backup as string)).toBe(true)
  })

  it('rolls back to --to and keeps the rows', async () => {
    const file = await seededFile()
    const run = await runCli(['rollback', '--confirm', '--to', '003', '--db', file], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Rolled back ${AFTER_PYTHON.length} migrations (${[...AFTER_PYTHON].reverse().join(', ')})`)
    expect(countRows(file, ['games']).games).toBe(2)
  })

  it('rejects an unknown --to version as a usage error before touching anything', async () => {
    const file = await seededFile()
    const files = listDir(join(file, '..'))
    const run = await runCli(['rollback', '--confirm', '--to', '042', '--db', file], env)
    expect(run.code).toBe(2)
    expect(errorLine(run)).toContain('--to 042: no such migration')
    expect(listDir(join(file, '..'))).toEqual(files)
  })

  it('makes no backup when there is nothing to roll back', async () => {
    const file = await seededFile()
    await runCli(['rollback', '--confirm', '--to', '000', '--db', file], env)
    const files = listDir(join(file, '..'))
    const run = await runCli(['rollback', '--confirm', '--db', file], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Nothing to roll back')
    expect(listDir(join(file, '..'))).toEqual(files)
  })
})

describe('momentum cleanup', () => {
  it('reports per game and team in a dry run and changes nothing', async () => {
    const file = await seededFile()
    const before = sha256(file)
    const files = listDir(join(file, '..'))
    const run = await runCli(['cleanup', '--keep-tmi', '1', '--dry-run', '--db', file], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Dry run: ${file}: would delete 2 TMI rows and 0 events; nothing was changed.`)
    expect(run.stdout).toMatch(/g1 +BOS +kept 1, would delete 2/)
    expect(sha256(file)).toBe(before)
    // A read-only connection to a WAL-mode file leaves SQLite's own -wal/-shm; no backup is made.
    expect(withoutWalFiles(listDir(join(file, '..')))).toEqual(files)
  })

  it('backs up the file, then keeps the newest N rows per game and team', async () => {
    const file = await seededFile()
    const run = await runCli(['cleanup', '--keep-tmi', '1', '--game', 'g1', '--db', file, '--json'], env)
    expect(run.code).toBe(0)
    const doc = parseJson(run)
    expect(doc).toMatchObject({ command: 'cleanup', ok: true, dryRun: false, tmiDeleted: 2, eventsDeleted: 0 })
    expect(doc.groups).toEqual([
      { gameId: 'g1', teamTricode: 'BOS', kept: 1, deleted: 2 },
      { gameId: 'g1', teamTricode: 'MIA', kept: 1, deleted: 0 },
    ])
    expect(countRows(doc.backup as string, ['tmi_calculations']).tmi_calculations).toBe(5)
    expect(countRows(file, ['tmi_calculations']).tmi_calculations).toBe(3)
  })

  it('makes no backup when nothing would be deleted', async () => {
    const file = await seededFile()
    const files = listDir(join(file, '..'))
    const run = await runCli(['cleanup', '--keep-tmi', '10', '--db', file, '--json'], env)
    expect(run.code).toBe(0)
    expect(parseJson(run)).toMatchObject({ backup: null, tmiDeleted: 0 })
    expect(listDir(join(file, '..'))).toEqual(files)
  })

  it.each([
    [['--keep-tmi', 'two'], "option '--keep-tmi <n>' argument 'two' is invalid. expected a whole number ≥ 0"],
    [['--keep-tmi', '-1'], "option '--keep-tmi <n>' argument '-1' is invalid. expected a whole number ≥ 0"],
    [[], "required option '--keep-tmi <n>' not specified"],
  ])('treats %j as a usage error', async (args, message) => {
    const file = await seededFile()
    const run = await runCli(['cleanup', ...args, '--db', file], env)
    expect(run.code).toBe(2)
    expect(errorLine(run)).toBe(`momentum: ${message}`)
  })
})
