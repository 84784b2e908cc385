import { parse } from 'csv-parse/sync'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillDemoDatabase } from '../../main/demo/demo-fill.service'
import { createTestDb, describeEachDialect, type TestDb } from '../../main/db/test-db'
import { countRows } from '../../main/import/import-test-db'
import { cliEnv, ensureCliBuilt, errorLine, listDir, makeTempDir, parseJson, runCli, startCli } from '../cli-test-helpers'
import { INTERRUPTED, waitFor } from './data-test-helpers'

const temp = makeTempDir()
const env = cliEnv(temp.dir)
let n = 0
const outFile = (name = 'out.csv'): string => join(temp.dir, `${++n}-${name}`)

/** Columns the export writes as numbers; every other cell is text and must not read as a formula. */
const NUMERIC = new Set(['tmi_value', 'prediction_probability', 'confidence_score', 'rolling_window_size', 'period', 'elapsed_seconds', 'possession_number', 'points_total', 'order_number', 'clock_seconds', 'event_count', 'tmi_count'])
const FORMULA_START = /^[=+\-@]/

function readCsv(text: string): Array<Record<string, string>> {
  return parse(text, { columns: true, bom: true }) as Array<Record<string, string>>
}

function formulaCells(records: Array<Record<string, string>>): string[] {
  return records.flatMap((record) => Object.entries(record).filter(([column, cell]) => !NUMERIC.has(column) && !column.startsWith('contribution_') && FORMULA_START.test(cell)).map(([column, cell]) => `${column}=${cell}`))
}

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

describeEachDialect('momentum export', (dialect) => {
  let testDb: TestDb

  beforeAll(async () => {
    testDb = await createTestDb(dialect, { migrated: false })
    const demo = await runCli(['demo', '--games', '3', '--seed', '7', '--db', testDb.spec], env)
    expect(demo.code).toBe(0)
  })
  afterAll(async () => {
    await testDb.cleanup()
  })

  it('writes every TMI row to a file, with no text cell that a spreadsheet would run', async () => {
    const file = outFile('tmi.csv')
    const run = await runCli(['export', 'tmi', '--out', file, '--db', testDb.spec], env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const total = await countRows(testDb.handle, 'tmi_calculations')
    expect(total).toBeGreaterThan(0)
    expect(run.stdout).toBe(`Exported ${total.toLocaleString('en-US')} TMI rows (20 columns) from ${testDb.handle.label} to ${file}.\n`)
    const records = readCsv(readFileSync(file, 'utf8'))
    expect(records).toHaveLength(total)
    expect(Object.keys(records[0]!)).toContain('contribution_points_scored')
    expect(formulaCells(records)).toEqual([])
    expect(records.some((r) => r.tmi_value!.startsWith('-'))).toBe(true)
  })

  it('writes the same CSV to stdout with --out -, and nothing else', async () => {
    const file = outFile('tmi.csv')
    await runCli(['export', 'tmi', '--out', file, '--db', testDb.spec], env)
    const run = await runCli(['export', 'tmi', '--out', '-', '--db', testDb.spec], env)
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(readFileSync(file, 'utf8'))
  })

  it('exports one game\'s events with the team-less placeholder neutralised', async () => {
    const game = (await testDb.handle.db.selectFrom('games').select('game_id').orderBy('game_id').executeTakeFirstOrThrow()).game_id
    const run = await runCli(['export', 'events', '--game', game, '--out', '-', '--db', testDb.spec], env)
    expect(run.code).toBe(0)
    const records = readCsv(run.stdout)
    const stored = await testDb.handle.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('game_id', '=', game).executeTakeFirstOrThrow()
    expect(records).toHaveLength(Number(stored.n))
    expect(new Set(records.map((r) => r.game_id))).toEqual(new Set([game]))
    expect(records.filter((r) => r.team === "'---").length).toBeGreaterThan(0)
    expect(formulaCells(records)).toEqual([])
    const raw = readCsv((await runCli(['export', 'events', '--game', game, '--out', '-', '--raw', '--db', testDb.spec], env)).stdout)
    expect(raw.filter((r) => r.team === '---')).toHaveLength(records.filter((r) => r.team === "'---").length)
  })

  it('exports games with their counts, filtered by team and date, as JSON summary', async () => {
    const all = readCsv((await runCli(['export', 'games', '--out', '-', '--db', testDb.spec], env)).stdout)
    expect(all).toHaveLength(3)
    expect(all.reduce((sum, r) => sum + Number(r.event_count), 0)).toBe(await countRows(testDb.handle, 'events'))
    const first = all[0]!
    const file = outFile('games.csv')
    const run = await runCli(['export', 'games', '--team', first.home_team!, '--from', first.game_date!, '--to', first.game_date!, '--out', file, '--db', testDb.spec, '--json'], env)
    expect(run.code).toBe(0)
    expect(parseJson(run)).toMatchObject({ command: 'export games', ok: true, out: file, rows: 1, columns: ['game_id', 'home_team', 'away_team', 'game_date', 'status', 'created_at', 'event_count', 'tmi_count'] })
    expect(readCsv(readFileSync(file, 'utf8'))).toEqual([first])
  })

  it('writes Excel CSV (BOM, CRLF) with another delimiter and the contributions as JSON', async () => {
    const run = await runCli(['export', 'tmi', '--excel', '--delimiter', ';', '--contributions', 'json', '--out', '-', '--db', testDb.spec], env)
    expect(run.code).toBe(0)
    expect(run.stdout.startsWith('\uFEFFgame_id;game_date;')).toBe(true)
    expect(run.stdout.split('\r\n')[0]!.endsWith(';algorithm;feature_contributions')).toBe(true)
    const records = parse(run.stdout, { columns: true, bom: true, delimiter: ';' }) as Array<Record<string, string>>
    expect(records).toHaveLength(await countRows(testDb.handle, 'tmi_calculations'))
    expect(JSON.parse(records[0]!.feature_contributions!)).toHaveProperty('points_scored')
  })
})

describe('momentum export', () => {
  it('refuses --json with --out - as a usage error', async () => {
    const run = await runCli(['export', 'games', '--out', '-', '--json', '--db', join(temp.dir, 'none.db')], env)
    expect(run.code).toBe(2)
    expect(errorLine(run)).toBe('momentum: --json cannot be used with --out - (stdout carries the CSV)')
    expect(parseJson(run)).toMatchObject({ ok: false, error: { code: 'Usage' } })
  })

  it.each([
    [['--delimiter', 'x'], 'expected , ; | or tab'],
    [['--from', '2025-02-30'], 'expected a date as YYYY-MM-DD'],
    [['--contributions', 'rows'], "argument 'rows' is invalid"],
  ])('exits 2 for %j', async (args, line) => {
    const run = await runCli(['export', 'tmi', '--out', outFile(), ...args, '--db', join(temp.dir, 'none.db')], env)
    expect(run.code).toBe(2)
    expect(errorLine(run)).toContain(line)
  })

  it('exits 1 for a missing database and writes no file', async () => {
    const file = outFile()
    const run = await runCli(['export', 'events', '--out', file, '--db', join(temp.dir, 'missing.db')], env)
    expect(run.code).toBe(1)
    expect(errorLine(run)).toContain('missing.db does not exist')
    expect(existsSync(file)).toBe(false)
  })

  describe('on Ctrl-C', () => {
    let big: TestDb
    beforeAll(async () => {
      big = await createTestDb('sqlite')
      await fillDemoDatabase(big.handle, { games: 150, seed: 3, computeTmi: false })
    }, 120_000)
    afterAll(async () => {
      await big.cleanup()
    })

    it('stops the export, exits 130 and leaves neither the file nor its temp file', async () => {
      const dir = join(temp.dir, 'interrupted')
      const file = join(dir, 'events.csv')
      mkdirSync(dir)
      const { child, done } = startCli(['export', 'events', '--out', file, '--db', big.spec], env)
      await waitFor('the temp file', () => listDir(dir).some((name) => name.startsWith('.events.csv.')))
      child.kill('SIGINT')
      const run = await done
      expect(run.code).toBe(130)
      expect(errorLine(run)).toMatch(INTERRUPTED)
      expect(errorLine(run)).toContain(`nothing was written to ${file}`)
      expect(run.stdout).toBe('')
      expect(listDir(dir)).toEqual([])
    })

    it('leaves an existing file as it was', async () => {
      const file = outFile('keep.csv')
      writeFileSync(file, 'old contents\n')
      const { child, done } = startCli(['export', 'events', '--out', file, '--db', big.spec], env)
      await waitFor('the temp file', () => listDir(temp.dir).some((name) => name.startsWith(`.${basename(file)}.`)))
      child.kill('SIGINT')
      expect((await done).code).toBe(130)
      expect(readFileSync(file, 'utf8')).toBe('old contents\n')
      expect(listDir(temp.dir).filter((name) => name.includes('keep.csv'))).toEqual([basename(file)])
    })
  })
})
