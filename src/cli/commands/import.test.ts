import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, describeEachDialect, type TestDb } from '../../main/db/test-db'
import { countRows, hashRows } from '../../main/import/import-test-db'
import { FIXTURE_DIR, FIXTURE_IDS, fixtureDoc, fixturePath } from '../../main/import/nba-test-fixtures'
import { buildPythonDatabase } from '../../main/db/python-fixtures'
import { AFTER_PYTHON, cliEnv, ensureCliBuilt, errorLine, LATEST, listSqliteTables, makeTempDir, parseJson, runCli } from '../cli-test-helpers'

const temp = makeTempDir()
const env = cliEnv(temp.dir)
let n = 0
const folder = (): string => {
  const dir = join(temp.dir, `case-${++n}`)
  mkdirSync(dir)
  return dir
}
const ACTIONS = Object.fromEntries(FIXTURE_IDS.map((id) => [id, fixtureDoc(id).game.actions.length]))
const ALL_ACTIONS = FIXTURE_IDS.reduce((sum, id) => sum + ACTIONS[id]!, 0)

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

describe('momentum import', () => {
  it('is listed in the help with the other data commands', async () => {
    const run = await runCli(['--help'], env)
    for (const command of ['import', 'fetch', 'tmi', 'demo', 'export']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
  })

  it('creates a missing database file, migrates it and imports', async () => {
    const file = join(folder(), 'new.db')
    const run = await runCli(['import', fixturePath('0022400718'), '--no-tmi', '--db', file], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`to ${file} first.`)
    expect(run.stdout).toContain(`Imported 1 file into ${file}: 1 game, ${ACTIONS['0022400718']} events added, 0 unchanged, 0 updated; 0 files failed.`)
    expect(run.stdout).not.toContain('TMI:')
    expect(listSqliteTables(file)).toEqual(['events', 'games', 'schema_migrations', 'tmi_calculations'])
  })

  it('adopts a database written by the Python app: applies its pending migrations first', async () => {
    const file = join(folder(), 'python.db')
    buildPythonDatabase(file, 'migrated')
    const run = await runCli(['import', fixturePath('0022400718'), '--db', file, '--json'], env)
    expect(run.code).toBe(0)
    expect(parseJson(run)).toMatchObject({ ok: true, migrated: AFTER_PYTHON, games: 1, eventsAdded: ACTIONS['0022400718'] })
    const status = parseJson(await runCli(['status', '--db', file, '--json'], env))
    expect(status).toMatchObject({ schemaVersion: LATEST, pending: [] })
  })

  it('exits 2 for --table with two files and creates nothing', async () => {
    const file = join(folder(), 'never.db')
    const run = await runCli(['import', '--table', 'games', 'a.csv', 'b.csv', '--db', file], env)
    expect(run.code).toBe(2)
    expect(errorLine(run)).toBe('momentum: --table imports exactly one file, got 2')
    expect(existsSync(file)).toBe(false)
  })

  it('rejects an unknown --table as a usage error', async () => {
    const run = await runCli(['import', '--table', 'players', 'a.csv', '--db', join(folder(), 'x.db')], env)
    expect(run.code).toBe(2)
    expect(errorLine(run)).toContain("argument 'players' is invalid")
  })
})

describeEachDialect('momentum import', (dialect) => {
  let testDb: TestDb

  beforeEach(async () => {
    testDb = await createTestDb(dialect, { migrated: false })
  })
  afterEach(async () => {
    await testDb.cleanup()
  })

  it('imports the three fixture games from a folder, computes TMI and reports the totals', async () => {
    const run = await runCli(['import', FIXTURE_DIR, '--db', testDb.spec], env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`3 games, ${ALL_ACTIONS.toLocaleString('en-US')} events added, 0 unchanged, 0 updated; 0 files failed.`)
    expect(run.stdout).toMatch(/^TMI: 3 computed, 0 replaced, 0 unchanged \(kept\); [\d,]+ rows written\.$/m)
    for (const id of FIXTURE_IDS) expect(run.stdout).toMatch(new RegExp(`^  ${id}  Final.* ${ACTIONS[id]} added, 0 unchanged, 0 updated  .*${id}\\.json$`, 'm'))
    expect(await countRows(testDb.handle, 'games')).toBe(3)
    expect(await countRows(testDb.handle, 'events')).toBe(ALL_ACTIONS)
    expect(await countRows(testDb.handle, 'tmi_calculations')).toBeGreaterThan(0)
  })

  it('adds nothing and changes no row when the same files are imported again', async () => {
    await runCli(['import', FIXTURE_DIR, '--db', testDb.spec], env)
    const before = await hashRows(testDb.handle)
    const run = await runCli(['import', FIXTURE_DIR, '--db', testDb.spec, '--json'], env)
    expect(run.code).toBe(0)
    expect(parseJson(run)).toMatchObject({
      command: 'import',
      ok: true,
      migrated: [],
      games: 3,
      eventsAdded: 0,
      eventsUnchanged: ALL_ACTIONS,
      eventsUpdated: 0,
      filesFailed: 0,
      tmi: { computed: 0, replaced: 0, skippedExisting: 3, rows: 0 },
    })
    expect(await hashRows(testDb.handle)).toBe(before)
  })

  it('prints one JSON document with the summary, the migrations applied and one result per file', async () => {
    const run = await runCli(['import', fixturePath('0022000001'), fixturePath('0022400762'), '--db', testDb.spec, '--json', '--no-tmi'], env)
    expect(run.code).toBe(0)
    const doc = parseJson(run)
    expect(Object.keys(doc)).toEqual([
      'command', 'ok', 'target', 'migrated', 'inputs', 'games', 'eventsAdded', 'eventsUnchanged', 'eventsUpdated', 'filesFailed', 'failures', 'tmi', 'cancelled', 'results',
    ])
    expect(doc).toMatchObject({ command: 'import', ok: true, inputs: 2, games: 2, eventsAdded: ACTIONS['0022000001']! + ACTIONS['0022400762']!, failures: [], tmi: null, cancelled: false })
    expect((doc.migrated as string[]).at(-1)).toBe(LATEST)
    expect(doc.results).toEqual([
      { source: fixturePath('0022000001'), gameId: '0022000001', status: 'Final', added: ACTIONS['0022000001'], unchanged: 0, updated: 0, error: null, errorCode: null, tmiError: null },
      { source: fixturePath('0022400762'), gameId: '0022400762', status: 'Final OT', added: ACTIONS['0022400762'], unchanged: 0, updated: 0, error: null, errorCode: null, tmiError: null },
    ])
  })

  it('exits 1 naming the malformed file and its action, and still imports the good files', async () => {
    const dir = folder()
    copyFileSync(fixturePath('0022000001'), join(dir, 'a-good.json'))
    const bad = fixtureDoc('0022400718')
    const broken = bad.game.actions[4]!
    broken.clock = 'bogus'
    writeFileSync(join(dir, 'b-bad.json'), JSON.stringify(bad))
    copyFileSync(fixturePath('0022400762'), join(dir, 'c-good.json'))
    const run = await runCli(['import', dir, '--db', testDb.spec], env)
    expect(run.code).toBe(1)
    const failure = `${join(dir, 'b-bad.json')}: action ${String(broken.actionNumber)}: clock is "bogus"`
    expect(errorLine(run)).toContain(`momentum: ${failure}`)
    expect(run.stdout).toContain('2 games')
    expect(run.stdout).toContain('; 1 file failed.')
    expect(run.stdout).toContain(`Failures:\n  ${failure}`)
    expect(await countRows(testDb.handle, 'games')).toBe(2)
    expect(await countRows(testDb.handle, 'events')).toBe(ACTIONS['0022000001']! + ACTIONS['0022400762']!)
  })

  it('reports a missing path as a failed input with --json', async () => {
    const missing = join(temp.dir, 'nope.json')
    const run = await runCli(['import', missing, fixturePath('0022400718'), '--no-tmi', '--db', testDb.spec, '--json'], env)
    expect(run.code).toBe(1)
    expect(parseJson(run)).toMatchObject({ ok: false, filesFailed: 1, games: 1, failures: [`${missing}: does not exist`] })
    expect(errorLine(run)).toBe(`momentum: ${missing}: does not exist`)
  })

  describe('with --table', () => {
    it('imports a games CSV and an events NDJSON', async () => {
      const dir = folder()
      writeFileSync(join(dir, 'games.csv'), 'game_id,home_team,away_team,game_date,status\ng1,BOS,MIA,2025-02-05,Final\ng2,LAL,GSW,2025-02-06,Live\n')
      const event = { game_id: 'g1', team_tricode: 'BOS', player_name: 'Tatum', event_type: 'shot', clock: 'PT11M00.00S', period: 1, points_total: 2, shot_result: 'Made', description: 'Tatum 2PT', timestamp: '2025-02-06T00:11:07Z' }
      writeFileSync(join(dir, 'events.ndjson'), `${JSON.stringify({ event_id: 'e1', ...event })}\n${JSON.stringify({ event_id: 'e2', ...event })}\n`)
      const games = await runCli(['import', '--table', 'games', join(dir, 'games.csv'), '--db', testDb.spec], env)
      expect(games.code).toBe(0)
      expect(games.stdout).toContain(`Imported games from ${join(dir, 'games.csv')} into `)
      expect(games.stdout).toContain(': 2 rows, 2 added, 0 unchanged, 0 updated.')
      const events = await runCli(['import', '--table', 'events', join(dir, 'events.ndjson'), '--db', testDb.spec, '--json'], env)
      expect(events.code).toBe(0)
      expect(parseJson(events)).toMatchObject({ command: 'import', ok: true, migrated: [], table: 'events', rows: 2, added: 2, unchanged: 0, updated: 0 })
      expect(await countRows(testDb.handle, 'events')).toBe(2)
    })

    it('exits 1 naming the row and column of a bad cell and stores nothing', async () => {
      const file = join(folder(), 'games.csv')
      writeFileSync(file, 'game_id,home_team,away_team,game_date,status\ng1,BOS,MIA,2025-02-05,Final\ng2,LAL,GSW,2025-13-01,Final\n')
      const run = await runCli(['import', '--table', 'games', file, '--db', testDb.spec], env)
      expect(run.code).toBe(1)
      expect(errorLine(run)).toBe(`momentum: ${file}: row 2: game_date: is "2025-13-01", expected a date YYYY-MM-DD`)
      expect(run.stdout).toBe('')
      expect(await countRows(testDb.handle, 'games')).toBe(0)
    })
  })
})
