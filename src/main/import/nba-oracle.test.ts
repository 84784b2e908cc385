import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/connection'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { importFiles } from './nba-import.service'
import { FIXTURE_IDS, fixturePath } from './nba-test-fixtures'

interface TeamLine {
  pts: number
  fg: [number, number]
  three: [number, number]
  ft: [number, number]
  reb: number
  tov: number
  periods: number[]
}

// fixtures/nba/README.md §1, typed in by hand: the importer must reproduce these from stored rows.
const ORACLE: Record<string, { home: string; away: string; teams: Record<string, TeamLine> }> = {
  '0022000001': {
    home: 'BKN',
    away: 'GSW',
    teams: {
      BKN: { pts: 125, fg: [42, 92], three: [15, 35], ft: [26, 32], reb: 65, tov: 20, periods: [40, 23, 36, 26] },
      GSW: { pts: 99, fg: [37, 99], three: [10, 33], ft: [15, 23], reb: 61, tov: 18, periods: [25, 20, 26, 28] },
    },
  },
  '0022400718': {
    home: 'DET',
    away: 'CLE',
    teams: {
      DET: { pts: 115, fg: [39, 98], three: [12, 37], ft: [25, 28], reb: 54, tov: 12, periods: [26, 30, 27, 32] },
      CLE: { pts: 118, fg: [41, 85], three: [16, 38], ft: [20, 24], reb: 56, tov: 24, periods: [34, 31, 21, 32] },
    },
  },
  '0022400762': {
    home: 'DAL',
    away: 'SAC',
    teams: {
      DAL: { pts: 128, fg: [49, 95], three: [15, 37], ft: [15, 24], reb: 43, tov: 13, periods: [35, 26, 32, 23, 12] },
      SAC: { pts: 129, fg: [53, 96], three: [9, 26], ft: [14, 19], reb: 60, tov: 21, periods: [27, 34, 26, 29, 13] },
    },
  },
}

interface StatRow {
  team_tricode: string
  fgm: number
  fga: number
  tpm: number
  tpa: number
  ftm: number
  fta: number
  reb: number
  tov: number
}

/** Box-score counts per team from stored rows only (3PA = shot whose description carries 3PT). */
async function teamStats(handle: DatabaseHandle, gameId: string): Promise<Map<string, StatRow>> {
  const count = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`
  const shot = sql`event_type = ${'shot'}`
  const three = sql`event_type = ${'shot'} and description like ${'%3PT%'}`
  const made = sql`shot_result = ${'Made'}`
  const rows = await handle.db
    .selectFrom('events')
    .where('game_id', '=', gameId)
    .groupBy('team_tricode')
    .select([
      'team_tricode',
      count(sql`${shot} and ${made}`).as('fgm'),
      count(shot).as('fga'),
      count(sql`${three} and ${made}`).as('tpm'),
      count(three).as('tpa'),
      count(sql`event_type = ${'free_throw'} and ${made}`).as('ftm'),
      count(sql`event_type = ${'free_throw'}`).as('fta'),
      count(sql`event_type = ${'rebound'}`).as('reb'),
      count(sql`event_type = ${'turnover'}`).as('tov'),
    ])
    .execute()
  return new Map(rows.map((row) => [row.team_tricode, row as StatRow]))
}

/** Each team's rise in points_total per event in game order; made threes are the rises of 3 on shots. */
async function scoringRises(handle: DatabaseHandle, gameId: string) {
  const result = await sql<{ team_tricode: string; event_type: string; period: number; rise: number }>`
    select team_tricode, event_type, period,
      points_total - coalesce(lag(points_total) over (partition by team_tricode order by order_number), 0) as rise
    from events where game_id = ${gameId} and team_tricode <> ${'---'}
    order by order_number`.execute(handle.db)
  return result.rows.map((row) => ({ ...row, rise: Number(row.rise), period: Number(row.period) }))
}

describeEachDialect('NBA import oracle (fixtures/nba/README.md)', (dialect) => {
  let testDb: TestDb

  beforeAll(async () => {
    testDb = await createTestDb(dialect)
    const summary = await importFiles(testDb.handle, FIXTURE_IDS.map(fixturePath))
    expect(summary.failures).toEqual([])
  })
  afterAll(async () => testDb.cleanup())

  for (const [gameId, expected] of Object.entries(ORACLE)) {
    it(`returns the final score, FG, 3P, FT, REB and TOV of ${gameId}`, async () => {
      const game = await testDb.handle.db.selectFrom('games').selectAll().where('game_id', '=', gameId).executeTakeFirstOrThrow()
      expect([game.home_team, game.away_team]).toEqual([expected.home, expected.away])
      const stats = await teamStats(testDb.handle, gameId)
      for (const [team, line] of Object.entries(expected.teams)) {
        const last = await testDb.handle.db
          .selectFrom('events')
          .select('points_total')
          .where('game_id', '=', gameId)
          .where('team_tricode', '=', team)
          .orderBy('order_number', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow()
        const row = stats.get(team)!
        const got = {
          pts: last.points_total,
          fg: [Number(row.fgm), Number(row.fga)],
          three: [Number(row.tpm), Number(row.tpa)],
          ft: [Number(row.ftm), Number(row.fta)],
          reb: Number(row.reb),
          tov: Number(row.tov),
        }
        expect(got, team).toEqual({ pts: line.pts, fg: line.fg, three: line.three, ft: line.ft, reb: line.reb, tov: line.tov })
      }
    })

    it(`returns the same made threes and linescore from points_total rises of ${gameId}`, async () => {
      const rises = await scoringRises(testDb.handle, gameId)
      for (const [team, line] of Object.entries(expected.teams)) {
        const own = rises.filter((r) => r.team_tricode === team)
        expect(own.filter((r) => r.event_type === 'shot' && r.rise === 3)).toHaveLength(line.three[0])
        expect(own.filter((r) => r.event_type === 'shot' && r.rise === 2)).toHaveLength(line.fg[0] - line.three[0])
        expect(own.filter((r) => r.event_type === 'free_throw' && r.rise === 1)).toHaveLength(line.ft[0])
        expect(own.filter((r) => r.rise !== 0 && r.event_type !== 'shot' && r.event_type !== 'free_throw')).toEqual([])
        const periods = line.periods.map((_, index) => own.filter((r) => r.period === index + 1).reduce((sum, r) => sum + r.rise, 0))
        expect(periods, team).toEqual(line.periods)
      }
    })
  }
})
