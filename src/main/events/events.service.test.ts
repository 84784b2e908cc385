import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NewGameEvent } from '../../shared/domain/events'
import type { DatabaseHandle } from '../db/connection'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { createOrUpdateGame } from '../games/games.service'
import { getEventsByTeam, getGameEvents, storeEvents } from './events.service'

const event = (eventId: string, overrides: Partial<NewGameEvent> = {}): NewGameEvent => ({
  eventId,
  gameId: 'g1',
  teamTricode: 'LAL',
  eventType: 'shot',
  clock: '11:45',
  period: 1,
  playerName: 'LeBron James',
  pointsTotal: 2,
  shotResult: 'Made',
  description: 'LeBron James makes 2-pt shot',
  timestamp: '2025-10-23T11:35:45.336Z',
  ...overrides,
})

async function eventCount(handle: DatabaseHandle): Promise<number> {
  const row = await handle.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

describeEachDialect('events.service', (dialect) => {
  let test: TestDb
  let handle: DatabaseHandle
  beforeEach(async () => {
    test = await createTestDb(dialect)
    handle = test.handle
    await createOrUpdateGame(handle, { gameId: 'g1', homeTeam: 'LAL', awayTeam: 'GSW', gameDate: '2024-01-15', status: 'Live' })
    await createOrUpdateGame(handle, { gameId: 'g2', homeTeam: 'BOS', awayTeam: 'MIA', gameDate: '2024-01-16', status: 'Live' })
  })
  afterEach(() => test.cleanup())

  describe('storeEvents', () => {
    it('stores new events with the stored text forms and the parsed clock', async () => {
      expect(await storeEvents(handle, [event('e1'), event('e2', { clock: 'PT05M30.50S', timestamp: '2025-10-25T15:21:23.878076' })])).toEqual({ stored: 2, unchanged: 0, updated: 0 })
      const rows = await handle.db.selectFrom('events').selectAll().orderBy('event_id').execute()
      expect(rows[0]).toMatchObject({ event_id: 'e1', clock_seconds: 705, points_total: 2, description: 'LeBron James makes 2-pt shot' })
      expect(rows[1]).toMatchObject({ event_id: 'e2', clock_seconds: 330.5 })
      if (dialect === 'sqlite') {
        expect(rows.map((r) => r.timestamp)).toEqual(['2025-10-23 11:35:45.336000', '2025-10-25 15:21:23.878076'])
      }
      const [first] = (await getGameEvents(handle, { gameId: 'g1' })).events
      expect(first!.timestamp).toBe('2025-10-23T11:35:45.336Z')
    })

    it('fills the original defaults: points_total 0 and the current time', async () => {
      await storeEvents(handle, [event('e1', { pointsTotal: null, timestamp: null, playerName: null, shotResult: null })])
      const [stored] = (await getGameEvents(handle, { gameId: 'g1' })).events
      expect(stored).toMatchObject({ pointsTotal: 0, playerName: null, shotResult: null })
      expect(Math.abs(Date.now() - Date.parse(stored!.timestamp!))).toBeLessThan(60_000)
    })

    it('adds nothing when the same events are stored again', async () => {
      const batch = [event('e1'), event('e2', { timestamp: null }), event('e3', { teamTricode: 'GSW' })]
      await storeEvents(handle, batch)
      expect(await storeEvents(handle, batch)).toEqual({ stored: 0, unchanged: 3, updated: 0 })
      expect(await eventCount(handle)).toBe(3)
    })

    it('updates an event stored before with different content', async () => {
      await storeEvents(handle, [event('e1'), event('e2')])
      const edited = event('e1', { clock: '11:40', pointsTotal: 3, description: 'LeBron James makes 3-pt shot' })
      expect(await storeEvents(handle, [edited, event('e2'), event('e3')])).toEqual({ stored: 1, unchanged: 1, updated: 1 })
      const first = (await getGameEvents(handle, { gameId: 'g1' })).events.find((e) => e.eventId === 'e1')
      expect(first).toMatchObject({ eventId: 'e1', clock: '11:40', clockSeconds: 700, pointsTotal: 3, description: 'LeBron James makes 3-pt shot' })
    })

    it('keeps the stored time of a known event given without one', async () => {
      await storeEvents(handle, [event('e1')])
      expect(await storeEvents(handle, [event('e1', { timestamp: null, pointsTotal: 5 })])).toEqual({ stored: 0, unchanged: 0, updated: 1 })
      const [stored] = (await getGameEvents(handle, { gameId: 'g1' })).events
      expect(stored).toMatchObject({ pointsTotal: 5, timestamp: '2025-10-23T11:35:45.336Z' })
    })

    it('stores a duplicate inside one batch once, with its last version', async () => {
      const result = await storeEvents(handle, [event('e1', { pointsTotal: 1 }), event('e2'), event('e1', { pointsTotal: 9 })])
      expect(result).toEqual({ stored: 2, unchanged: 0, updated: 0 })
      const events = await getEventsByTeam(handle, 'g1', 'LAL')
      expect(events.find((e) => e.eventId === 'e1')!.pointsTotal).toBe(9)
    })

    it('rejects a batch with an event of an unknown game and writes nothing of it', async () => {
      await storeEvents(handle, [event('e0')])
      const before = await eventCount(handle)
      const batch = [event('e1'), event('e2', { gameId: 'g2' }), event('e3', { gameId: 'missing' }), event('e0', { pointsTotal: 50 })]
      await expect(storeEvents(handle, batch)).rejects.toMatchObject({ code: 'NotFound', message: expect.stringMatching(/e3.*missing/) })
      expect(await eventCount(handle)).toBe(before)
      expect((await getGameEvents(handle, { gameId: 'g1' })).events[0]!.pointsTotal).toBe(2)
    })

    it('rejects an id that already belongs to another game, keeping the batch out', async () => {
      await storeEvents(handle, [event('7')])
      await expect(storeEvents(handle, [event('8', { gameId: 'g2' }), event('7', { gameId: 'g2' })])).rejects.toMatchObject({ code: 'Conflict' })
      expect(await eventCount(handle)).toBe(1)
      expect((await getGameEvents(handle, { gameId: 'g1' })).events.map((e) => e.eventId)).toEqual(['7'])
    })

    it('rejects a timestamp it cannot read', async () => {
      await expect(storeEvents(handle, [event('e1', { timestamp: 'yesterday' })])).rejects.toMatchObject({ code: 'InvalidInput' })
      expect(await eventCount(handle)).toBe(0)
    })

    it('stores batches larger than one statement and one lookup chunk', async () => {
      const batch = Array.from({ length: 12_345 }, (_, i) => event(`big-${i}`, { gameId: i % 2 ? 'g1' : 'g2', orderNumber: i }))
      expect(await storeEvents(handle, batch)).toEqual({ stored: 12_345, unchanged: 0, updated: 0 })
      const again = batch.map((e, i) => (i % 1000 === 0 ? { ...e, description: 'edited' } : e))
      expect(await storeEvents(handle, again)).toEqual({ stored: 0, unchanged: 12_345 - 13, updated: 13 })
      expect(await eventCount(handle)).toBe(12_345)
    })

    it('keeps the last version of an id repeated far apart in a large batch', async () => {
      const batch = Array.from({ length: 12_000 }, (_, i) => event(`far-${i}`))
      batch[11_500] = event('far-0', { pointsTotal: 77 })
      expect(await storeEvents(handle, batch)).toEqual({ stored: 11_999, unchanged: 0, updated: 0 })
      const stored = await handle.db.selectFrom('events').select('points_total').where('event_id', '=', 'far-0').executeTakeFirstOrThrow()
      expect(stored.points_total).toBe(77)
    })
  })
})
