import { createHash } from 'node:crypto'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/connection'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { getGame } from '../games/games.service'
import { fillDemoDatabase, type FillDemoProgress } from './demo-fill.service'
import { generateDemoGames } from './demo-generator'

async function count(handle: DatabaseHandle, table: 'games' | 'events' | 'tmi_calculations'): Promise<number> {
  const row = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Games (without created_at, the time of the fill) and events, in key order. */
async function hashDemoRows(handle: DatabaseHandle): Promise<string> {
  const games = await handle.db.selectFrom('games').select(['game_id', 'home_team', 'away_team', 'game_date', 'status']).orderBy('game_id').execute()
  const events = await handle.db.selectFrom('events').selectAll().orderBy('event_id').execute()
  return createHash('sha256').update(JSON.stringify([games, events])).digest('hex')
}

describeEachDialect('fillDemoDatabase', (dialect) => {
  let testDb: TestDb
  let other: TestDb | null = null

  beforeEach(async () => {
    testDb = await createTestDb(dialect)
  })
  afterEach(async () => {
    await testDb.cleanup()
    await other?.cleanup()
    other = null
  })

  it('stores the generated games with their events and TMI', async () => {
    const progress: FillDemoProgress[] = []
    const result = await fillDemoDatabase(testDb.handle, { games: 4, seed: 3, onProgress: (step) => progress.push(step) })
    const generated = [...generateDemoGames({ games: 4, seed: 3 })]
    const events = generated.reduce((sum, game) => sum + game.events.length, 0)
    expect(result).toMatchObject({ games: 4, events, cancelled: false })
    expect(result.tmiRows).toBeGreaterThan(4 * 150)
    expect(await count(testDb.handle, 'games')).toBe(4)
    expect(await count(testDb.handle, 'events')).toBe(events)
    expect(await count(testDb.handle, 'tmi_calculations')).toBe(result.tmiRows)
    expect(progress.at(-1)).toEqual({ done: 4, total: 4, events, tmiRows: result.tmiRows })
    expect(await getGame(testDb.handle, generated[2]!.info.gameId)).toMatchObject(generated[2]!.info)
    const algorithms = await testDb.handle.db.selectFrom('tmi_calculations').select('algorithm').distinct().execute()
    expect(algorithms).toEqual([{ algorithm: 'momentum-2' }])
  })

  it('stores the same rows for the same seed and other rows for another seed', async () => {
    await fillDemoDatabase(testDb.handle, { games: 3, seed: 8, computeTmi: false })
    other = await createTestDb(dialect)
    await fillDemoDatabase(other.handle, { games: 3, seed: 8, computeTmi: false })
    expect(await hashDemoRows(other.handle)).toBe(await hashDemoRows(testDb.handle))
    await other.cleanup()
    other = await createTestDb(dialect)
    await fillDemoDatabase(other.handle, { games: 3, seed: 9, computeTmi: false })
    expect(await hashDemoRows(other.handle)).not.toBe(await hashDemoRows(testDb.handle))
  })

  it('changes nothing when filled again with the same seed', async () => {
    const first = await fillDemoDatabase(testDb.handle, { games: 2, seed: 4 })
    const before = await hashDemoRows(testDb.handle)
    const again = await fillDemoDatabase(testDb.handle, { games: 2, seed: 4 })
    expect(again).toEqual({ games: 2, events: first.events, tmiRows: 0, cancelled: false })
    expect(await hashDemoRows(testDb.handle)).toBe(before)
    expect(await count(testDb.handle, 'tmi_calculations')).toBe(first.tmiRows)
  })

  it('refuses to mix in games of another seed, before writing anything', async () => {
    await fillDemoDatabase(testDb.handle, { games: 2, seed: 4, computeTmi: false })
    const before = await hashDemoRows(testDb.handle)
    await expect(fillDemoDatabase(testDb.handle, { games: 2, seed: 5 })).rejects.toMatchObject({ code: 'Conflict' })
    expect(await hashDemoRows(testDb.handle)).toBe(before)
    expect(await count(testDb.handle, 'tmi_calculations')).toBe(0)
  })

  it('skips TMI when asked and stops when cancelled', async () => {
    expect(await fillDemoDatabase(testDb.handle, { games: 2, seed: 6, computeTmi: false })).toMatchObject({ games: 2, tmiRows: 0 })
    expect(await count(testDb.handle, 'tmi_calculations')).toBe(0)
    const controller = new AbortController()
    controller.abort()
    other = await createTestDb(dialect)
    expect(await fillDemoDatabase(other.handle, { games: 3, seed: 6, signal: controller.signal })).toEqual({ games: 0, events: 0, tmiRows: 0, cancelled: true })
    expect(await count(other.handle, 'games')).toBe(0)
  })

  it('rejects a bad game count before touching the database', async () => {
    await expect(fillDemoDatabase(testDb.handle, { games: -2, seed: 1 })).rejects.toMatchObject({ code: 'InvalidInput' })
    expect(await count(testDb.handle, 'games')).toBe(0)
  })
})
