import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GameListQuery, GameSortKey, GameSummary, SortDirection } from '../../shared/domain/games'
import type { DatabaseHandle } from '../db/connection'
import type { NewGame } from '../db/schema'
import { parseTimestamp } from '../db/timestamps'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { storeEvents } from '../events/events.service'
import { storeTmi } from '../tmi/tmi.service'
import { gameListQuery } from './game-list.repository'
import { listGames } from './games.service'

const TEAMS = ['LAL', 'GSW', 'BOS', 'MIA', 'NYK']
const STATUSES = ['Final', 'Live', 'Scheduled']
const SORT_KEYS: GameSortKey[] = ['game_date', 'game_id', 'status', 'home_team', 'away_team', 'created_at']

/** 23 games with repeated sort values, NULL created_at and created_at in several text forms. */
function seedGames(): NewGame[] {
  return Array.from({ length: 23 }, (_, i) => {
    const created = [null, `2025-10-2${i % 5} 10:00:0${i % 3}.500000`, `2025-10-2${i % 5}T10:00:0${i % 3}`, `2025-10-2${i % 5} 10:00:0${i % 3}`][i % 4]!
    return {
      game_id: `00224${String((i * 7) % 23).padStart(5, '0')}`,
      home_team: TEAMS[i % 5]!,
      away_team: TEAMS[(i + 2) % 5]!,
      game_date: `2024-01-${String(10 + (i % 6)).padStart(2, '0')}`,
      status: STATUSES[i % 3]!,
      created_at: created,
    }
  })
}

/** The order the list must have, computed here independently of SQL. */
function expectedOrder(games: NewGame[], sort: GameSortKey, direction: SortDirection): string[] {
  const value = (g: NewGame): number | string | null =>
    sort === 'created_at' ? (parseTimestamp(g.created_at ?? null)?.getTime() ?? null) : (g[sort] as string)
  const sign = direction === 'asc' ? 1 : -1
  return [...games]
    .sort((a, b) => {
      const va = value(a)
      const vb = value(b)
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1
      } else if (va !== vb) return (va < vb ? -1 : 1) * sign
      return (a.game_id < b.game_id ? -1 : 1) * sign
    })
    .map((g) => g.game_id)
}

async function allPages(handle: DatabaseHandle, query: GameListQuery, mode: 'cursor' | 'offset'): Promise<GameSummary[]> {
  const seen: GameSummary[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 100; pages++) {
    const page = await listGames(handle, { ...query, ...(mode === 'cursor' ? (cursor ? { cursor } : {}) : { offset: seen.length }) })
    seen.push(...page.games)
    expect(page.games.length).toBeLessThanOrEqual(query.limit ?? 50)
    if (!page.hasMore) {
      expect(page.nextCursor).toBeNull()
      return seen
    }
    expect(page.nextCursor).toEqual(expect.any(String))
    cursor = page.nextCursor!
  }
  throw new Error('paging did not end')
}

describeEachDialect('listGames', (dialect) => {
  let test: TestDb
  let handle: DatabaseHandle
  const games = seedGames()
  beforeAll(async () => {
    test = await createTestDb(dialect)
    handle = test.handle
    await handle.db.insertInto('games').values(games).execute()
  })
  afterAll(() => test.cleanup())

  describe('paging', () => {
    for (const sort of SORT_KEYS) {
      for (const direction of ['asc', 'desc'] as const) {
        it(`returns every game once in ${sort} ${direction} order, by cursor and by offset`, async () => {
          const expected = expectedOrder(games, sort, direction)
          const byCursor = await allPages(handle, { sort, direction, limit: 4 }, 'cursor')
          const byOffset = await allPages(handle, { sort, direction, limit: 5 }, 'offset')
          expect(byCursor.map((g) => g.gameId)).toEqual(expected)
          expect(byOffset.map((g) => g.gameId)).toEqual(expected)
        })
      }
    }

    it('keeps paging by cursor with filters', async () => {
      const query: GameListQuery = { sort: 'created_at', direction: 'desc', team: 'LAL', limit: 2 }
      const expected = expectedOrder(games.filter((g) => g.home_team === 'LAL' || g.away_team === 'LAL'), 'created_at', 'desc')
      expect((await allPages(handle, query, 'cursor')).map((g) => g.gameId)).toEqual(expected)
    })

    it('defaults to 50 games a page, newest game date first, and caps the limit at 500', async () => {
      const page = await listGames(handle)
      expect(page.games.map((g) => g.gameId)).toEqual(expectedOrder(games, 'game_date', 'desc'))
      expect(page.hasMore).toBe(false)
      expect((await listGames(handle, { limit: 100_000 })).games).toHaveLength(23)
    })

    it('rejects a cursor made for another order, a malformed cursor and a bad limit', async () => {
      const { nextCursor } = await listGames(handle, { sort: 'game_id', direction: 'asc', limit: 2 })
      await expect(listGames(handle, { sort: 'status', direction: 'asc', cursor: nextCursor! })).rejects.toMatchObject({ code: 'InvalidInput' })
      await expect(listGames(handle, { cursor: 'not a cursor' })).rejects.toMatchObject({ code: 'InvalidInput' })
      await expect(listGames(handle, { limit: 0 })).rejects.toMatchObject({ code: 'InvalidInput' })
      await expect(listGames(handle, { sort: 'nope' as GameSortKey })).rejects.toMatchObject({ code: 'InvalidInput' })
    })
  })

  describe('filters', () => {
    it('matches the team as home or away, the exact status and the date range', async () => {
      const page = await listGames(handle, { team: 'BOS', status: 'Final', dateFrom: '2024-01-11', dateTo: '2024-01-14', sort: 'game_id', direction: 'asc' })
      const expected = games
        .filter((g) => (g.home_team === 'BOS' || g.away_team === 'BOS') && g.status === 'Final' && g.game_date >= '2024-01-11' && g.game_date <= '2024-01-14')
        .map((g) => g.game_id)
        .sort()
      expect(expected.length).toBeGreaterThan(0)
      expect(page.games.map((g) => g.gameId)).toEqual(expected)
    })
  })

  describe('query plan', () => {
    it.runIf(dialect === 'sqlite')('reads events and TMI rows only through indexes, for the page only', async () => {
      const query = gameListQuery(handle.db, 'sqlite', { sort: 'created_at', direction: 'desc', fetch: 51, offset: 0, after: null }).compile()
      const plan = handle.sqlite!.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as Array<{ detail: string }>
      const details = plan.map((row) => row.detail)
      expect(details).toContain('CO-ROUTINE g')
      expect(details.filter((d) => /^SEARCH e USING COVERING INDEX/.test(d))).toHaveLength(3)
      expect(details.filter((d) => d.startsWith('SEARCH t USING INDEX idx_tmi_game_team_time'))).toHaveLength(2)
      expect(details.filter((d) => /SCAN (e|t)\b/.test(d))).toEqual([])
      // Sorting happens for the games only, never inside a per-row subquery.
      const subqueries = details.slice(details.findIndex((d) => d.startsWith('CORRELATED')))
      expect(subqueries.filter((d) => d.includes('TEMP B-TREE'))).toEqual([])
    })
  })

  describe('statistics', () => {
    it('returns the event count, each team’s score and each team’s latest TMI', async () => {
      const g = games[0]!
      const e = (id: string, team: string, points: number | null) => ({ eventId: id, gameId: g.game_id, teamTricode: team, eventType: 'shot', clock: '5:00', period: 1, pointsTotal: points })
      await storeEvents(handle, [e('s1', g.home_team, 10), e('s2', g.home_team, 25), e('s3', g.away_team, 7), e('s4', 'UNK', 99)])
      await storeTmi(handle, { gameId: g.game_id, teamTricode: g.home_team, tmiValue: 0.5, featureContributions: {}, calculatedAt: '2025-01-01 10:00:00.000000' })
      await storeTmi(handle, { gameId: g.game_id, teamTricode: g.home_team, tmiValue: 0.7, featureContributions: {}, calculatedAt: '2025-01-01 11:00:00.000000' })
      // Same time: the higher id is the newer row.
      await storeTmi(handle, { gameId: g.game_id, teamTricode: g.home_team, tmiValue: 0.9, featureContributions: {}, calculatedAt: '2025-01-01 11:00:00.000000' })
      await storeTmi(handle, { gameId: g.game_id, teamTricode: g.home_team, tmiValue: 0.1, featureContributions: {}, calculatedAt: '2025-01-01 09:00:00.000000' })
      // An older row in the T form must not win because 'T' sorts after ' ' as text.
      await handle.db.insertInto('tmi_calculations').values({ game_id: g.game_id, team_tricode: g.away_team, tmi_value: -0.3, feature_contributions: null, calculated_at: '2025-01-01 10:30:00.000000' }).execute()
      await handle.db.insertInto('tmi_calculations').values({ game_id: g.game_id, team_tricode: g.away_team, tmi_value: -0.8, feature_contributions: null, calculated_at: '2025-01-01T09:00:00' }).execute()

      const summary = (await listGames(handle, { sort: 'game_id', direction: 'asc', limit: 500 })).games.find((s) => s.gameId === g.game_id)!
      expect(summary).toMatchObject({ eventCount: 4, homeScore: 25, awayScore: 7, latestTmiHome: 0.9, latestTmiAway: -0.3 })
      const other = (await listGames(handle, { sort: 'game_id', direction: 'asc', limit: 500 })).games.find((s) => s.gameId === games[1]!.game_id)!
      expect(other).toMatchObject({ eventCount: 0, homeScore: null, awayScore: null, latestTmiHome: null, latestTmiAway: null })
    })
  })
})
