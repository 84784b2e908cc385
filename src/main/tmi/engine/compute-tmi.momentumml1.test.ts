import { describe, expect, it } from 'vitest'
import { computeTmi } from './compute-tmi'
import { formatContributionsPython } from './contributions-json'
import { vectorA, vectorB } from './test-events'

const ZERO_CONTRIBUTIONS = '{"points_scored": 0.0, "fg_percentage": 0.0, "rebounds": 0.0, "turnovers": -0.0, "fouls": -0.0}'

describe('computeTmi with momentumml-1', () => {
  describe('with vector A', () => {
    const points = computeTmi(vectorA, { algorithm: 'momentumml-1' })

    it('emits one point per possession in the original (reversed) order', () => {
      expect(points.map((point) => [point.possessionNumber, point.teamTricode, point.rollingWindowSize])).toEqual([
        [1, 'GSW', 1], [2, 'GSW', 2], [3, 'LAL', 1], [4, 'LAL', 2], [5, 'GSW', 3], [6, 'LAL', 3],
      ])
    })

    it('gives tmi 0 with -0.0 for the negative weights', () => {
      for (const point of points) {
        expect(point.tmiValue).toBe(0)
        expect(formatContributionsPython(point.featureContributions)).toBe(ZERO_CONTRIBUTIONS)
        expect(point.predictionProbability).toBe(0.5)
      }
      expect(points.map((point) => point.confidenceScore)).toEqual([0.2, 0.4, 0.2, 0.4, 0.6, 0.6])
    })

    it('places each point at the clock of the possession’s last appended event', () => {
      expect(points.map((point) => [point.clock, point.elapsedSeconds])).toEqual([
        ['0:00', 720], ['10:30', 90], ['10:50', 70], ['11:18', 42], ['11:20', 40], ['11:50', 10],
      ])
    })
  })

  describe('with vector B fed one possession at a time', () => {
    const points = computeTmi(vectorB, { algorithm: 'momentumml-1' })

    it('gives tmi 0 for calls 1–5 while the window fills', () => {
      expect(points).toHaveLength(7)
      expect(points.slice(0, 5).map((point) => [point.tmiValue, point.rollingWindowSize, point.confidenceScore])).toEqual([
        [0, 1, 0.2], [0, 2, 0.4], [0, 3, 0.6], [0, 4, 0.8], [0, 5, 1],
      ])
    })

    it('reproduces call 6 within 1e-12', () => {
      const call6 = points[5]
      expect(call6?.tmiValue).toBeCloseTo(-0.05370143930248978, 12)
      const contributions = call6?.featureContributions ?? {}
      expect(contributions.points_scored).toBe(0)
      expect(contributions.fg_percentage).toBeCloseTo(0.0084757937952601, 12)
      expect(contributions.rebounds).toBeCloseTo(-0.038729833462074155, 12)
      expect(contributions.turnovers).toBeCloseTo(-0.019364916731037095, 12)
      expect(contributions.fouls).toBeCloseTo(-0.004082482904638632, 12)
    })

    it('reproduces call 7, which equals the batch result', () => {
      const call7 = points[6]
      expect(call7?.tmiValue).toBeCloseTo(-0.09156917190042133, 12)
      const contributions = call7?.featureContributions ?? {}
      expect(contributions.fg_percentage).toBeCloseTo(-0.022528177844479184, 12)
      expect(contributions.rebounds).toBeCloseTo(-0.026349301969610384, 12)
      expect(contributions.turnovers).toBeCloseTo(-0.035132402626147204, 12)
      expect(contributions.fouls).toBeCloseTo(-0.007559289460184547, 12)
      expect(call7).toMatchObject({ rollingWindowSize: 5, confidenceScore: 1, possessionNumber: 7, period: 12 })
    })

    it('matches the stored Python values to the last bit', () => {
      expect(points.map((point) => point.tmiValue).slice(5)).toEqual([-0.05370143930248978, -0.09156917190042133])
      expect(formatContributionsPython(points[6]?.featureContributions ?? {})).toBe(
        '{"points_scored": 0.0, "fg_percentage": -0.022528177844479184, "rebounds": -0.026349301969610384, ' +
          '"turnovers": -0.035132402626147204, "fouls": -0.007559289460184547}',
      )
    })
  })
})
