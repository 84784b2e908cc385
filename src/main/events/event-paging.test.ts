import { CompiledQuery, sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventPageQuery, GameEvent } from '../../shared/domain/events'
import type { DatabaseHandle, Dialect } from '../db/connection'
import type { Database, NewEvent } from '../db/schema'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { createOrUpdateGame } from '../games/games.service'
import { encodeEventCursor } from './event-cursor'
import { eventsAfterQueries, positionOf, type EventFilter } from './events.repository'
import { getGameEvents } from './events.service'
import { timeOf } from './timestamp-sql'

const GAME = 'keyset'

/** A small deterministic PRNG (mulberry32), so the fixture is the same on every run. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)]!

/**
 * 240 events with few distinct values per key, so that most rows tie on several keys, and NULL
 * clock seconds, order numbers and times throughout (as rows the Python app wrote). SQLite gets
 * the same instant in several text forms, which must tie.
 */
function fixture(dialect: Dialect): NewEvent[] {
  const next = random(4)
  const times =
    dialect === 'sqlite'
      ? ['2025-01-01 12:00:00.000000', '2025-01-01T12:00:00Z', '2025-01-01 12:00:00', '2025-01-01 12:00:01.500000', '2025-01-01T11:59:59', null]
      : ['2025-01-01 12:00:00', '2025-01-01 12:00:01.5', '2025-01-01 11:59:59', null]
  return Array.from({ length: 240 }, (_, i) => ({
    event_id: `k${String(Math.floor(next() * 1e6)).padStart(6, '0')}-${i}`,
    game_id: GAME,
    team_tricode: pick(next, ['LAL', 'GSW', '---']),
    player_name: pick(next, ['LeBron James', 'Stephen Curry', 'Luka Dončić', null]),
    event_type: pick(next, ['shot', 'foul', 'rebound']),
    clock: '5:00',
    period: pick(next, [1, 2, 3, 10]),
    points_total: 0,
    shot_result: null,
    description: pick(next, ['Driving DUNK', 'makes 50% of threes', 'alley_oop layup', 'Jump shot', null]),
    timestamp: pick(next, times),
    order_number: pick(next, [1, 2, 2, 7, null]),
    clock_seconds: pick(next, [720, 700.5, 700.5, 300, 0, null]),
  }))
}

/** The game order as one full sort, written as the ORDER BY this app used before keyset paging. */
async function fullSort(db: Kysely<Database>, dialect: Dialect): Promise<Array<{ event_id: string; team_tricode: string; period: number; event_type: string; player_name: string | null; description: string | null }>> {
  return db
    .selectFrom('events')
    .select(['event_id', 'team_tricode', 'period', 'event_type', 'player_name', 'description'])
    .where('game_id', '=', GAME)
    .orderBy('period', 'asc')
    .orderBy('clock_seconds', (ob) => ob.desc().nullsLast())
    .orderBy('order_number', (ob) => ob.asc().nullsLast())
    .orderBy(timeOf(dialect, 'timestamp'), (ob) => ob.asc().nullsLast())
    .orderBy('event_id', 'asc')
    .execute()
}

async function pageAll(handle: DatabaseHandle, query: Omit<EventPageQuery, 'gameId'>): Promise<GameEvent[]> {
  const events: GameEvent[] = []
  let cursor: string | null = null
  for (;;) {
    const page = await getGameEvents(handle, { gameId: GAME, ...query, ...(cursor !== null && { cursor }) })
    events.push(...page.events)
    expect(page.hasMore).toBe(page.nextCursor !== null)
    if (page.nextCursor === null) return events
    expect(page.events).toHaveLength(query.limit ?? 500)
    cursor = page.nextCursor
  }
}

describeEachDialect('events keyset paging', (dialect) => {
  let test: TestDb
  let handle: DatabaseHandle
  let expected: Awaited<ReturnType<typeof fullSort>>

  beforeAll(async () => {
    test = await createTestDb(dialect)
    handle = test.handle
    await createOrUpdateGame(handle, { gameId: GAME, homeTeam: 'LAL', awayTeam: 'GSW', gameDate: '2024-01-15', status: 'Final' })
    await createOrUpdateGame(handle, { gameId: 'other', homeTeam: 'LAL', awayTeam: 'GSW', gameDate: '2024-01-16', status: 'Final' })
    await handle.db.insertInto('events').values(fixture(dialect)).execute()
    expected = await fullSort(handle.db, dialect)
  })
  afterAll(() => test.cleanup())

  const ids = (events: ReadonlyArray<{ eventId: string } | { event_id: string }>) => events.map((e) => ('eventId' in e ? e.eventId : e.event_id))

  it('has the ties and NULLs this suite is about', async () => {
    const nulls = await handle.db
      .selectFrom('events')
      .select((eb) => [
        eb.fn.countAll<number>().as('rows'),
        eb.fn.count<number>(sql`case when clock_seconds is null then 1 end`).as('clock'),
        eb.fn.count<number>(sql`case when order_number is null then 1 end`).as('orders'),
        eb.fn.count<number>(sql`case when timestamp is null then 1 end`).as('times'),
      ])
      .where('game_id', '=', GAME)
      .executeTakeFirstOrThrow()
    expect(Number(nulls.rows)).toBe(240)
    for (const count of [nulls.clock, nulls.orders, nulls.times]) expect(Number(count)).toBeGreaterThan(10)
  })

  it('returns the full sort page after page by cursor, whatever the page size', async () => {
    for (const limit of [1, 2, 3, 7, 50, 239, 240, 500]) expect(ids(await pageAll(handle, { limit })), `limit ${limit}`).toEqual(ids(expected))
  })

  it('returns the full sort by offset, and a cursor from an offset page continues it', async () => {
    const first = await getGameEvents(handle, { gameId: GAME, limit: 7, offset: 14 })
    expect(ids(first.events)).toEqual(ids(expected.slice(14, 21)))
    const next = await getGameEvents(handle, { gameId: GAME, limit: 7, cursor: first.nextCursor! })
    expect(ids(next.events)).toEqual(ids(expected.slice(21, 28)))
  })

  it('filters by team, period, event type and text together with the cursor', async () => {
    const contains = (text: string | null, needle: string) => text !== null && text.toLowerCase().includes(needle.toLowerCase())
    const cases: Array<[Omit<EventFilter, 'gameId'>, (row: (typeof expected)[number]) => boolean]> = [
      [{ team: 'GSW' }, (r) => r.team_tricode === 'GSW'],
      [{ period: 10 }, (r) => r.period === 10],
      [{ eventType: 'foul', team: '---' }, (r) => r.event_type === 'foul' && r.team_tricode === '---'],
      [{ search: 'lebron' }, (r) => contains(r.player_name, 'lebron')],
      [{ search: 'DUNK' }, (r) => contains(r.description, 'dunk')],
      [{ search: 'curry', period: 2, eventType: 'shot' }, (r) => contains(r.player_name, 'curry') && r.period === 2 && r.event_type === 'shot'],
    ]
    for (const [filter, keep] of cases) {
      const want = expected.filter(keep)
      expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0)
      expect(ids(await pageAll(handle, { ...filter, limit: 3 })), JSON.stringify(filter)).toEqual(ids(want))
    }
  })

  it('searches for % and _ as text, not as wildcards', async () => {
    expect(ids(await pageAll(handle, { search: '%' }))).toEqual(ids(expected.filter((r) => r.description?.includes('%'))))
    expect(ids(await pageAll(handle, { search: '0%' }))).toEqual(ids(expected.filter((r) => r.description?.includes('0%'))))
    expect(ids(await pageAll(handle, { search: 'y_o' }))).toEqual(ids(expected.filter((r) => r.description?.includes('y_o'))))
    expect(await pageAll(handle, { search: 'Jump_shot' })).toEqual([])
    expect(ids(await pageAll(handle, { search: '  ' }))).toEqual(ids(expected))
  })

  it('rejects a malformed cursor, one of another game and a cursor with an offset', async () => {
    const malformed = /^cursor is malformed/
    const reject = (query: Omit<EventPageQuery, 'gameId'>, gameId = GAME) => expect(getGameEvents(handle, { gameId, ...query })).rejects
    await reject({ cursor: 'not a cursor' }).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(malformed) })
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    await reject({ cursor: forged({ period: 1 }) }).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(malformed) })
    await reject({ cursor: forged(['events', GAME, 'one', null, null, null, 'e1']) }).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(malformed) })
    await reject({ cursor: forged(['events', GAME, 1, 'NaN', null, null, 'e1']) }).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(malformed) })
    // The time tells which database wrote the cursor: julianday numbers on SQLite, text on PostgreSQL.
    const foreignTime = dialect === 'sqlite' ? '2025-01-01 12:00:00' : 2460677
    await reject({ cursor: forged(['events', GAME, 1, null, null, foreignTime, 'e1']) }).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(malformed) })
    const { nextCursor } = await getGameEvents(handle, { gameId: GAME, limit: 5 })
    await reject({ cursor: nextCursor! }, 'other').toMatchObject({ code: 'InvalidInput', message: `cursor belongs to game ${GAME}, not other` })
    await reject({ cursor: nextCursor!, offset: 0 }).toMatchObject({ code: 'InvalidInput', message: 'give either cursor or offset, not both' })
  })

  it('accepts a position between stored rows (a cursor names sort values, not a row)', async () => {
    const position = { period: 2, clockSeconds: 500, orderNumber: null, time: null, eventId: 'zzz' }
    const page = await getGameEvents(handle, { gameId: GAME, limit: 500, cursor: encodeEventCursor(GAME, position) })
    const after = await handle.db
      .selectFrom('events')
      .select('event_id')
      .where('game_id', '=', GAME)
      .where((eb) => eb.or([eb('period', '>', 2), eb.and([eb('period', '=', 2), eb.or([eb('clock_seconds', '<', 500), eb('clock_seconds', 'is', null)])])]))
      .execute()
    expect(new Set(ids(page.events))).toEqual(new Set(ids(after)))
    expect(ids(page.events)).toEqual(ids(expected).filter((id) => ids(after).includes(id)))
  })

  describe('query plans', () => {
    const filters: Array<Omit<EventFilter, 'gameId'>> = [{}, { team: 'GSW' }, { eventType: 'foul', search: 'james' }, { period: 2 }]

    /** Every query a page can run: from the start and after each kind of position in the fixture. */
    async function pageQueries(): Promise<Array<{ sql: string; parameters: readonly unknown[] }>> {
      const rows = await getGameEvents(handle, { gameId: GAME, limit: 240 })
      expect(rows.events).toHaveLength(240)
      const stored = await handle.db.selectFrom('events').selectAll().select(timeOf(dialect, 'timestamp').as('sequence_time')).where('game_id', '=', GAME).execute()
      // One position per NULL pattern (clock, order number, time) is enough: the queries differ by those.
      const byPattern = new Map(stored.map((row) => [`${row.clock_seconds === null}${row.order_number === null}${row.sequence_time === null}`, row]))
      const queries = []
      for (const filter of filters) {
        for (const after of [null, ...[...byPattern.values()].map(positionOf)]) {
          for (const query of eventsAfterQueries(handle.db, dialect, { gameId: GAME, ...filter }, after)) queries.push(query.limit(501).compile())
        }
      }
      return queries
    }

    it.runIf(dialect === 'sqlite')('reads every page through idx_events_game_sequence in order, never sorting (SQLite)', async () => {
      for (const query of await pageQueries()) {
        const plan = (handle.sqlite!.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as Array<{ detail: string }>).map((row) => row.detail)
        expect(plan, query.sql).toEqual([expect.stringMatching(/^SEARCH events USING INDEX idx_events_game_sequence \(game_id=\?/)])
      }
    })

    // Tiny tables make PostgreSQL prefer a scan and a sort; with sorting priced out it must still find
    // a sort-free plan, which only an index in exactly the page order gives.
    it.runIf(dialect === 'postgres')('can read every page through idx_events_game_sequence without a Sort node (PostgreSQL)', async () => {
      const queries = await pageQueries()
      await handle.db.transaction().execute(async (trx) => {
        await sql`set local enable_sort = off`.execute(trx)
        for (const query of queries) {
          const { rows } = await trx.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]))
          const nodes = planNodes(rows[0]!['QUERY PLAN'][0]!.Plan)
          expect(nodes.filter((node) => /Sort/.test(node['Node Type'])), query.sql).toEqual([])
          expect(nodes.some((node) => node['Index Name'] === 'idx_events_game_sequence'), query.sql).toBe(true)
        }
      })
    })
  })
})

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  Plans?: PlanNode[]
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)]
}
