import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { createTestDb, describeEachDialect, type TestDb } from '../../main/db/test-db'
import { countRows } from '../../main/import/import-test-db'
import { FIXTURE_DIR } from '../../main/import/nba-test-fixtures'
import { cliEnv, ensureCliBuilt, errorLine, makeTempDir, parseJson, runCli } from '../cli-test-helpers'

const temp = makeTempDir()
const env = cliEnv(temp.dir)

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

describeEachDialect('momentum tmi compute', (dialect) => {
  let testDb: TestDb

  beforeEach(async () => {
    testDb = await createTestDb(dialect)
    const imported = await runCli(['import', FIXTURE_DIR, '--no-tmi', '--db', testDb.spec], env)
    expect(imported.code).toBe(0)
  })
  afterEach(async () => {
    await testDb.cleanup()
  })

  async function calculatedAt(gameId: string): Promise<string[]> {
    const rows = await testDb.handle.db.selectFrom('tmi_calculations').select('calculated_at').distinct().where('game_id', '=', gameId).execute()
    return rows.map((r) => String(r.calculated_at))
  }

  it('computes one game with --game and reports its row count', async () => {
    const run = await runCli(['tmi', 'compute', '--game', '0022400718', '--db', testDb.spec, '--json'], env)
    expect(run.code).toBe(0)
    const doc = parseJson(run)
    expect(doc).toMatchObject({ command: 'tmi compute', ok: true, algorithm: 'momentum-2', replace: false, computed: 1, replaced: 0, skippedExisting: 0, failed: 0, cancelled: false })
    const games = doc.games as Array<{ gameId: string; status: string; rows: number }>
    expect(games).toHaveLength(1)
    expect(games[0]).toMatchObject({ gameId: '0022400718', algorithm: 'momentum-2', status: 'computed' })
    expect(games[0]!.rows).toBeGreaterThan(0)
    expect(await countRows(testDb.handle, 'tmi_calculations')).toBe(games[0]!.rows)
  })

  it('computes every game with --all, then leaves them alone and says so without --replace', async () => {
    const first = await runCli(['tmi', 'compute', '--all', '--db', testDb.spec], env)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^TMI \(momentum-2\) in .*: 3 games: 3 computed, 0 replaced, 0 skipped \(already computed\); [\d,]+ rows written\.$/m)
    const rows = await countRows(testDb.handle, 'tmi_calculations')
    const stamps = await calculatedAt('0022000001')
    const again = await runCli(['tmi', 'compute', '--all', '--db', testDb.spec], env)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('3 games: 0 computed, 0 replaced, 3 skipped (already computed); 0 rows written.')
    expect(again.stdout).toContain('  0022400762  skipped (already computed; --replace recomputes)')
    expect(again.stdout).toContain('run with --replace to recompute them')
    expect(await countRows(testDb.handle, 'tmi_calculations')).toBe(rows)
    expect(await calculatedAt('0022000001')).toEqual(stamps)
  })

  it('replaces a game\'s rows with --replace, and keeps other algorithms\' rows', async () => {
    await runCli(['tmi', 'compute', '--game', '0022400718', '--db', testDb.spec], env)
    const other = await runCli(['tmi', 'compute', '--game', '0022400718', '--algorithm', 'momentumml-1', '--window', '3', '--db', testDb.spec, '--json'], env)
    expect(parseJson(other)).toMatchObject({ algorithm: 'momentumml-1', computed: 1 })
    const before = await countRows(testDb.handle, 'tmi_calculations')
    const old = await calculatedAt('0022400718')
    expect(old).toHaveLength(2)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const run = await runCli(['tmi', 'compute', '--game', '0022400718', '--replace', '--db', testDb.spec], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/1 game: 0 computed, 1 replaced, 0 skipped/)
    expect(run.stdout).toMatch(/^ {2}0022400718 {2}replaced, [\d,]+ rows$/m)
    expect(await countRows(testDb.handle, 'tmi_calculations')).toBe(before)
    const stamps = await calculatedAt('0022400718')
    expect(stamps).toHaveLength(2)
    // The momentumml-1 run keeps its stamp; the momentum-2 rows carry a new one.
    expect(stamps.filter((s) => !old.includes(s))).toHaveLength(1)
    const algorithms = await testDb.handle.db.selectFrom('tmi_calculations').select('algorithm').distinct().orderBy('algorithm').execute()
    expect(algorithms.map((a) => a.algorithm)).toEqual(['momentum-2', 'momentumml-1'])
  })

  it('exits 1 for an unknown game; with several --game the others are still computed', async () => {
    const one = await runCli(['tmi', 'compute', '--game', '0029999999', '--db', testDb.spec], env)
    expect(one.code).toBe(1)
    expect(errorLine(one)).toBe('momentum: game 0029999999 not found')
    const several = await runCli(['tmi', 'compute', '--game', '0029999999', '--game', '0022000001', '--db', testDb.spec, '--json'], env)
    expect(several.code).toBe(1)
    expect(parseJson(several)).toMatchObject({ ok: false, computed: 1, failed: 1, games: [{ gameId: '0029999999', status: 'failed', error: 'game 0029999999 not found' }, { gameId: '0022000001', status: 'computed' }] })
    expect(errorLine(several)).toBe('momentum: game 0029999999 not found')
  })

  it('exits 2 without --game or --all, with both, or with an unknown algorithm', async () => {
    for (const [args, line] of [
      [[], 'say which games: --game ID (repeatable) or --all'],
      [['--all', '--game', 'x'], 'use either --game or --all, not both'],
      [['--all', '--algorithm', 'magic'], "argument 'magic' is invalid"],
      [['--all', '--window', '0'], 'expected a whole number ≥ 1'],
    ] as const) {
      const run = await runCli(['tmi', 'compute', ...args, '--db', testDb.spec], env)
      expect(run.code).toBe(2)
      expect(errorLine(run)).toContain(line)
    }
    expect(await countRows(testDb.handle, 'tmi_calculations')).toBe(0)
  })
})

it('momentum tmi compute refuses a missing database file instead of creating it', async () => {
  const file = `${temp.dir}/missing.db`
  const run = await runCli(['tmi', 'compute', '--all', '--db', file], env)
  expect(run.code).toBe(1)
  expect(errorLine(run)).toContain(`${file} does not exist`)
})
