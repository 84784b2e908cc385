import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, describeEachDialect, type TestDb } from '../../main/db/test-db'
import { countRows, hashRows } from '../../main/import/import-test-db'
import { cliEnv, ensureCliBuilt, errorLine, LATEST, listSqliteTables, makeTempDir, parseJson, runCli, sha256, startCli } from '../cli-test-helpers'
import { countSoFar, INTERRUPTED, waitFor } from './data-test-helpers'

const temp = makeTempDir()
const env = cliEnv(temp.dir)

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

describe('momentum demo', () => {
  it('creates and migrates a missing file, then writes 20 games with seed 1 by default', async () => {
    const file = join(temp.dir, 'default.db')
    const run = await runCli(['demo', '--db', file, '--no-tmi', '--json'], env)
    expect(run.code).toBe(0)
    const doc = parseJson(run)
    expect(doc).toMatchObject({ command: 'demo', ok: true, seed: 1, requestedGames: 20, games: 20, computeTmi: false, tmiRows: 0, cancelled: false })
    expect((doc.migrated as string[]).at(-1)).toBe(LATEST)
    expect(listSqliteTables(file)).toEqual(['events', 'games', 'schema_migrations', 'tmi_calculations'])
  })

  it('writes the same rows for the same seed into two databases', async () => {
    const [a, b] = [join(temp.dir, 'seed-a.db'), join(temp.dir, 'seed-b.db')]
    for (const file of [a, b]) expect((await runCli(['demo', '--games', '3', '--seed', '7', '--no-tmi', '--db', file], env)).code).toBe(0)
    // games.created_at is the time of writing; the events carry the generated timestamps.
    const events = await Promise.all([a, b].map((file) => runCli(['export', 'events', '--out', '-', '--db', file], env)))
    expect(events[0]!.stdout.split('\n').length).toBeGreaterThan(1000)
    expect(events[0]!.stdout).toBe(events[1]!.stdout)
    const other = await runCli(['demo', '--games', '3', '--seed', '8', '--db', join(temp.dir, 'seed-c.db'), '--json', '--no-tmi'], env)
    expect(parseJson(other).events).not.toBe(parseJson((await runCli(['demo', '--games', '3', '--seed', '7', '--db', a, '--json', '--no-tmi'], env))).events)
  })

  it('refuses a database holding other demo games (another seed) and changes nothing', async () => {
    const file = join(temp.dir, 'conflict.db')
    await runCli(['demo', '--games', '2', '--seed', '1', '--no-tmi', '--db', file], env)
    const before = sha256(file)
    const run = await runCli(['demo', '--games', '2', '--seed', '2', '--no-tmi', '--db', file], env)
    expect(run.code).toBe(1)
    expect(errorLine(run)).toMatch(/^momentum: game 00224900\d\d is already stored as .* use the seed it was filled with$/)
    expect(sha256(file)).toBe(before)
  })

  it('rejects a --games or --seed that is not a whole number as a usage error', async () => {
    const file = join(temp.dir, 'never.db')
    for (const args of [['--games', '-1'], ['--games', 'many'], ['--seed', '1.5']]) {
      const run = await runCli(['demo', ...args, '--db', file], env)
      expect(run.code).toBe(2)
      expect(errorLine(run)).toMatch(/expected a whole number/)
    }
    expect(existsSync(file)).toBe(false)
  })
})

describeEachDialect('momentum demo', (dialect) => {
  let testDb: TestDb

  beforeEach(async () => {
    testDb = await createTestDb(dialect, { migrated: false })
  })
  afterEach(async () => {
    await testDb.cleanup()
  })

  it('--games 3 --seed 7 twice gives the same rows, and the second run changes nothing', async () => {
    const first = await runCli(['demo', '--games', '3', '--seed', '7', '--db', testDb.spec, '--json'], env)
    expect(first.code).toBe(0)
    const doc = parseJson(first)
    expect(doc).toMatchObject({ ok: true, games: 3, seed: 7 })
    const counts = { games: 3, events: doc.events as number, tmi_calculations: doc.tmiRows as number }
    expect(counts.events).toBeGreaterThan(1000)
    expect(counts.tmi_calculations).toBeGreaterThan(0)
    const read = async () => ({
      games: await countRows(testDb.handle, 'games'),
      events: await countRows(testDb.handle, 'events'),
      tmi_calculations: await countRows(testDb.handle, 'tmi_calculations'),
    })
    expect(await read()).toEqual(counts)
    const before = await hashRows(testDb.handle)
    const second = await runCli(['demo', '--games', '3', '--seed', '7', '--db', testDb.spec], env)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain(`Demo data (seed 7) in ${testDb.handle.label}: 3 games, ${counts.events.toLocaleString('en-US')} events, 0 TMI rows written.`)
    expect(second.stdout).not.toContain('Applied')
    expect(await read()).toEqual(counts)
    expect(await hashRows(testDb.handle)).toBe(before)
  })

  it('stops on Ctrl-C after a whole batch, keeps what it wrote and exits 130', async () => {
    const { child, done } = startCli(['demo', '--games', '5000', '--db', testDb.spec, '--json'], env)
    await waitFor('the first batch of games', async () => (await countSoFar(testDb.handle, 'games')) > 0, 60_000)
    child.kill('SIGINT')
    const run = await done
    expect(run.code).toBe(130)
    expect(errorLine(run)).toMatch(INTERRUPTED)
    const doc = parseJson(run)
    expect(doc).toMatchObject({ command: 'demo', ok: false, cancelled: true })
    expect(doc.games).toBeGreaterThan(0)
    expect(doc.games).toBeLessThan(5000)
    // Every batch is stored whole: the database holds exactly what the report counts.
    expect(await countRows(testDb.handle, 'games')).toBe(doc.games)
    expect(await countRows(testDb.handle, 'events')).toBe(doc.events)
    expect(await countRows(testDb.handle, 'tmi_calculations')).toBe(doc.tmiRows)
  })
})
