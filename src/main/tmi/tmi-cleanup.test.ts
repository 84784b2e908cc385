import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/connection'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { storeEvents } from '../events/events.service'
import { createOrUpdateGame } from '../games/games.service'
import { cleanupOldData, getTmiHistory, storeTmiBatch } from './tmi.service'

/** `count` rows for (game, team): value i at second i, except that `tied` rows share one time. */
async function seed(handle: DatabaseHandle, gameId: string, team: string, count: number, tied = 0): Promise<void> {
  const records = Array.from({ length: count }, (_, i) => ({
    gameId,
    teamTricode: team,
    tmiValue: i,
    featureContributions: {},
    calculatedAt: `2025-01-01 10:00:${String(i < count - tied ? i : count - tied).padStart(2, '0')}.000000`,
  }))
  await storeTmiBatch(handle, records)
}

async function values(handle: DatabaseHandle, gameId: string, team: string): Promise<number[]> {
  return (await getTmiHistory(handle, { gameId, team })).map((r) => r.tmiValue)
}

describeEachDialect('cleanupOldData', (dialect) => {
  let test: TestDb
  let handle: DatabaseHandle
  beforeEach(async () => {
    test = await createTestDb(dialect)
    handle = test.handle
    for (const gameId of ['g1', 'g2']) {
      await createOrUpdateGame(handle, { gameId, homeTeam: 'LAL', awayTeam: 'GSW', gameDate: '2024-01-15', status: 'Final' })
    }
    await seed(handle, 'g1', 'LAL', 11)
    await seed(handle, 'g1', 'GSW', 2)
    await seed(handle, 'g2', 'LAL', 6, 4) // the 4 newest rows share one calculated_at
    await storeEvents(handle, [{ eventId: 'e1', gameId: 'g1', teamTricode: 'LAL', eventType: 'shot', clock: '1:00', period: 1 }])
  })
  afterEach(() => test.cleanup())

  it('keeps exactly N newest rows per game and team of one game, in one go', async () => {
    const result = await cleanupOldData(handle, { gameId: 'g1', keepTmi: 3 })
    expect(result).toEqual({
      tmiDeleted: 8,
      eventsDeleted: 0,
      dryRun: false,
      groups: [
        { gameId: 'g1', teamTricode: 'GSW', kept: 2, deleted: 0 },
        { gameId: 'g1', teamTricode: 'LAL', kept: 3, deleted: 8 },
      ],
    })
    expect(await values(handle, 'g1', 'LAL')).toEqual([8, 9, 10])
    expect(await values(handle, 'g1', 'GSW')).toEqual([0, 1])
    expect(await values(handle, 'g2', 'LAL')).toHaveLength(6)
  })

  it('breaks ties on calculated_at by id, so exactly N rows stay', async () => {
    const result = await cleanupOldData(handle, { gameId: 'g2', keepTmi: 2 })
    expect(result.groups).toEqual([{ gameId: 'g2', teamTricode: 'LAL', kept: 2, deleted: 4 }])
    expect(await values(handle, 'g2', 'LAL')).toEqual([4, 5])
  })

  it('cleans every game when no game is named, and never deletes events', async () => {
    const result = await cleanupOldData(handle, { keepTmi: 1 })
    expect(result.tmiDeleted).toBe(10 + 1 + 5)
    expect(result.eventsDeleted).toBe(0)
    expect(result.groups.map((g) => [g.gameId, g.teamTricode, g.kept])).toEqual([['g1', 'GSW', 1], ['g1', 'LAL', 1], ['g2', 'LAL', 1]])
    expect(await values(handle, 'g1', 'LAL')).toEqual([10])
    const events = await handle.db.selectFrom('events').select('event_id').execute()
    expect(events).toHaveLength(1)
  })

  it('keeps nothing with keepTmi 0', async () => {
    expect((await cleanupOldData(handle, { gameId: 'g1', keepTmi: 0 })).tmiDeleted).toBe(13)
    expect(await values(handle, 'g1', 'LAL')).toEqual([])
  })

  it('computes the same result in a dry run and deletes nothing', async () => {
    const dry = await cleanupOldData(handle, { keepTmi: 2, dryRun: true })
    expect(await values(handle, 'g1', 'LAL')).toHaveLength(11)
    const real = await cleanupOldData(handle, { keepTmi: 2 })
    expect(dry).toEqual({ ...real, dryRun: true })
  })

  it('rejects a keepTmi that is not an integer ≥ 0, and an unknown game', async () => {
    for (const keepTmi of [-1, 1.5, Number.NaN]) {
      await expect(cleanupOldData(handle, { keepTmi })).rejects.toMatchObject({ code: 'InvalidInput' })
    }
    await expect(cleanupOldData(handle, { gameId: 'nope', keepTmi: 1 })).rejects.toMatchObject({ code: 'NotFound' })
    expect(await values(handle, 'g1', 'LAL')).toHaveLength(11)
  })

  describe('a game without TMI rows', () => {
    it('reports no groups and deletes nothing', async () => {
      await createOrUpdateGame(handle, { gameId: 'g3', homeTeam: 'BOS', awayTeam: 'MIA', gameDate: '2024-01-15', status: 'Final' })
      expect(await cleanupOldData(handle, { gameId: 'g3', keepTmi: 1 })).toEqual({ tmiDeleted: 0, eventsDeleted: 0, groups: [], dryRun: false })
    })
  })
})
