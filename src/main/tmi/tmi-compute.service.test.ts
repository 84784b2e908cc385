import { sql } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { NewGameEvent } from '../../shared/domain/events'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { generateDemoGame, type DemoGame } from '../demo/demo-generator'
import { storeEvents } from '../events/events.service'
import { createOrUpdateGame } from '../games/games.service'
import { NO_TEAM } from '../import/nba-teams'
import { computeTmi, DEFAULT_PARAMETERS, formatContributionsPython, type TmiEvent } from './engine'
import { computeAllTmi, computeGameTmi } from './tmi-compute.service'

const toTmiEvent = (event: NewGameEvent): TmiEvent => ({
  eventId: event.eventId,
  gameId: event.gameId,
  teamTricode: event.teamTricode,
  eventType: event.eventType,
  clock: event.clock,
  period: event.period,
  pointsTotal: event.pointsTotal ?? 0,
  shotResult: event.shotResult ?? null,
})

/** Rows as the original app left them: 'M:SS' clocks, no order_number or clock_seconds, naive timestamps. */
const PYTHON_EVENTS: Array<[string, string, string, string | null, number, number]> = [
  ['LAL', 'shot', '11:50', 'Missed', 0, 1],
  ['LAL', 'rebound', '11:48', null, 0, 1],
  ['LAL', 'shot', '11:40', 'Made', 2, 1],
  ['GSW', 'shot', '11:20', 'Missed', 0, 1],
  ['LAL', 'rebound', '11:18', null, 2, 1],
  ['LAL', 'turnover', '11:00', null, 2, 1],
  ['LAL', 'foul', '10:50', null, 2, 1],
  ['GSW', 'shot', '10:30', 'Made', 2, 1],
  ['GSW', 'rebound', '10:10', null, 2, 1],
  ['GSW', 'shot', '9:58', 'Made', 4, 1],
  ['LAL', 'shot', '9:40', 'Missed', 2, 1],
  ['GSW', 'rebound', '9:38', null, 4, 1],
  ['GSW', 'shot', '9:20', 'Missed', 4, 1],
  ['LAL', 'rebound', '9:18', null, 2, 1],
  ['LAL', 'shot', '9:01', 'Made', 4, 1],
  ['GSW', 'turnover', '8:45', null, 4, 1],
  ['LAL', 'shot', '11:30', 'Made', 6, 2],
  ['GSW', 'shot', '11:10', 'Missed', 4, 2],
  ['LAL', 'rebound', '11:08', null, 6, 2],
  ['LAL', 'shot', '10:50', 'Made', 8, 2],
  ['GSW', 'foul', '10:30', null, 4, 2],
  ['GSW', 'shot', '10:20', 'Made', 6, 2],
]

describeEachDialect('computeGameTmi', (dialect) => {
  let testDb: TestDb
  let game: DemoGame

  const storeGame = async (demo: DemoGame) => {
    await createOrUpdateGame(testDb.handle, demo.info)
    await storeEvents(testDb.handle, demo.events)
  }
  const tmiRows = (gameId: string, algorithm?: string) =>
    testDb.handle.db
      .selectFrom('tmi_calculations')
      .selectAll()
      .where('game_id', '=', gameId)
      .$if(algorithm !== undefined, (q) => q.where('algorithm', '=', algorithm!))
      .orderBy('id')
      .execute()

  beforeEach(async () => {
    testDb = await createTestDb(dialect)
    game = generateDemoGame(5, 0, 1)
    await storeGame(game)
  })
  afterEach(async () => {
    await testDb.cleanup()
  })

  it('stores one row per possession point in game order, with algorithm and parameters', async () => {
    const result = await computeGameTmi(testDb.handle, game.info.gameId)
    const points = computeTmi(game.events.map(toTmiEvent), { teams: [game.info.homeTeam, game.info.awayTeam] })
    expect(result).toEqual({ gameId: game.info.gameId, algorithm: 'momentum-2', status: 'computed', rows: points.length })
    expect(points.length).toBeGreaterThan(150)
    const rows = await tmiRows(game.info.gameId)
    expect(rows.map((row) => [row.team_tricode, row.possession_number, row.period, row.clock, row.elapsed_seconds, row.tmi_value])).toEqual(
      points.map((point) => [point.teamTricode, point.possessionNumber, point.period, point.clock, point.elapsedSeconds, point.tmiValue]),
    )
    expect(rows.map((row) => row.feature_contributions)).toEqual(points.map((point) => formatContributionsPython(point.featureContributions)))
    expect(rows.every((row, index) => index === 0 || row.elapsed_seconds! >= rows[index - 1]!.elapsed_seconds!)).toBe(true)
    expect(new Set(rows.map((row) => row.calculated_at)).size).toBe(1)
    expect(new Set(rows.map((row) => row.team_tricode))).toEqual(new Set([game.info.homeTeam, game.info.awayTeam]))
    expect(rows.some((row) => row.team_tricode === NO_TEAM)).toBe(false)
    expect(rows[0]).toMatchObject({ algorithm: 'momentum-2', prediction_probability: 0.5, rolling_window_size: 1, confidence_score: 0.2 })
    expect(JSON.parse(rows[0]!.parameters!)).toEqual({ windowSize: 5, normalizationWindow: 20, weights: DEFAULT_PARAMETERS.weights })
  })

  it('leaves an existing computation alone unless asked to replace it', async () => {
    await computeGameTmi(testDb.handle, game.info.gameId)
    const before = await tmiRows(game.info.gameId)
    expect(await computeGameTmi(testDb.handle, game.info.gameId)).toMatchObject({ status: 'skipped-existing', rows: 0 })
    expect(await tmiRows(game.info.gameId)).toEqual(before)
    const replaced = await computeGameTmi(testDb.handle, game.info.gameId, { replace: true })
    expect(replaced).toMatchObject({ status: 'replaced', rows: before.length })
    const after = await tmiRows(game.info.gameId)
    expect(after).toHaveLength(before.length)
    expect(after.map((row) => row.tmi_value)).toEqual(before.map((row) => row.tmi_value))
  })

  it('replaces only the rows of its own algorithm', async () => {
    const original = await computeGameTmi(testDb.handle, game.info.gameId, { algorithm: 'momentumml-1' })
    expect(original.status).toBe('computed')
    await computeGameTmi(testDb.handle, game.info.gameId)
    expect(await computeGameTmi(testDb.handle, game.info.gameId, { algorithm: 'momentumml-1' })).toMatchObject({ status: 'skipped-existing' })
    await computeGameTmi(testDb.handle, game.info.gameId, { replace: true, windowSize: 3 })
    expect(await tmiRows(game.info.gameId, 'momentumml-1')).toHaveLength(original.rows)
  })

  it('records a different window size and gets different values from it', async () => {
    await computeGameTmi(testDb.handle, game.info.gameId)
    const five = await tmiRows(game.info.gameId)
    await computeGameTmi(testDb.handle, game.info.gameId, { windowSize: 3, normalizationWindow: 12, replace: true })
    const three = await tmiRows(game.info.gameId)
    expect(three).toHaveLength(five.length)
    expect(three.map((row) => row.tmi_value)).not.toEqual(five.map((row) => row.tmi_value))
    expect(Math.max(...three.map((row) => row.rolling_window_size!))).toBe(3)
    expect(JSON.parse(three[0]!.parameters!)).toMatchObject({ windowSize: 3, normalizationWindow: 12 })
    const expected = computeTmi(game.events.map(toTmiEvent), { parameters: { windowSize: 3, normalizationWindow: 12 }, teams: [game.info.homeTeam, game.info.awayTeam] })
    expect(three.map((row) => row.tmi_value)).toEqual(expected.map((point) => point.tmiValue))
  })

  it('keeps the old rows when the replacement fails part-way', async () => {
    await computeGameTmi(testDb.handle, game.info.gameId)
    const before = await tmiRows(game.info.gameId)
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER refuse_tmi BEFORE INSERT ON tmi_calculations BEGIN SELECT RAISE(ABORT, 'refused by test'); END`.execute(testDb.handle.db)
    } else {
      await sql`CREATE FUNCTION refuse_tmi() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`.execute(testDb.handle.db)
      await sql`CREATE TRIGGER refuse_tmi BEFORE INSERT ON tmi_calculations FOR EACH ROW EXECUTE FUNCTION refuse_tmi()`.execute(testDb.handle.db)
    }
    await expect(computeGameTmi(testDb.handle, game.info.gameId, { replace: true })).rejects.toThrow(/refused by test/)
    expect(await tmiRows(game.info.gameId)).toEqual(before)
  })

  it('scores the teams of the events when the game row does not know a side yet', async () => {
    await createOrUpdateGame(testDb.handle, { ...game.info, awayTeam: NO_TEAM })
    const result = await computeGameTmi(testDb.handle, game.info.gameId)
    const teams = await testDb.handle.db.selectFrom('tmi_calculations').select('team_tricode').distinct().orderBy('team_tricode').execute()
    expect(teams.map((row) => row.team_tricode)).toEqual([game.info.homeTeam, game.info.awayTeam].sort())
    expect(result.rows).toBe(computeTmi(game.events.map(toTmiEvent), { teams: [game.info.homeTeam, game.info.awayTeam] }).length)
  })

  it('reports a game without events and rejects an unknown game or bad parameters', async () => {
    await createOrUpdateGame(testDb.handle, { gameId: 'empty', homeTeam: 'BOS', awayTeam: 'NYK', gameDate: '2025-01-01', status: 'Scheduled' })
    expect(await computeGameTmi(testDb.handle, 'empty')).toEqual({ gameId: 'empty', algorithm: 'momentum-2', status: 'no-events', rows: 0 })
    await expect(computeGameTmi(testDb.handle, 'nope')).rejects.toMatchObject({ code: 'NotFound', message: 'game nope not found' })
    await expect(computeGameTmi(testDb.handle, game.info.gameId, { windowSize: 0 })).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(computeGameTmi(testDb.handle, game.info.gameId, { weights: { fouls: Number.NaN } })).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(computeGameTmi(testDb.handle, game.info.gameId, { algorithm: 'momentum-9' as never })).rejects.toMatchObject({ code: 'InvalidInput' })
    expect(await tmiRows(game.info.gameId)).toEqual([])
  })

  it('computes a game the Python app stored with momentumml-1 as the engine does on its events', async () => {
    await createOrUpdateGame(testDb.handle, { gameId: 'test_game_001', homeTeam: 'LAL', awayTeam: 'GSW', gameDate: '2024-01-15', status: 'Live' })
    const rows = PYTHON_EVENTS.map(([team, type, clock, result, points, period], index) => ({
      event_id: `test_event_${String(index + 1).padStart(3, '0')}`,
      game_id: 'test_game_001',
      team_tricode: team,
      player_name: null,
      event_type: type,
      clock,
      period,
      points_total: points,
      shot_result: result,
      description: '',
      timestamp: `2025-10-23 11:35:${String(10 + index).padStart(2, '0')}.336995`,
      order_number: null,
      clock_seconds: null,
    }))
    await testDb.handle.db.insertInto('events').values(rows).execute()
    await testDb.handle.db
      .insertInto('tmi_calculations')
      .values({ game_id: 'test_game_001', team_tricode: 'LAL', tmi_value: 0, feature_contributions: '{}', prediction_probability: 0.5, confidence_score: 0, rolling_window_size: 5, calculated_at: '2025-10-23 16:35:47', period: null, clock: null, elapsed_seconds: null, possession_number: null, algorithm: null, parameters: null })
      .execute()

    const result = await computeGameTmi(testDb.handle, 'test_game_001', { algorithm: 'momentumml-1' })
    const events: TmiEvent[] = rows.map((row) => ({ eventId: row.event_id, gameId: row.game_id, teamTricode: row.team_tricode, eventType: row.event_type, clock: row.clock, period: row.period, pointsTotal: row.points_total, shotResult: row.shot_result }))
    const points = computeTmi(events, { algorithm: 'momentumml-1', teams: ['LAL', 'GSW'] }).sort((a, b) => a.elapsedSeconds - b.elapsedSeconds)
    expect(result).toMatchObject({ status: 'computed', rows: points.length })
    const stored = await tmiRows('test_game_001', 'momentumml-1')
    expect(stored.map((row) => [row.team_tricode, row.possession_number, row.clock, row.tmi_value, row.feature_contributions])).toEqual(
      points.map((point) => [point.teamTricode, point.possessionNumber, point.clock, point.tmiValue, formatContributionsPython(point.featureContributions)]),
    )
    const elapsed = stored.map((row) => row.elapsed_seconds!)
    expect(elapsed).toEqual([...elapsed].sort((a, b) => a - b))
    expect(stored[0]!.possession_number).toBeGreaterThan(stored[1]!.possession_number!)
    expect(stored.some((row) => row.feature_contributions!.includes('"points_scored": 0.0') && row.feature_contributions!.includes('-0.0'))).toBe(true)
    expect(stored.some((row) => row.tmi_value !== 0)).toBe(true)

    await computeGameTmi(testDb.handle, 'test_game_001', { algorithm: 'momentumml-1', replace: true })
    expect((await tmiRows('test_game_001')).filter((row) => row.algorithm === null)).toHaveLength(1)
  })
})

describeEachDialect('computeAllTmi', (dialect) => {
  let testDb: TestDb

  beforeEach(async () => {
    testDb = await createTestDb(dialect)
    for (const index of [0, 1]) {
      const demo = generateDemoGame(9, index, 2)
      await createOrUpdateGame(testDb.handle, demo.info)
      await storeEvents(testDb.handle, demo.events)
    }
    await createOrUpdateGame(testDb.handle, { gameId: '0000000001', homeTeam: 'BOS', awayTeam: 'NYK', gameDate: '2025-01-01', status: 'Scheduled' })
  })
  afterEach(async () => {
    await testDb.cleanup()
  })

  it('computes every game by id and reports progress', async () => {
    const progress: Array<[number, number]> = []
    const { results, cancelled } = await computeAllTmi(testDb.handle, { onProgress: (done, total) => progress.push([done, total]) })
    expect(cancelled).toBe(false)
    expect(results.map((result) => [result.gameId, result.status])).toEqual([
      ['0000000001', 'no-events'],
      ['0022490001', 'computed'],
      ['0022490002', 'computed'],
    ])
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]])
    const again = await computeAllTmi(testDb.handle)
    expect(again.results.map((result) => result.status)).toEqual(['no-events', 'skipped-existing', 'skipped-existing'])
  })

  it('stops between games when cancelled', async () => {
    const controller = new AbortController()
    const { results, cancelled } = await computeAllTmi(testDb.handle, { signal: controller.signal, onProgress: (done) => done === 2 && controller.abort() })
    expect(cancelled).toBe(true)
    expect(results).toHaveLength(2)
    const stored = await testDb.handle.db.selectFrom('tmi_calculations').select('game_id').distinct().execute()
    expect(stored.map((row) => row.game_id)).toEqual(['0022490001'])
  })
})
