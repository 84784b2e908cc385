import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../db/migrator'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import type { NewTmi } from '../db/schema'
import { FEATURE_NAMES } from '../tmi/engine'
import {
  EXTRA_KEYS, GAMES, isSafeCell, MemoryOutput, parseCsv, seedExportData, showsNumber, showsText, TMI_SEEDS, type ParsedCsv,
} from './export-test-helpers'
import { exportTmi, type TmiExportOptions } from './tmi-export.service'

const BASE = [
  'game_id', 'game_date', 'home_team', 'away_team', 'team', 'tmi_value', 'prediction_probability', 'confidence_score',
  'rolling_window_size', 'calculated_at', 'period', 'clock', 'elapsed_seconds', 'possession_number', 'algorithm',
]
const NUMERIC_BASE = ['tmi_value', 'prediction_probability', 'confidence_score', 'rolling_window_size', 'period', 'elapsed_seconds', 'possession_number']
const KEYS = [...FEATURE_NAMES, ...EXTRA_KEYS]
const TEXT_OF_ROW = (row: NewTmi) => [row.game_id, row.team_tricode, row.clock ?? null, row.algorithm ?? null]

describeEachDialect('exportTmi', (dialect) => {
  let test: TestDb
  const run = async (options: TmiExportOptions = {}) => {
    const out = new MemoryOutput()
    const result = await exportTmi(test.handle, options, out)
    return { result, out, csv: parseCsv(out.text(), options.delimiter) }
  }

  beforeAll(async () => {
    test = await createTestDb(dialect)
    await seedExportData(test.handle)
  })
  afterAll(() => test.cleanup())

  describe('in columns mode', () => {
    it('writes one row per calculation, in export order, with every value the database holds', async () => {
      const { result, csv } = await run()
      expect(csv.header).toEqual([...BASE, ...KEYS.map((key) => `contribution_${key}`)])
      expect(result).toEqual({ rows: TMI_SEEDS.length, columns: csv.header })
      expect(csv.rows).toHaveLength(TMI_SEEDS.length)
      TMI_SEEDS.forEach((seed, index) => {
        const row = csv.rows[index]!
        const game = GAMES.find((g) => g.game_id === seed.row.game_id)!
        const where = `row ${index} (${JSON.stringify(row)})`
        for (const [name, value] of [['game_id', game.game_id], ['game_date', game.game_date], ['home_team', game.home_team], ['away_team', game.away_team],
          ['team', seed.row.team_tricode], ['clock', seed.row.clock], ['algorithm', seed.row.algorithm], ['calculated_at', seed.calculatedAt]] as const) {
          expect(showsText(row[name], value), `${name} of ${where}`).toBe(true)
        }
        for (const name of NUMERIC_BASE) {
          const value = (name === 'team' ? null : seed.row[name === 'team' ? 'team_tricode' : (name as keyof NewTmi)]) as number | null | undefined
          expect(showsNumber(row[name], value ?? null), `${name} of ${where}`).toBe(true)
        }
        for (const key of KEYS) expect(showsNumber(row[`contribution_${key}`], seed.contributions[key] ?? null), `${key} of ${where}`).toBe(true)
      })
    })

    it('neutralises every text cell a spreadsheet would run and keeps numbers as numbers', async () => {
      const { csv, out } = await run()
      const numeric = new Set([...NUMERIC_BASE, ...KEYS.map((key) => `contribution_${key}`)])
      for (const row of csv.rows) for (const [name, cell] of Object.entries(row)) expect(isSafeCell(cell, numeric.has(name)), `${name}: ${JSON.stringify(cell)}`).toBe(true)
      expect(csv.rows[3]!.tmi_value).toBe('-0.42')
      expect(csv.rows[8]!.team).toBe(`'=HYPERLINK("x")`)
      expect(csv.rows[8]!.clock).toBe("'-2")
      expect(csv.header).toContain('contribution_=x,y')
      expect(out.text()).toContain('"contribution_=x,y"')
    })

    it('keeps formula-like text as it is with raw', async () => {
      const { csv } = await run({ raw: true })
      TMI_SEEDS.forEach((seed, index) => {
        const [gameId, team, clock, algorithm] = TEXT_OF_ROW(seed.row)
        expect([csv.rows[index]!.game_id, csv.rows[index]!.team, csv.rows[index]!.clock, csv.rows[index]!.algorithm]).toEqual([gameId, team, clock ?? '', algorithm ?? ''])
      })
      expect(csv.rows.map((row) => row.home_team)).toContain('=HYPERLINK("x")')
    })

    it('writes contributions verbatim from stored JSON and reads Python dict repr and NaN', async () => {
      const { csv } = await run()
      expect(csv.rows[0]!.contribution_turnovers).toBe('-0.0')
      expect(csv.rows[3]!.contribution_fouls).toBe('1e-05')
      expect(csv.rows[1]!.contribution_fg_percentage).toBe('-0.42')
      expect(csv.rows[2]!.contribution_points_scored).toBe('NaN')
      expect(csv.rows[7]!.contribution_rebounds).toBe('')
    })

    it('writes a BOM and CRLF line ends in excel mode, with the same cells', async () => {
      const plain = await run()
      const { out, csv } = await run({ excel: true })
      expect([...out.bytes().subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(lineEnds(out.text())).toEqual(new Set(['\r\n']))
      expect(csv).toEqual(plain.csv)
    })

    it('writes the same cells with ; as the delimiter', async () => {
      const plain = await run()
      const { out, csv } = await run({ delimiter: ';' })
      expect(out.text().split('\n', 1)[0]).toContain('game_id;game_date;')
      expect(csv).toEqual(plain.csv)
    })
  })

  describe('in json mode', () => {
    it('writes feature_contributions as JSON text instead of contribution columns', async () => {
      const { csv } = await run({ contributions: 'json' })
      expect(csv.header).toEqual([...BASE, 'feature_contributions'])
      TMI_SEEDS.forEach((seed, index) => {
        const cell = csv.rows[index]!.feature_contributions!
        const stored = seed.row.feature_contributions
        if (stored === null || stored === undefined || stored === '') expect(cell).toBe('')
        else if (stored === '=cmd') expect(cell).toBe("'=cmd")
        else if (stored.includes('NaN')) expect(cell).toBe(stored)
        else expect(JSON.parse(cell)).toEqual(seed.contributions)
      })
      expect(csv.rows[0]!.feature_contributions).toBe(TMI_SEEDS[0]!.row.feature_contributions)
      expect(csv.rows[1]!.feature_contributions).toBe('{"points_scored": 0.5, "fg_percentage": -0.42, "rebounds": 0.0, "turnovers": -0.15, "fouls": -0.05}')
    })
  })

  describe('with filters', () => {
    const games = (csv: ParsedCsv) => csv.rows.map((row) => row.game_id)
    it('exports one game', async () => {
      const { csv } = await run({ gameId: '0022400002', raw: true })
      expect(csv.rows.map((row) => row.team)).toEqual(['=HYPERLINK("x")', '+1', '@SUM(A1)'])
      expect(csv.header).toEqual([...BASE, ...FEATURE_NAMES.map((key) => `contribution_${key}`)])
    })

    it('exports one team', async () => {
      const { csv } = await run({ team: 'BOS' })
      expect(csv.rows.map((row) => row.tmi_value)).toEqual(['0.5', '1.25', '0.75'])
    })

    it('exports one algorithm', async () => {
      const { csv } = await run({ algorithm: 'momentumml-1' })
      expect(csv.rows.map((row) => row.possession_number)).toEqual(['1', '2'])
      expect(csv.header.at(-1)).toBe('contribution_clutch')
    })

    it('bounds game dates inclusively', async () => {
      expect(games((await run({ from: '2024-10-23', to: '2024-11-01', raw: true })).csv)).toEqual(['0022400002', '0022400002', '0022400002', '-2', '-2'])
      expect(new Set(games((await run({ to: '2024-10-22' })).csv))).toEqual(new Set(['0022400001']))
      expect((await run({ from: '2024-12-01' })).result.rows).toBe(0)
    })

    it('rejects a malformed date, an inverted range, an unknown delimiter and mode', async () => {
      await expect(run({ from: '2024-13-01' })).rejects.toMatchObject({ code: 'InvalidInput' })
      await expect(run({ from: '2024-11-02', to: '2024-11-01' })).rejects.toMatchObject({ code: 'InvalidInput' })
      await expect(run({ delimiter: ':' })).rejects.toMatchObject({ code: 'InvalidInput' })
      await expect(run({ contributions: 'xml' as 'json' })).rejects.toMatchObject({ code: 'InvalidInput' })
    })
  })

  describe('cancellation and progress', () => {
    it('fails with Cancelled when the signal is already aborted', async () => {
      await expect(run({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'Cancelled' })
    })

    it('fails with Cancelled when aborted while waiting for the output', async () => {
      const controller = new AbortController()
      const out = new MemoryOutput(() => controller.abort())
      await expect(exportTmi(test.handle, { signal: controller.signal }, out)).rejects.toMatchObject({ code: 'Cancelled' })
      expect(out.chunks).toHaveLength(1)
      const again = await run()
      expect(again.result.rows).toBe(TMI_SEEDS.length)
    })
  })
})

describeEachDialect('exportTmi on many rows', (dialect) => {
  let test: TestDb
  const ROWS = 30_000
  beforeAll(async () => {
    test = await createTestDb(dialect)
    await test.handle.db.insertInto('games').values(GAMES[0]!).execute()
    for (let start = 0; start < ROWS; start += 1_000) {
      const rows: NewTmi[] = Array.from({ length: 1_000 }, (_, offset) => {
        const n = start + offset + 1
        return {
          game_id: '0022400001', team_tricode: n % 2 ? 'LAL' : 'BOS', tmi_value: -n / 7, possession_number: n, algorithm: 'momentum-2',
          feature_contributions: `{"points_scored": ${n}.5, "fg_percentage": -0.25, "rebounds": 0.0, "turnovers": -0.0, "fouls": 1e-05}`,
          calculated_at: '2025-10-24 10:00:00',
        }
      })
      await test.handle.db.insertInto('tmi_calculations').values(rows).execute()
    }
  })
  afterAll(() => test.cleanup())

  it('streams every row in possession order and reports progress along the way', async () => {
    const progress: number[] = []
    const out = new MemoryOutput()
    const result = await exportTmi(test.handle, { onProgress: (rows) => progress.push(rows), progressEvery: 10_000 }, out)
    const { rows } = parseCsv(out.text())
    expect(result.rows).toBe(ROWS)
    expect(rows.map((row) => Number(row.possession_number))).toEqual(Array.from({ length: ROWS }, (_, index) => index + 1))
    expect(rows.every((row, index) => Number(row.tmi_value) === -(index + 1) / 7 && row.contribution_points_scored === `${index + 1}.5`)).toBe(true)
    expect(progress.at(-1)).toBe(ROWS)
    expect(progress.length).toBeGreaterThanOrEqual(3)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  })

  it('stops with Cancelled midway and releases the connection', async () => {
    const controller = new AbortController()
    const out = new MemoryOutput()
    const attempt = exportTmi(test.handle, { signal: controller.signal, progressEvery: 1, onProgress: (rows) => rows > 0 && controller.abort() }, out)
    await expect(attempt).rejects.toMatchObject({ code: 'Cancelled' })
    expect(parseCsv(out.text()).rows.length).toBeLessThan(ROWS)
    const count = await test.handle.db.selectFrom('tmi_calculations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(ROWS)
  })
})

describeEachDialect('exportTmi on a database the Python app wrote', (dialect) => {
  let test: TestDb
  beforeAll(async () => {
    test = await createTestDb(dialect, { migrated: false })
    const run = await migrate(test.handle, { to: '003' })
    if (run.error) throw new Error(run.error.message)
    await test.handle.db.insertInto('games').values(GAMES[0]!).execute()
    await test.handle.db.insertInto('tmi_calculations').values(TMI_SEEDS.slice(0, 3).map((seed) => ({
      game_id: seed.row.game_id, team_tricode: seed.row.team_tricode, tmi_value: seed.row.tmi_value, feature_contributions: seed.row.feature_contributions,
      prediction_probability: 0.5, confidence_score: 0.25, rolling_window_size: 5, calculated_at: seed.row.calculated_at,
    })) as NewTmi[]).execute()
  })
  afterAll(() => test.cleanup())

  it('reads the columns our migrations add as empty', async () => {
    const out = new MemoryOutput()
    await exportTmi(test.handle, {}, out)
    const { rows } = parseCsv(out.text())
    expect(rows.map((row) => [row.team, row.period, row.algorithm, row.possession_number])).toEqual([['LAL', '', '', ''], ['BOS', '', '', ''], ['LAL', '', '', '']])
    expect(rows[1]!.contribution_turnovers).toBe('-0.15')
  })

  it('finds no rows for an algorithm filter', async () => {
    const out = new MemoryOutput()
    expect((await exportTmi(test.handle, { algorithm: 'momentum-2' }, out)).rows).toBe(0)
  })
})

/** The record delimiters outside quoted fields. */
function lineEnds(text: string): Set<string> {
  const ends = new Set<string>()
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charAt(index)
    if (character === '"') quoted = !quoted
    else if (!quoted && character === '\n') ends.add(text.charAt(index - 1) === '\r' ? '\r\n' : '\n')
    else if (!quoted && character === '\r' && text.charAt(index + 1) !== '\n') ends.add('\r')
  }
  return ends
}
