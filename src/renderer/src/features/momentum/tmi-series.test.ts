import { describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW_SIZE, defaultAlgorithm, recordAtOrBefore, sortedContributions, tmiAlgorithms, tmiSeries, UNRECORDED_ALGORITHM, windowSizeOf } from './tmi-series'
import { makeTmi } from './test-events'

const teams = { home: 'BOS', away: 'LAL' }

describe('tmiSeries', () => {
  it('returns one row per game second with each team on its own key', () => {
    const records = [
      makeTmi({ teamTricode: 'BOS', tmiValue: 0.5, elapsedSeconds: 30 }),
      makeTmi({ teamTricode: 'LAL', tmiValue: -0.2, period: 1, clock: 'PT11M00.00S' }),
      makeTmi({ teamTricode: 'LAL', tmiValue: 0.1, elapsedSeconds: 30 }),
    ]
    const series = tmiSeries(records, teams, 'momentum-2')
    expect(series.axis).toBe('game-time')
    expect(series.rows.map((r) => [r.x, r.home, r.away])).toEqual([
      [30, 0.5, 0.1],
      [60, undefined, -0.2],
    ])
    expect(series.rows[0]!.homeRecord).toBe(records[0])
  })

  it('keeps only the chosen algorithm and the two teams', () => {
    const records = [makeTmi({ teamTricode: 'BOS', tmiValue: 1, elapsedSeconds: 10, algorithm: 'momentumml-1' }), makeTmi({ teamTricode: 'NYK', tmiValue: 1, elapsedSeconds: 10 })]
    expect(tmiSeries(records, teams, 'momentum-2').rows).toEqual([])
  })

  it('falls back to calculation order when a record has no game time', () => {
    const records = [
      makeTmi({ teamTricode: 'BOS', tmiValue: 1, algorithm: null }),
      makeTmi({ teamTricode: 'LAL', tmiValue: 2, algorithm: null }),
      makeTmi({ teamTricode: 'BOS', tmiValue: 3, algorithm: null }),
    ]
    const series = tmiSeries(records, teams, UNRECORDED_ALGORITHM)
    expect(series.axis).toBe('sequence')
    expect(series.rows.map((r) => [r.x, r.home, r.away])).toEqual([
      [1, 1, 2],
      [2, 3, undefined],
    ])
  })
})

describe('tmiAlgorithms', () => {
  it('lists algorithms and prefers momentum-2', () => {
    const records = [makeTmi({ teamTricode: 'BOS', tmiValue: 1, algorithm: null }), makeTmi({ teamTricode: 'BOS', tmiValue: 1 })]
    expect(tmiAlgorithms(records)).toEqual([UNRECORDED_ALGORITHM, 'momentum-2'])
    expect(defaultAlgorithm(tmiAlgorithms(records))).toBe('momentum-2')
    expect(defaultAlgorithm(['momentumml-1'])).toBe('momentumml-1')
    expect(defaultAlgorithm([])).toBeNull()
  })
})

describe('recordAtOrBefore', () => {
  it('returns the team value its line shows at a position', () => {
    const records = [makeTmi({ teamTricode: 'BOS', tmiValue: 1, elapsedSeconds: 10 }), makeTmi({ teamTricode: 'LAL', tmiValue: 2, elapsedSeconds: 20 })]
    const { rows } = tmiSeries(records, teams, null)
    expect(recordAtOrBefore(rows, 'home', 25)).toBe(records[0])
    expect(recordAtOrBefore(rows, 'away', 15)).toBeNull()
  })
})

describe('sortedContributions', () => {
  it('returns features by size of effect', () => {
    const record = makeTmi({ teamTricode: 'BOS', tmiValue: 1, featureContributions: { a: 0.1, b: -0.5, c: 0.3 } })
    expect(sortedContributions(record).map(([name]) => name)).toEqual(['b', 'c', 'a'])
  })
})

describe('windowSizeOf', () => {
  it('returns the window of the newest computation', () => {
    const records = [makeTmi({ teamTricode: 'BOS', tmiValue: 1, parameters: { windowSize: 3 } }), makeTmi({ teamTricode: 'BOS', tmiValue: 1, parameters: { windowSize: 12 } })]
    expect(windowSizeOf(records)).toBe(12)
  })

  it('falls back to the largest rolling window, then the default', () => {
    expect(windowSizeOf([makeTmi({ teamTricode: 'BOS', tmiValue: 1, rollingWindowSize: 4 }), makeTmi({ teamTricode: 'BOS', tmiValue: 1, rollingWindowSize: 7 })])).toBe(7)
    expect(windowSizeOf([])).toBe(DEFAULT_WINDOW_SIZE)
  })
})
