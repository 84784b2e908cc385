import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NewTmiRecord } from '../../shared/domain/tmi'
import type { DatabaseHandle } from '../db/connection'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { createOrUpdateGame } from '../games/games.service'
import { getLatestTmi, getTmiHistory, storeTmi, storeTmiBatch } from './tmi.service'

const record = (overrides: Partial<NewTmiRecord> = {}): NewTmiRecord => ({
  gameId: 'g1',
  teamTricode: 'LAL',
  tmiValue: 0.25,
  featureContributions: { points_scored: 0, fg_percentage: -0.06937218462755805, turnovers: -0 },
  predictionProbability: 0.5,
  confidenceScore: 1,
  rollingWindowSize: 5,
  calculatedAt: '2025-10-23 21:12:50.402785',
  ...overrides,
})

async function tmiCount(handle: DatabaseHandle): Promise<number> {
  const row = await handle.db.selectFrom('tmi_calculations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

describeEachDialect('tmi.service', (dialect) => {
  let test: TestDb
  let handle: DatabaseHandle
  beforeEach(async () => {
    test = await createTestDb(dialect)
    handle = test.handle
    await createOrUpdateGame(handle, { gameId: 'g1', homeTeam: 'LAL', awayTeam: 'GSW', gameDate: '2024-01-15', status: 'Live' })
  })
  afterEach(() => test.cleanup())

  describe('storeTmi', () => {
    it('stores a record and returns it as read back', async () => {
      const stored = await storeTmi(handle, record({ period: 2, clock: '5:00', elapsedSeconds: 1140, possessionNumber: 41, algorithm: 'momentum-2', parameters: { windowSize: 5 } }))
      expect(stored).toEqual({
        id: expect.any(Number),
        gameId: 'g1',
        teamTricode: 'LAL',
        tmiValue: 0.25,
        featureContributions: { points_scored: 0, fg_percentage: -0.06937218462755805, turnovers: -0 },
        predictionProbability: 0.5,
        confidenceScore: 1,
        rollingWindowSize: 5,
        calculatedAt: '2025-10-23T21:12:50.402Z',
        period: 2,
        clock: '5:00',
        elapsedSeconds: 1140,
        possessionNumber: 41,
        algorithm: 'momentum-2',
        parameters: { windowSize: 5 },
      })
    })

    it('writes contributions as the original json.dumps did, and a given string as it is', async () => {
      await storeTmi(handle, record())
      await storeTmi(handle, record({ featureContributions: '{"rebounds":1}' }))
      const texts = await handle.db.selectFrom('tmi_calculations').select('feature_contributions').orderBy('id').execute()
      expect(texts.map((t) => t.feature_contributions)).toEqual([
        '{"points_scored": 0.0, "fg_percentage": -0.06937218462755805, "turnovers": -0.0}',
        '{"rebounds":1}',
      ])
    })

    it('defaults calculated_at to now and the optional columns to null', async () => {
      const { calculatedAt: _omit, ...rest } = record()
      const stored = await storeTmi(handle, { ...rest, predictionProbability: undefined, confidenceScore: undefined, rollingWindowSize: undefined })
      expect(Math.abs(Date.now() - Date.parse(stored.calculatedAt!))).toBeLessThan(60_000)
      expect(stored).toMatchObject({ predictionProbability: null, confidenceScore: null, rollingWindowSize: null, algorithm: null, parameters: null })
    })

    it('rejects an unknown game, a non-finite value and an unreadable time, storing nothing', async () => {
      await expect(storeTmi(handle, record({ gameId: 'nope' }))).rejects.toMatchObject({ code: 'NotFound' })
      await expect(storeTmi(handle, record({ tmiValue: Number.NaN }))).rejects.toMatchObject({ code: 'InvalidInput' })
      await expect(storeTmi(handle, record({ calculatedAt: 'soon' }))).rejects.toMatchObject({ code: 'InvalidInput' })
      expect(await tmiCount(handle)).toBe(0)
    })
  })

  describe('storeTmiBatch', () => {
    it('stores the records in the given order', async () => {
      const batch = Array.from({ length: 2_500 }, (_, i) => record({ tmiValue: i, possessionNumber: i, calculatedAt: '2025-01-01 00:00:00.000000' }))
      expect(await storeTmiBatch(handle, batch)).toBe(2_500)
      const rows = await handle.db.selectFrom('tmi_calculations').select(['id', 'tmi_value']).orderBy('id').execute()
      expect(rows.map((r) => r.tmi_value)).toEqual(batch.map((r) => r.tmiValue))
    })

    it('writes nothing when one record names an unknown game', async () => {
      await expect(storeTmiBatch(handle, [record(), record({ gameId: 'nope' })])).rejects.toMatchObject({ code: 'NotFound', message: expect.stringContaining('nope') })
      expect(await tmiCount(handle)).toBe(0)
    })
  })

  describe('getLatestTmi', () => {
    it('returns the newest row, and a newer row as soon as it is stored', async () => {
      await storeTmi(handle, record({ tmiValue: 0.1, calculatedAt: '2025-01-01 10:00:00.000000' }))
      expect((await getLatestTmi(handle, 'g1', 'LAL'))!.tmiValue).toBe(0.1)
      await storeTmi(handle, record({ tmiValue: 0.2, calculatedAt: '2025-01-01 10:00:01.000000' }))
      expect((await getLatestTmi(handle, 'g1', 'LAL'))!.tmiValue).toBe(0.2)
    })

    it('breaks a tie on calculated_at by the higher id, and compares times, not text', async () => {
      await storeTmi(handle, record({ tmiValue: 0.1, calculatedAt: '2025-01-01 10:00:00.000000' }))
      await storeTmi(handle, record({ tmiValue: 0.2, calculatedAt: '2025-01-01 10:00:00.000000' }))
      // Older, but in the T form that sorts after every space form as text.
      await handle.db.insertInto('tmi_calculations').values({ game_id: 'g1', team_tricode: 'LAL', tmi_value: 0.9, feature_contributions: null, calculated_at: '2025-01-01T09:00:00' }).execute()
      expect((await getLatestTmi(handle, 'g1', 'LAL'))!.tmiValue).toBe(0.2)
    })

    it('filters by algorithm and returns null when nothing matches', async () => {
      await storeTmi(handle, record({ tmiValue: 0.1, algorithm: 'momentumml-1', calculatedAt: '2025-01-01 11:00:00.000000' }))
      await storeTmi(handle, record({ tmiValue: 0.2, algorithm: 'momentum-2', calculatedAt: '2025-01-01 10:00:00.000000' }))
      expect((await getLatestTmi(handle, 'g1', 'LAL', 'momentum-2'))!.tmiValue).toBe(0.2)
      expect((await getLatestTmi(handle, 'g1', 'LAL'))!.tmiValue).toBe(0.1)
      expect(await getLatestTmi(handle, 'g1', 'GSW')).toBeNull()
      expect(await getLatestTmi(handle, 'g1', 'LAL', 'other')).toBeNull()
    })
  })

  describe('getTmiHistory', () => {
    // calculated_at in every stored form: space + fraction, T separator, no fraction, offset.
    const STAMPS = ['2025-10-25 15:21:22.500000', '2025-10-25T15:21:23.878076', '2025-10-25 15:21:24', '2025-10-25 15:21:25.100000']
    beforeEach(async () => {
      for (const [i, stamp] of STAMPS.entries()) {
        await handle.db.insertInto('tmi_calculations').values({ game_id: 'g1', team_tricode: 'LAL', tmi_value: i, feature_contributions: '{}', calculated_at: stamp }).execute()
      }
      await storeTmi(handle, record({ teamTricode: 'GSW', tmiValue: 10, calculatedAt: '2025-10-25 15:21:23.000000', algorithm: 'momentum-2' }))
    })

    it('returns rows oldest first by time whatever their text form, newest first with desc', async () => {
      expect((await getTmiHistory(handle, { gameId: 'g1', team: 'LAL' })).map((r) => r.tmiValue)).toEqual([0, 1, 2, 3])
      expect((await getTmiHistory(handle, { gameId: 'g1', team: 'LAL', order: 'desc' })).map((r) => r.tmiValue)).toEqual([3, 2, 1, 0])
      expect((await getTmiHistory(handle, { gameId: 'g1' })).map((r) => r.tmiValue)).toEqual([0, 10, 1, 2, 3])
    })

    it('applies inclusive from/to bounds as times', async () => {
      const between = await getTmiHistory(handle, { gameId: 'g1', team: 'LAL', from: '2025-10-25T15:21:23Z', to: '2025-10-25 15:21:24' })
      expect(between.map((r) => r.tmiValue)).toEqual([1, 2])
      const since = await getTmiHistory(handle, { gameId: 'g1', from: '2025-10-25 15:21:23.878076' })
      expect(since.map((r) => r.tmiValue)).toEqual([1, 2, 3])
      await expect(getTmiHistory(handle, { gameId: 'g1', from: 'later' })).rejects.toMatchObject({ code: 'InvalidInput' })
    })

    it('filters by algorithm and stops at the limit', async () => {
      expect((await getTmiHistory(handle, { gameId: 'g1', algorithm: 'momentum-2' })).map((r) => r.tmiValue)).toEqual([10])
      expect((await getTmiHistory(handle, { gameId: 'g1', team: 'LAL', limit: 2, order: 'desc' })).map((r) => r.tmiValue)).toEqual([3, 2])
    })
  })

  describe('reading rows other writers left', () => {
    it('reads Python dict reprs and unreadable contributions and parameters without failing', async () => {
      const rows = [
        { feature_contributions: "{'points_scored': 0.0, 'fg_percentage': 0.0857, 'turnovers': -0.0}", parameters: null },
        { feature_contributions: 'not json at all {', parameters: '{broken' },
        { feature_contributions: null, parameters: '[1, 2]' },
      ]
      for (const [i, row] of rows.entries()) {
        await handle.db.insertInto('tmi_calculations').values({ game_id: 'g1', team_tricode: 'HOME', tmi_value: i, calculated_at: `2025-10-25T15:21:2${i}.878076`, ...row }).execute()
      }
      const history = await getTmiHistory(handle, { gameId: 'g1', team: 'HOME' })
      expect(history.map((r) => r.featureContributions)).toEqual([{ points_scored: 0, fg_percentage: 0.0857, turnovers: -0 }, {}, {}])
      expect(history.map((r) => r.parameters)).toEqual([null, null, null])
      expect(history[0]!.calculatedAt).toBe('2025-10-25T15:21:20.878Z')
      expect((await getLatestTmi(handle, 'g1', 'HOME'))!.tmiValue).toBe(2)
    })
  })
})
