import { describe, expect, it } from 'vitest'
import { computeTmi } from './compute-tmi'
import { momentum2Game, toEvents, vectorA } from './test-events'
import type { TmiPoint } from './tmi-types'

const { sqrt } = Math

function expectContributions(point: TmiPoint | undefined, expected: Record<string, number>): void {
  const contributions = point?.featureContributions ?? {}
  expect(Object.keys(contributions)).toEqual(Object.keys(expected))
  for (const [name, value] of Object.entries(expected)) expect(contributions[name]).toBeCloseTo(value, 12)
  const total = Object.values(expected).reduce((sum, value) => sum + value, 0)
  expect(point?.tmiValue).toBeCloseTo(total, 12)
}

describe('computeTmi with momentum-2', () => {
  describe('with default parameters', () => {
    const points = computeTmi(momentum2Game)

    it('is the default algorithm and emits one point per possession in game order', () => {
      expect(points.map((point) => [point.possessionNumber, point.teamTricode, point.period, point.clock, point.elapsedSeconds])).toEqual([
        [1, 'BOS', 1, 'PT11M30.00S', 30],
        [2, 'MIA', 1, 'PT11M10.00S', 50],
        [3, 'BOS', 1, 'PT11M00.00S', 60],
        [4, 'MIA', 1, 'PT10M40.00S', 80],
        [5, 'BOS', 1, 'PT10M20.00S', 100],
        [6, 'MIA', 1, 'PT10M00.00S', 120],
        [7, 'BOS', 1, 'PT09M58.00S', 122],
        [8, 'MIA', 2, '11:40', 740],
        [9, 'BOS', 2, '11:15', 765],
      ])
    })

    it('stays at 0 while no team has more possessions than the window of 5', () => {
      expect(points.every((point) => point.tmiValue === 0)).toBe(true)
      expect(points.map((point) => point.rollingWindowSize)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5])
      expect(points.at(-1)?.confidenceScore).toBe(1)
    })
  })

  describe('with a window of 2', () => {
    // BOS possessions (pts, fg%, reb, tov, fouls): P1 3,.5,1,0,0  P3 2,0,1,0,0  P5 0,0,0,1,0  P7 0,0,1,0,1  P9 0,0,1,1,1
    // MIA possessions: P2 0,0,0,0,0  P4 2,1,0,0,1  P6 2,1,0,0,0  P8 2,1,0,0,0
    const points = computeTmi(momentum2Game, { parameters: { windowSize: 2 } })

    it('is 0 while the history is the window', () => {
      expect(points.slice(0, 4).map((point) => point.tmiValue)).toEqual([0, 0, 0, 0])
      expect(points.slice(0, 4).map((point) => point.confidenceScore)).toEqual([0.5, 0.5, 1, 1])
    })

    it('scores BOS after P5 against its history of 3', () => {
      // pts: window [2,0] → 1, history [3,2,0] mean 5/3 sd √(7/3); fg: 0 vs [.5,0,0] mean 1/6 sd √(1/12)
      // reb: .5 vs [1,1,0] mean 2/3 sd √(1/3); tov: .5 vs [0,0,1] mean 1/3 sd √(1/3); fouls: no spread
      expectContributions(points[4], {
        points_scored: 0.4 * ((1 - 5 / 3) / sqrt(7 / 3)),
        fg_percentage: 0.25 * ((0 - 1 / 6) / sqrt(1 / 12)),
        rebounds: 0.15 * ((0.5 - 2 / 3) / sqrt(1 / 3)),
        turnovers: -0.15 * ((0.5 - 1 / 3) / sqrt(1 / 3)),
        fouls: -0,
      })
      expect(points[4]?.tmiValue).toBeCloseTo(-0.405514, 6)
    })

    it('scores MIA after P6, where points are no longer always 0', () => {
      // pts: 2 vs [0,2,2] mean 4/3 sd 2/√3; fg: 1 vs [0,1,1] mean 2/3 sd √(1/3); fouls: .5 vs [0,1,0] mean 1/3 sd √(1/3)
      expectContributions(points[5], {
        points_scored: 0.4 * (1 / sqrt(3)),
        fg_percentage: 0.25 * sqrt(1 / 3),
        rebounds: 0,
        turnovers: -0,
        fouls: -0.05 * (sqrt(3) / 6),
      })
      expect(Object.is(points[5]?.featureContributions.turnovers, -0)).toBe(true)
    })

    it('scores BOS after P7 with round numbers', () => {
      // pts: 0 vs [3,2,0,0] mean 5/4 sd 3/2 → −5/6; fg: 0 vs [.5,0,0,0] mean 1/8 sd 1/4 → −1/2
      // reb: .5 vs [1,1,0,1] → −1/2; tov: .5 vs [0,0,1,0] → 1/2; fouls: .5 vs [0,0,0,1] → 1/2
      expectContributions(points[6], { points_scored: -1 / 3, fg_percentage: -0.125, rebounds: -0.075, turnovers: -0.075, fouls: -0.025 })
      expect(points[6]?.tmiValue).toBeCloseTo(-0.633333333333, 12)
    })

    it('scores MIA after P8', () => {
      // pts: 2 vs [0,2,2,2] mean 3/2 sd 1 → 1/2; fg: 1 vs [0,1,1,1] mean 3/4 sd 1/2 → 1/2; fouls: 0 vs [0,1,0,0] → −1/2
      expectContributions(points[7], { points_scored: 0.2, fg_percentage: 0.125, rebounds: 0, turnovers: -0, fouls: 0.025 })
      expect(points[7]?.tmiValue).toBeCloseTo(0.35, 12)
    })

    it('scores BOS after P9 against its history of 5', () => {
      // pts: 0 vs [3,2,0,0,0] mean 1 sd √2; fg: 0 vs [.5,0,0,0,0] mean .1 sd √.05; reb: 1 vs [1,1,0,1,1] mean .8 sd √.2
      // tov: .5 vs [0,0,1,0,1] mean .4 sd √.3; fouls: 1 vs [0,0,0,1,1] mean .4 sd √.3
      expectContributions(points[8], {
        points_scored: 0.4 * (-1 / sqrt(2)),
        fg_percentage: 0.25 * (-0.1 / sqrt(0.05)),
        rebounds: 0.15 * (0.2 / sqrt(0.2)),
        turnovers: -0.15 * (0.1 / sqrt(0.3)),
        fouls: -0.05 * (0.6 / sqrt(0.3)),
      })
      expect(points[8]?.tmiValue).toBeCloseTo(-0.409722, 6)
    })
  })

  describe('with other parameters', () => {
    it('keeps the weights’ order and skips a weight that names no feature', () => {
      const weights = { fouls: 1, pace: 3, points_scored: 0.5 }
      const mia = computeTmi(momentum2Game, { parameters: { windowSize: 2, weights } })[5]
      expectContributions(mia, { fouls: sqrt(3) / 6, points_scored: 0.5 / sqrt(3) })
      expect(mia?.tmiValue).toBeCloseTo(1 / sqrt(3), 12)
    })

    it('drops possessions older than the normalization window from the history', () => {
      // BOS after P7, window [P7], history [P3,P5,P7]: pts 0 vs [2,0,0] mean 2/3 sd 2/√3 → −1/√3
      const bos = computeTmi(momentum2Game, { parameters: { windowSize: 1, normalizationWindow: 3 } })[6]
      expect(bos?.featureContributions.points_scored).toBeCloseTo(0.4 * (-1 / sqrt(3)), 12)
      expect(bos?.rollingWindowSize).toBe(1)
    })

    it('uses the default weights for an empty weights record, as the original', () => {
      const [first] = computeTmi(momentum2Game, { parameters: { weights: {} } })
      expect(Object.keys(first?.featureContributions ?? {})).toEqual(['points_scored', 'fg_percentage', 'rebounds', 'turnovers', 'fouls'])
    })

    it('rejects a window size that is not a positive integer', () => {
      expect(() => computeTmi(momentum2Game, { parameters: { windowSize: 0 } })).toThrow(RangeError)
      expect(() => computeTmi(momentum2Game, { parameters: { normalizationWindow: 2.5 } })).toThrow(RangeError)
    })
  })

  describe('with teams and games', () => {
    it('gives no point to a placeholder team’s possessions but keeps the game-wide numbering', () => {
      const events = vectorA.map((event) => (event.eventType === 'period_end' ? { ...event, teamTricode: 'NBA' } : event))
      const points = computeTmi(events, { algorithm: 'momentumml-1', teams: ['LAL', 'GSW'] })
      expect(points.map((point) => [point.possessionNumber, point.teamTricode])).toEqual([
        [2, 'GSW'], [3, 'LAL'], [4, 'LAL'], [5, 'GSW'], [6, 'LAL'],
      ])
      expect(computeTmi(events, { algorithm: 'momentumml-1' })[0]?.teamTricode).toBe('NBA')
    })

    it('never gives a point to possessions without a team', () => {
      const events = vectorA.map((event) => (event.eventType === 'period_end' ? { ...event, teamTricode: '' } : event))
      expect(computeTmi(events, { algorithm: 'momentumml-1' }).map((point) => point.teamTricode)).not.toContain('')
    })

    it('computes interleaved games independently, in order of first appearance, each numbered from 1', () => {
      const other = toEvents([['LAL', 'shot', '11:00', 'Made', 2], ['LAL', 'turnover', '10:00']], 'g2')
      const mixed = [...momentum2Game.slice(0, 8), ...other, ...momentum2Game.slice(8)]
      const points = computeTmi(mixed, { parameters: { windowSize: 2 } })
      expect(points.slice(0, 9)).toEqual(computeTmi(momentum2Game, { parameters: { windowSize: 2 } }))
      expect(points.slice(9).map((point) => [point.possessionNumber, point.teamTricode, point.rollingWindowSize])).toEqual([
        [1, 'LAL', 1], [2, 'LAL', 2],
      ])
    })
  })
})
