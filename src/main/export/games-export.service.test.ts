import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { GAMES, isSafeCell, MemoryOutput, parseCsv, seedExportData, showsText } from './export-test-helpers'
import { exportGames, GAME_COLUMNS, type GamesExportOptions } from './games-export.service'

describeEachDialect('exportGames', (dialect) => {
  let test: TestDb
  const run = async (options: GamesExportOptions = {}) => {
    const out = new MemoryOutput()
    await exportGames(test.handle, options, out)
    return parseCsv(out.text())
  }

  beforeAll(async () => {
    test = await createTestDb(dialect)
    await seedExportData(test.handle)
  })
  afterAll(() => test.cleanup())

  it('writes every game by date with its event and TMI counts', async () => {
    const csv = await run()
    expect(csv.header).toEqual([...GAME_COLUMNS])
    expect(csv.rows.map((row) => [row.event_count, row.tmi_count])).toEqual([['6', '8'], ['1', '3'], ['1', '2'], ['0', '0']])
    csv.rows.forEach((row, index) => {
      const game = GAMES[index]!
      for (const name of ['game_id', 'home_team', 'away_team', 'game_date', 'status'] as const) expect(showsText(row[name], game[name]), `${name} of ${JSON.stringify(row)}`).toBe(true)
      for (const [name, cell] of Object.entries(row)) expect(isSafeCell(cell, name.endsWith('_count')), `${name}: ${JSON.stringify(cell)}`).toBe(true)
    })
    expect(csv.rows.map((row) => row.created_at)).toEqual(['2024-10-22 19:00:00.123456', '2024-10-23 19:00:00.000000', '', ''])
    expect(csv.rows[1]!.home_team).toBe(`'=HYPERLINK("x")`)
  })

  it('filters by home or away team, status and date', async () => {
    expect((await run({ team: 'BOS' })).rows.map((row) => row.game_id)).toEqual(['0022400001'])
    expect((await run({ team: 'x;=1+2', raw: true })).rows.map((row) => row.game_id)).toEqual(['-2'])
    expect((await run({ status: 'Scheduled' })).rows.map((row) => row.game_id)).toEqual(['0022400004'])
    expect((await run({ from: '2024-10-23', to: '2024-11-30', raw: true })).rows.map((row) => row.game_id)).toEqual(['0022400002', '-2'])
  })
})
