import { afterEach, beforeEach, expect, it, describe } from 'vitest'
import type { GameInfo } from '../../shared/domain/games'
import type { DatabaseHandle } from '../db/connection'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { storeEvents } from '../events/events.service'
import { storeTmi } from '../tmi/tmi.service'
import { createOrUpdateGame, deleteGame, getActiveGames, getGame, getGameSummary, listGames } from './games.service'

const game = (gameId: string, overrides: Partial<GameInfo> = {}): GameInfo => ({
  gameId,
  homeTeam: 'LAL',
  awayTeam: 'GSW',
  gameDate: '2024-01-15',
  status: 'Live',
  ...overrides,
})

async function count(handle: DatabaseHandle, table: 'games' | 'events' | 'tmi_calculations'): Promise<number> {
  const row = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

describeEachDialect('games.service', (dialect) => {
  let test: TestDb
  let handle: DatabaseHandle
  beforeEach(async () => {
    test = await createTestDb(dialect)
    handle = test.handle
  })
  afterEach(() => test.cleanup())

  describe('createOrUpdateGame', () => {
    it('creates a game with created_at in the stored text form', async () => {
      expect(await createOrUpdateGame(handle, game('g1'))).toBe('created')
      const row = await handle.db.selectFrom('games').selectAll().executeTakeFirstOrThrow()
      expect(row).toMatchObject({ game_id: 'g1', home_team: 'LAL', away_team: 'GSW', game_date: '2024-01-15', status: 'Live' })
      const created = await getGame(handle, 'g1')
      expect(Date.now() - Date.parse(created.createdAt!)).toBeLessThan(60_000)
    })

    it('updates teams, date and status, and reports an unchanged game as unchanged', async () => {
      await createOrUpdateGame(handle, game('g1'))
      expect(await createOrUpdateGame(handle, game('g1'))).toBe('unchanged')
      const changed = game('g1', { homeTeam: 'BOS', awayTeam: 'MIA', gameDate: '2024-01-16', status: 'Final' })
      expect(await createOrUpdateGame(handle, changed)).toBe('updated')
      const { createdAt: _createdAt, ...info } = await getGame(handle, 'g1')
      expect(info).toEqual(changed)
      expect(await count(handle, 'games')).toBe(1)
    })
  })

  describe('getGame', () => {
    it('fails with NotFound for an unknown game', async () => {
      await expect(getGame(handle, 'nope')).rejects.toMatchObject({ code: 'NotFound', message: expect.stringContaining('nope') })
    })
  })

  describe('getGameSummary', () => {
    it('returns one game with the same fields and statistics as its games-list row', async () => {
      // Many games of one team on one day: a summary found through the list would miss the last ones.
      for (let i = 0; i < 55; i++) await createOrUpdateGame(handle, game(`g${String(i).padStart(2, '0')}`, { gameDate: '2024-01-15' }))
      const e = (id: string, team: string, points: number) => ({ eventId: id, gameId: 'g54', teamTricode: team, eventType: 'shot', clock: '5:00', period: 1, pointsTotal: points })
      await storeEvents(handle, [e('a', 'LAL', 3), e('b', 'GSW', 2), e('c', 'LAL', 5)])
      await storeTmi(handle, { gameId: 'g54', teamTricode: 'GSW', tmiValue: -0.25, featureContributions: {}, calculatedAt: '2025-01-01 10:00:00.000000' })

      const summary = await getGameSummary(handle, 'g54')
      expect(summary).toMatchObject({ gameId: 'g54', eventCount: 3, homeScore: 5, awayScore: 2, latestTmiHome: null, latestTmiAway: -0.25 })
      const listed = (await listGames(handle, { sort: 'game_id', direction: 'desc', limit: 1 })).games[0]
      expect(summary).toEqual(listed)
      expect(await getGameSummary(handle, 'g00')).toMatchObject({ eventCount: 0, homeScore: null, awayScore: null })
    })

    it('fails with NotFound for an unknown game', async () => {
      await expect(getGameSummary(handle, 'missing')).rejects.toMatchObject({ code: 'NotFound', message: 'game missing not found' })
    })
  })

  describe('getActiveGames', () => {
    it('returns only games whose status is exactly Live or In Progress, by date then id', async () => {
      await createOrUpdateGame(handle, game('b', { gameDate: '2024-01-02', status: 'In Progress' }))
      await createOrUpdateGame(handle, game('a', { gameDate: '2024-01-02', status: 'Live' }))
      await createOrUpdateGame(handle, game('c', { gameDate: '2024-01-01', status: 'Live' }))
      await createOrUpdateGame(handle, game('d', { status: 'live' }))
      await createOrUpdateGame(handle, game('e', { status: 'Final' }))
      expect((await getActiveGames(handle)).map((g) => g.gameId)).toEqual(['c', 'a', 'b'])
    })
  })

  describe('deleteGame', () => {
    it('removes the game, its events and its TMI rows, and leaves other games alone', async () => {
      await createOrUpdateGame(handle, game('g1'))
      await createOrUpdateGame(handle, game('g2'))
      const event = (id: string, gameId: string) => ({ eventId: id, gameId, teamTricode: 'LAL', eventType: 'shot', clock: '11:00', period: 1 })
      await storeEvents(handle, [event('e1', 'g1'), event('e2', 'g1'), event('e3', 'g2')])
      await storeTmi(handle, { gameId: 'g1', teamTricode: 'LAL', tmiValue: 0.1, featureContributions: {} })
      await storeTmi(handle, { gameId: 'g2', teamTricode: 'LAL', tmiValue: 0.2, featureContributions: {} })

      expect(await deleteGame(handle, 'g1')).toEqual({ eventsDeleted: 2, tmiDeleted: 1 })
      expect(await count(handle, 'games')).toBe(1)
      expect(await count(handle, 'events')).toBe(1)
      expect(await count(handle, 'tmi_calculations')).toBe(1)
      await expect(getGame(handle, 'g1')).rejects.toMatchObject({ code: 'NotFound' })
    })

    it('fails with NotFound for an unknown game and deletes nothing', async () => {
      await createOrUpdateGame(handle, game('g1'))
      await expect(deleteGame(handle, 'nope')).rejects.toMatchObject({ code: 'NotFound' })
      expect(await count(handle, 'games')).toBe(1)
    })

    it('deletes nothing when a step fails half way (one transaction)', async () => {
      await createOrUpdateGame(handle, game('g1'))
      await storeEvents(handle, [{ eventId: 'e1', gameId: 'g1', teamTricode: 'LAL', eventType: 'shot', clock: '1:00', period: 1 }])
      await storeTmi(handle, { gameId: 'g1', teamTricode: 'LAL', tmiValue: 0.1, featureContributions: {} })
      // A child row the cascade does not know about makes the final games delete fail on the FK.
      await handle.db.schema.createTable('game_notes').addColumn('game_id', 'varchar', (c) => c.notNull().references('games.game_id')).execute()
      await handle.db.insertInto('game_notes' as never).values({ game_id: 'g1' } as never).execute()

      await expect(deleteGame(handle, 'g1')).rejects.toThrow()
      expect(await count(handle, 'events')).toBe(1)
      expect(await count(handle, 'tmi_calculations')).toBe(1)
      expect(await count(handle, 'games')).toBe(1)
    })
  })
})
