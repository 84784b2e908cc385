import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GameEvent, NewGameEvent } from '../../shared/domain/events'
import type { DatabaseHandle } from '../db/connection'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { createOrUpdateGame } from '../games/games.service'
import { getEventsByPeriod, getEventsByTeam, getGameEvents, storeEvents } from './events.service'

const event = (eventId: string, period: number, clock: string, overrides: Partial<NewGameEvent> = {}): NewGameEvent => ({
  eventId,
  gameId: 'g1',
  teamTricode: 'LAL',
  eventType: 'shot',
  clock,
  period,
  timestamp: '2025-01-01 12:00:00.000000',
  ...overrides,
})

/** The expected game order of the fixture below, by event id. */
const GAME_ORDER = [
  'p1-start', // 12:00 (ISO)
  'p1-a', // 11:45, order 10
  'p1-b', // 11:45, order 20
  'p1-c', // 11:45, no order number, earlier time
  'p1-d', // 11:45, no order number, later time
  'p1-e', // 5:00.5
  'p1-z', // unreadable clock → NULL clock_seconds, after every parsed clock; order number 5
  'p1-py', // Python row: clock 0:30 but clock_seconds and order number NULL → last of the period
  'p2-a', // period 2, 12:00
  'p2-b', // period 2, 0:01
  'p10-a', // period 10 sorts after period 2 (numbers, not text)
]

describeEachDialect('events game order', (dialect) => {
  let test: TestDb
  let handle: DatabaseHandle
  beforeAll(async () => {
    test = await createTestDb(dialect)
    handle = test.handle
    await createOrUpdateGame(handle, { gameId: 'g1', homeTeam: 'LAL', awayTeam: 'GSW', gameDate: '2024-01-15', status: 'Live' })
    await createOrUpdateGame(handle, { gameId: 'g2', homeTeam: 'LAL', awayTeam: 'GSW', gameDate: '2024-01-16', status: 'Live' })
    await storeEvents(handle, [
      event('p10-a', 10, '4:00'),
      event('p2-b', 2, '0:01', { teamTricode: 'GSW' }),
      event('p1-z', 1, 'garbage', { orderNumber: 5 }),
      event('p1-e', 1, '5:00.5', { teamTricode: 'GSW', eventType: 'rebound' }),
      event('p1-d', 1, '11:45', { timestamp: '2025-01-01 12:00:02.000000' }),
      event('p1-c', 1, '11:45', { timestamp: '2025-01-01T12:00:01Z' }),
      event('p1-b', 1, '11:45', { orderNumber: 20 }),
      event('p1-a', 1, 'PT11M45.00S', { orderNumber: 10 }),
      event('p2-a', 2, 'PT12M00.00S'),
      event('p1-start', 1, 'PT12M00.00S', { eventType: 'period_start' }),
      event('other-game', 1, '12:00', { gameId: 'g2' }),
    ])
    // As the Python app wrote it: no clock_seconds, no order_number.
    await handle.db
      .insertInto('events')
      .values({ event_id: 'p1-py', game_id: 'g1', team_tricode: 'LAL', event_type: 'foul', clock: '0:30', period: 1, points_total: 0, timestamp: '2025-01-01 11:00:00' })
      .execute()
  })
  afterAll(() => test.cleanup())

  const ids = (events: GameEvent[]) => events.map((e) => e.eventId)

  it('returns a game’s events in game order, NULL clock_seconds and order numbers last', async () => {
    const page = await getGameEvents(handle, { gameId: 'g1' })
    expect(ids(page.events)).toEqual(GAME_ORDER)
    expect(page.hasMore).toBe(false)
    expect(page.events.find((e) => e.eventId === 'p1-z')!.clockSeconds).toBeNull()
  })

  it('pages by offset without duplicates or gaps', async () => {
    const seen: string[] = []
    for (let offset = 0; ; offset += 3) {
      const page = await getGameEvents(handle, { gameId: 'g1', limit: 3, offset })
      seen.push(...ids(page.events))
      if (!page.hasMore) break
      expect(page.events).toHaveLength(3)
    }
    expect(seen).toEqual(GAME_ORDER)
  })

  it('pages by cursor in the same order, every page boundary included (NULL clocks, order numbers and ties)', async () => {
    for (const limit of [1, 2, 3, 4]) {
      const seen: string[] = []
      let cursor: string | undefined
      for (;;) {
        const page = await getGameEvents(handle, { gameId: 'g1', limit, ...(cursor !== undefined && { cursor }) })
        seen.push(...ids(page.events))
        expect(page.hasMore).toBe(page.nextCursor !== null)
        if (page.nextCursor === null) break
        expect(page.events).toHaveLength(limit)
        cursor = page.nextCursor
      }
      expect(seen, `limit ${limit}`).toEqual(GAME_ORDER)
    }
  })

  it('filters by team, period and event type, keeping game order', async () => {
    expect(ids((await getGameEvents(handle, { gameId: 'g1', team: 'GSW' })).events)).toEqual(['p1-e', 'p2-b'])
    expect(ids((await getGameEvents(handle, { gameId: 'g1', period: 2 })).events)).toEqual(['p2-a', 'p2-b'])
    expect(ids((await getGameEvents(handle, { gameId: 'g1', eventType: 'shot', period: 1, team: 'LAL' })).events)).toEqual(['p1-a', 'p1-b', 'p1-c', 'p1-d', 'p1-z'])
  })

  it('returns every event of a team or a period in game order', async () => {
    expect(ids(await getEventsByTeam(handle, 'g1', 'LAL'))).toEqual(GAME_ORDER.filter((id) => !['p1-e', 'p2-b'].includes(id)))
    expect(ids(await getEventsByPeriod(handle, 'g1', 1))).toEqual(GAME_ORDER.filter((id) => id.startsWith('p1-')))
    expect(await getEventsByPeriod(handle, 'g1', 3)).toEqual([])
  })

  it('maps rows to DTOs with ISO timestamps, also for rows in the Python text forms', async () => {
    const events = (await getGameEvents(handle, { gameId: 'g1' })).events
    expect(events.find((e) => e.eventId === 'p1-c')!.timestamp).toBe('2025-01-01T12:00:01.000Z')
    expect(events.find((e) => e.eventId === 'p1-py')).toMatchObject({ timestamp: '2025-01-01T11:00:00.000Z', clockSeconds: null, orderNumber: null, description: null })
  })

  describe('limits', () => {
    it('defaults to 500 events a page and caps at 5,000', async () => {
      const many = Array.from({ length: 5_003 }, (_, i) => event(`m${i}`, 1, '1:00', { gameId: 'g2', orderNumber: i }))
      await storeEvents(handle, many)
      const first = await getGameEvents(handle, { gameId: 'g2' })
      expect(first.events).toHaveLength(500)
      expect(first.hasMore).toBe(true)
      const big = await getGameEvents(handle, { gameId: 'g2', limit: 100_000 })
      expect(big.events).toHaveLength(5_000)
      expect(big.hasMore).toBe(true)
      const last = await getGameEvents(handle, { gameId: 'g2', limit: 5_000, offset: 5_000 })
      expect(last.events).toHaveLength(4)
      expect(last.hasMore).toBe(false)
    })

    it('rejects a limit or offset that is not a non-negative integer', async () => {
      await expect(getGameEvents(handle, { gameId: 'g1', limit: 0 })).rejects.toMatchObject({ code: 'InvalidInput' })
      await expect(getGameEvents(handle, { gameId: 'g1', offset: -1 })).rejects.toMatchObject({ code: 'InvalidInput' })
    })
  })
})
