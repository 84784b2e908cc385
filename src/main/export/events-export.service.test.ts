import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../db/migrator'
import type { NewEvent } from '../db/schema'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { EVENT_COLUMNS, exportEvents, type EventsExportOptions } from './events-export.service'
import { EVENT_ORDER, eventSeeds, GAMES, isSafeCell, MemoryOutput, parseCsv, seedExportData, showsNumber, showsText } from './export-test-helpers'

const NUMERIC = new Set(['period', 'points_total', 'order_number', 'clock_seconds'])

describeEachDialect('exportEvents', (dialect) => {
  let test: TestDb
  const run = async (options: EventsExportOptions = {}) => {
    const out = new MemoryOutput()
    const result = await exportEvents(test.handle, options, out)
    return { result, csv: parseCsv(out.text(), options.delimiter) }
  }
  const ids = async (options: EventsExportOptions) => (await run(options)).csv.rows.map((row) => row.event_id)

  beforeAll(async () => {
    test = await createTestDb(dialect)
    await seedExportData(test.handle)
  })
  afterAll(() => test.cleanup())

  it('writes every event in game order with the values the database holds', async () => {
    const { csv, result } = await run()
    expect(csv.header).toEqual([...EVENT_COLUMNS])
    expect(result.rows).toBe(EVENT_ORDER.length)
    expect(csv.rows.map((row) => row.event_id)).toEqual(EVENT_ORDER)
    const seeds = new Map(eventSeeds(dialect).map((seed) => [seed.event_id, seed]))
    for (const row of csv.rows) {
      const seed = seeds.get(row.event_id!)!
      const where = JSON.stringify(row)
      expect(showsText(row.game_date, GAMES.find((game) => game.game_id === seed.game_id)!.game_date), where).toBe(true)
      for (const [name, value] of [['game_id', seed.game_id], ['team', seed.team_tricode], ['player_name', seed.player_name], ['event_type', seed.event_type],
        ['clock', seed.clock], ['shot_result', seed.shot_result], ['description', seed.description]] as const) {
        expect(showsText(row[name], value), `${name} of ${where}`).toBe(true)
      }
      for (const name of ['period', 'points_total', 'order_number', 'clock_seconds'] as const) expect(showsNumber(row[name], seed[name]), `${name} of ${where}`).toBe(true)
    }
  })

  it('writes timestamps in the stored form and tells empty text from NULL', async () => {
    const { csv } = await run({ raw: true })
    const byId = new Map(csv.rows.map((row) => [row.event_id, row]))
    expect(byId.get('e1')!.timestamp).toBe('2024-10-22 19:00:00.000000')
    expect(byId.get('e2')!.timestamp).toBe('2024-10-22 19:00:10.250000')
    expect(byId.get('e3')!.timestamp).toBe('')
    expect(byId.get('e7')!.clock_seconds).toBe('-0.5')
    expect(byId.get('e7')!.points_total).toBe('')
    expect(byId.get('e3')!.points_total).toBe('-3')
    expect(byId.get('e6')!.description).toBe(dialect === 'sqlite' ? '\0x' : '\rcmd')
  })

  it('makes every hostile text cell safe', async () => {
    const { csv } = await run()
    for (const row of csv.rows) for (const [name, cell] of Object.entries(row)) expect(isSafeCell(cell, NUMERIC.has(name)), `${name}: ${JSON.stringify(cell)}`).toBe(true)
    const e7 = csv.rows.find((row) => row.event_id === 'e7')!
    expect([e7.team, e7.player_name, e7.event_type, e7.clock, e7.description]).toEqual(["'+1", "'-2", "'@SUM(A1)", "'-0:01", "'\ncmd"])
  })

  it('filters by game, team, event type, period and game date', async () => {
    expect(await ids({ gameId: '0022400001', period: 2 })).toEqual(['e4'])
    expect(await ids({ team: 'BOS' })).toEqual(['e3'])
    expect(await ids({ eventType: 'jump_ball' })).toEqual(['e1'])
    expect(await ids({ from: '2024-10-23' })).toEqual(['e7', 'e8'])
    expect(await ids({ to: '2024-10-22', period: 1 })).toEqual(['e1', 'e3', 'e2', 'e6', 'e5'])
  })

  it('rejects a period that is not an integer', async () => {
    await expect(run({ period: 1.5 })).rejects.toMatchObject({ code: 'InvalidInput' })
  })
})

describe('exportEvents output modes', () => {
  it('writes the same cells with tab as the delimiter, in excel mode', async () => {
    const test = await createTestDb('sqlite')
    try {
      await seedExportData(test.handle)
      const tab = new MemoryOutput()
      const comma = new MemoryOutput()
      await exportEvents(test.handle, { delimiter: '\t', excel: true }, tab)
      await exportEvents(test.handle, {}, comma)
      expect(tab.text().startsWith('\uFEFFevent_id\tgame_id\t')).toBe(true)
      expect(parseCsv(tab.text(), '\t')).toEqual(parseCsv(comma.text()))
    } finally {
      await test.cleanup()
    }
  })
})

describeEachDialect('exportEvents on a database the Python app wrote', (dialect) => {
  let test: TestDb
  beforeAll(async () => {
    test = await createTestDb(dialect, { migrated: false })
    const run = await migrate(test.handle, { to: '002' })
    if (run.error) throw new Error(run.error.message)
    await test.handle.db.insertInto('games').values(GAMES[0]!).execute()
    const events = [
      { event_id: 'p2', game_id: '0022400001', team_tricode: 'LAL', event_type: 'shot', clock: '11:00', period: 1, timestamp: '2024-10-22 19:00:02' },
      { event_id: 'p1', game_id: '0022400001', team_tricode: 'BOS', event_type: 'foul', clock: '11:30', period: 1, timestamp: '2024-10-22 19:00:01' },
    ]
    await test.handle.db.insertInto('events').values(events as NewEvent[]).execute()
  })
  afterAll(() => test.cleanup())

  it('reads the columns later migrations add as empty and orders by timestamp', async () => {
    const out = new MemoryOutput()
    await exportEvents(test.handle, {}, out)
    const { rows } = parseCsv(out.text())
    expect(rows.map((row) => [row.event_id, row.description, row.order_number, row.clock_seconds])).toEqual([['p1', '', '', ''], ['p2', '', '', '']])
  })
})
