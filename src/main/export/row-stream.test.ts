import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../db/test-db'
import { AppFailure } from '../errors/app-failure'
import { eventsExportSource } from './events-export.query'
import { exportEvents } from './events-export.service'
import { MemoryOutput, parseCsv, seedExportData, TMI_SEEDS } from './export-test-helpers'
import { forEachRow, type ExportSource, type RawRow } from './row-stream'
import { readColumnSet } from './table-columns'
import { tmiExportSource } from './tmi-export.query'
import { exportTmi } from './tmi-export.service'

const NO_FILTER = { gameId: null, from: null, end: null }

describe('forEachRow on SQLite', () => {
  let test: TestDb
  beforeAll(async () => {
    test = await createTestDb('sqlite')
    await seedExportData(test.handle)
    // Rows whose game is missing, as a Python-era file without enforced foreign keys can hold.
    test.handle.sqlite!.pragma('foreign_keys = OFF')
    await test.handle.db.insertInto('tmi_calculations').values([
      { game_id: 'zz-orphan', team_tricode: 'LAL', tmi_value: -1, calculated_at: '2025-01-01 00:00:00' },
      { game_id: 'aa-orphan', team_tricode: 'BOS', tmi_value: 1, calculated_at: '2025-01-01 00:00:00' },
    ]).execute()
    await test.handle.db.insertInto('events').values({ event_id: 'orphan-1', game_id: 'aa-orphan', team_tricode: 'BOS', event_type: 'shot', clock: '1:00', period: 4 }).execute()
    test.handle.sqlite!.pragma('foreign_keys = ON')
  })
  afterAll(() => test.cleanup())

  const rowsOf = async (source: ExportSource) => {
    const rows: RawRow[] = []
    await forEachRow(test.handle, source, (row) => void rows.push(row))
    return rows
  }

  it('reads the same rows game by game as in one query, rows without a game last', async () => {
    const tmiColumns = await readColumnSet(test.handle, 'tmi_calculations', 't')
    const tmi = tmiExportSource(test.handle.db, 'sqlite', tmiColumns, { ...NO_FILTER, team: null, algorithm: null })
    const byGame = await rowsOf(tmi)
    expect(byGame).toEqual(await rowsOf({ query: tmi.query }))
    expect(byGame).toHaveLength(TMI_SEEDS.length + 2)
    expect(byGame.slice(-2).map((row) => [row[0], row[1]])).toEqual([['aa-orphan', null], ['zz-orphan', null]])

    const eventColumns = await readColumnSet(test.handle, 'events', 'e')
    const events = eventsExportSource(test.handle.db, 'sqlite', eventColumns, { ...NO_FILTER, team: null, eventType: null, period: null })
    const eventRows = await rowsOf(events)
    expect(eventRows).toEqual(await rowsOf({ query: events.query }))
    expect(eventRows.at(-1)![0]).toBe('orphan-1')
  })

  it('leaves rows without a game out of a date range and keeps them for their game id', async () => {
    const dated = new MemoryOutput()
    await exportTmi(test.handle, { from: '2024-01-01' }, dated)
    expect(parseCsv(dated.text()).rows.map((row) => row.game_id)).not.toContain('aa-orphan')
    const one = new MemoryOutput()
    await exportEvents(test.handle, { gameId: 'aa-orphan' }, one)
    expect(parseCsv(one.text()).rows.map((row) => [row.event_id, row.game_date])).toEqual([['orphan-1', '']])
  })

  it('ends its read transaction and frees the connection when the consumer fails', async () => {
    const columns = await readColumnSet(test.handle, 'tmi_calculations', 't')
    const source = tmiExportSource(test.handle.db, 'sqlite', columns, { ...NO_FILTER, team: null, algorithm: null })
    let seen = 0
    const failing = forEachRow(test.handle, source, () => {
      seen += 1
      return seen === 3 ? Promise.reject(new AppFailure('Cancelled', 'stop')) : undefined
    })
    await expect(failing).rejects.toMatchObject({ code: 'Cancelled' })
    expect(test.handle.sqlite!.inTransaction).toBe(false)
    const count = await test.handle.db.selectFrom('games').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(count.n).toBe(4)
  })
})
