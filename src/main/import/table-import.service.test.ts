import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/connection'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { countRows, hashRows, makeTempDir } from './import-test-db'
import { importFiles } from './nba-import.service'
import { fixturePath } from './nba-test-fixtures'
import { importTable } from './table-import.service'

const GAMES_CSV = [
  'game_id,home_team,away_team,game_date,status,created_at',
  '0022400001,LAL,GSW,2024-01-15,Live,2025-10-23 16:35:45',
  '0022400002,BOS,NYK,2024-01-16,Final,',
].join('\n')

const TMI_HEADER = 'id,game_id,team_tricode,tmi_value,feature_contributions,prediction_probability,confidence_score,rolling_window_size,calculated_at'
const TMI_CSV = [
  TMI_HEADER,
  '4,0022400001,LAL,-0.06937218462755805,"{""points_scored"": 0.0, ""turnovers"": -0.0}",0.9999997435456076,0.9999997435456076,5,2025-10-23 21:12:50.402785',
  '5,0022400001,GSW,0.5,,,,,2025-10-23 21:12:50.402785',
  '6,0022400001,GSW,0.5,,,,,2025-10-23 21:12:50.402785',
].join('\n')

async function dump(handle: DatabaseHandle, table: 'games' | 'events'): Promise<Array<Record<string, unknown>>> {
  return handle.db.selectFrom(table).selectAll().orderBy(table === 'games' ? 'game_id' : 'event_id').execute() as Promise<Array<Record<string, unknown>>>
}

describeEachDialect('importTable', (dialect) => {
  let testDb: TestDb
  let temp: ReturnType<typeof makeTempDir>
  const write = (name: string, text: string): string => {
    const file = join(temp.dir, name)
    writeFileSync(file, text)
    return file
  }

  beforeEach(async () => {
    testDb = await createTestDb(dialect)
    temp = makeTempDir()
  })
  afterEach(async () => {
    await testDb.cleanup()
    temp.remove()
  })

  it('imports games from CSV, then finds them unchanged, then updates an edited one', async () => {
    const file = write('games.csv', GAMES_CSV)
    expect(await importTable(testDb.handle, 'games', file)).toEqual({ table: 'games', file, rows: 2, added: 2, unchanged: 0, updated: 0 })
    const before = await hashRows(testDb.handle)
    expect(await importTable(testDb.handle, 'games', file)).toMatchObject({ added: 0, unchanged: 2, updated: 0 })
    expect(await hashRows(testDb.handle)).toBe(before)
    const edited = write('games2.csv', GAMES_CSV.replace('Live', 'Final'))
    expect(await importTable(testDb.handle, 'games', edited)).toMatchObject({ added: 0, unchanged: 1, updated: 1 })
    const rows = await dump(testDb.handle, 'games')
    expect(rows[0]).toMatchObject({ game_id: '0022400001', status: 'Final', created_at: expect.stringMatching(/^2025-10-23 16:35:45/) })
    expect(rows[1]!.created_at).not.toBeNull()
  })

  it('round-trips games and events exported as CSV and as NDJSON', async () => {
    const source = await createTestDb(dialect)
    try {
      await importFiles(source.handle, [fixturePath('0022400762')])
      const games = await dump(source.handle, 'games')
      const events = await dump(source.handle, 'events')
      for (const format of ['csv', 'ndjson'] as const) {
        const target = await createTestDb(dialect)
        try {
          const text = (rows: Array<Record<string, unknown>>) =>
            format === 'csv' ? stringify(rows, { header: true }) : rows.map((row) => JSON.stringify(row)).join('\n') + '\n'
          const gamesFile = write(`games.${format}`, text(games))
          const eventsFile = write(`events.${format}`, text(events))
          expect(await importTable(target.handle, 'games', gamesFile)).toMatchObject({ added: 1 })
          expect(await importTable(target.handle, 'events', eventsFile)).toMatchObject({ rows: 648, added: 648, unchanged: 0 })
          expect(await hashRows(target.handle)).toBe(await hashRows(source.handle))
          expect(await importTable(target.handle, 'events', eventsFile)).toMatchObject({ added: 0, unchanged: 648, updated: 0 })
          expect(await hashRows(target.handle)).toBe(await hashRows(source.handle))
        } finally {
          await target.cleanup()
        }
      }
    } finally {
      await source.cleanup()
    }
  })

  it('imports TMI rows once, keeping real duplicates, and ignores an id column', async () => {
    await importTable(testDb.handle, 'games', write('games.csv', GAMES_CSV))
    const file = write('tmi.csv', TMI_CSV)
    expect(await importTable(testDb.handle, 'tmi', file)).toMatchObject({ rows: 3, added: 3, unchanged: 0 })
    const before = await hashRows(testDb.handle)
    expect(await importTable(testDb.handle, 'tmi', file)).toMatchObject({ added: 0, unchanged: 3 })
    expect(await hashRows(testDb.handle)).toBe(before)
    const row = await testDb.handle.db.selectFrom('tmi_calculations').selectAll().where('team_tricode', '=', 'LAL').executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      tmi_value: -0.06937218462755805,
      feature_contributions: '{"points_scored": 0.0, "turnovers": -0.0}',
      rolling_window_size: 5,
      calculated_at: expect.stringMatching(/^2025-10-23 21:12:50\.402785/),
    })
    const ndjson = write('tmi.ndjson', `${JSON.stringify({ game_id: '0022400001', team_tricode: 'GSW', tmi_value: 0.5, calculated_at: '2025-10-23 21:12:50.402785' })}\n`)
    expect(await importTable(testDb.handle, 'tmi', ndjson)).toMatchObject({ added: 0, unchanged: 1 })
    expect(await countRows(testDb.handle, 'tmi_calculations')).toBe(3)
  })

  it.each([
    ['games.csv', 'games', 'game_id,home_team,away_team,game_date,status\n1,A,B,2024-01-15,Live\n2,A,B,15/01/2024,Live', 'row 2: game_date: is "15/01/2024", expected a date YYYY-MM-DD'],
    ['games.csv', 'games', 'game_id,home_team,away_team,game_date,status\n1,A,,2024-01-15,Live', 'row 1: away_team: is empty, a value is required'],
    ['games.csv', 'games', 'game_id,home_team,away_team,game_date,status\n1,A,B,2024-01-15,Live\n1,C,D,2024-01-15,Live', 'row 2: game_id: 1 already appears in row 1'],
    ['games.csv', 'games', 'game_id,home_team,away_team,game_date,status,colour\n1,A,B,2024-01-15,Live,red', 'header: unknown column "colour" (games columns: game_id, home_team, away_team, game_date, status, created_at)'],
    ['games.csv', 'games', 'game_id,home_team,game_date,status\n1,A,2024-01-15,Live', 'header: required column "away_team" is missing'],
    ['games.csv', 'games', 'game_id,home_team,away_team,game_date,status,created_at\n1,A,B,2024-01-15,Live,yesterday', 'row 1: created_at: is "yesterday", expected a timestamp such as "2025-02-06 00:11:07.600000"'],
    ['games.ndjson', 'games', '{"game_id": 22400001, "home_team": "A", "away_team": "B", "game_date": "2024-01-15", "status": "Live"}', 'row 1: game_id: is 22400001, expected text (quote it)'],
    ['games.ndjson', 'games', '{"game_id": "1", "home_team": "A", "away_team": "B", "game_date": "2024-01-15", "status": "Live"}\n\n{"game_id": "2",', /row 2: not valid JSON/],
    ['games.ndjson', 'games', '[1, 2]', 'row 1: expected a JSON object'],
    ['tmi.csv', 'tmi', 'game_id,team_tricode,tmi_value,rolling_window_size\n0022400001,LAL,0.5,five', 'row 1: rolling_window_size: is "five", expected a whole number'],
    ['tmi.csv', 'tmi', 'game_id,team_tricode,tmi_value\n0022400001,LAL,NaN', 'row 1: tmi_value: is "NaN", expected a number'],
    ['tmi.csv', 'tmi', 'game_id,team_tricode,tmi_value\n0022400001,LAL,0.5\nnope,LAL,0.5', 'row 2: game_id: game nope not found (import its games row first)'],
    ['events.csv', 'events', 'event_id,game_id,team_tricode,event_type,clock,period\ne1,0022400001,LAL,shot,PT11M00.00S,1.5', 'row 1: period: is "1.5", expected a whole number'],
    ['events.csv', 'events', 'event_id,game_id,team_tricode,event_type,clock,period\ne1,0022400001,LAL,shot,PT11M00.00S,1\ne2,0022400009,LAL,shot,PT11M00.00S,1', 'row 2: game_id: game 0022400009 not found (import its games row first)'],
    ['events.csv', 'events', 'event_id,game_id,team_tricode,event_type,clock,period\ne1,0022400001,LAL,shot,PT11M00.00S', /not valid CSV \(Invalid Record Length/],
    ['events.txt', 'events', 'x', 'unsupported file type (expected .csv, .ndjson or .jsonl)'],
  ] as const)('rejects %s (%s) with "%s" and stores nothing', async (name, table, text, message) => {
    await importTable(testDb.handle, 'games', write('seed.csv', GAMES_CSV))
    const before = await hashRows(testDb.handle)
    const file = write(name, text)
    const pending = importTable(testDb.handle, table, file)
    if (typeof message === 'string') await expect(pending).rejects.toThrow(`${file}: ${message}`)
    else await expect(pending).rejects.toThrow(message)
    expect(await hashRows(testDb.handle)).toBe(before)
  })

  it('stores no event of a file when the database refuses one of them', async () => {
    await importTable(testDb.handle, 'games', write('games.csv', GAMES_CSV))
    const header = 'event_id,game_id,team_tricode,event_type,clock,period'
    await importTable(testDb.handle, 'events', write('first.csv', `${header}\ne9,0022400002,BOS,shot,PT11M00.00S,1`))
    const before = await hashRows(testDb.handle)
    const clash = write('clash.csv', `${header}\ne1,0022400001,LAL,shot,PT11M00.00S,1\ne9,0022400001,LAL,shot,PT11M00.00S,1`)
    await expect(importTable(testDb.handle, 'events', clash)).rejects.toThrow(`${clash}: event e9 already belongs to game 0022400002, not 0022400001`)
    expect(await hashRows(testDb.handle)).toBe(before)
  })

  it('names a file that does not exist', async () => {
    const file = join(temp.dir, 'gone.csv')
    await expect(importTable(testDb.handle, 'games', file)).rejects.toThrow(`${file}: does not exist`)
  })
})
