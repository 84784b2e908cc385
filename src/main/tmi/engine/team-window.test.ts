import { describe, expect, it } from 'vitest'
import { formatContributionsPython } from './contributions-json'
import { possessionFeatures } from './features'
import { segmentPossessionsMomentumml1 } from './possessions-momentumml1'
import { emptyTeamWindow, pushFeatures, scoreTeamWindow, type TeamWindow } from './team-window'
import { vectorA, vectorB } from './test-events'
import { DEFAULT_PARAMETERS, resolveParameters } from './tmi-parameters'
import type { TmiEvent } from './tmi-types'

const parameters = resolveParameters()

/** The original's batch mode: every possession of the team enters the window, then one TMI. */
function batch(events: readonly TmiEvent[], team: string): TeamWindow {
  return segmentPossessionsMomentumml1(events)
    .filter((possession) => possession.teamTricode === team)
    .reduce((window, possession) => pushFeatures(window, possessionFeatures(possession), parameters), emptyTeamWindow())
}


describe('scoreTeamWindow', () => {
  describe('with momentumml-1 and vector A in one batch', () => {
    it('gives both teams tmi 0 over a window of 3', () => {
      for (const team of ['GSW', 'LAL']) {
        const score = scoreTeamWindow(batch(vectorA, team), 'momentumml-1', parameters)
        expect(score).toMatchObject({ tmiValue: 0, rollingWindowSize: 3, confidenceScore: 0.6, predictionProbability: 0.5 })
        expect(formatContributionsPython(score.featureContributions)).toBe(
          '{"points_scored": 0.0, "fg_percentage": 0.0, "rebounds": 0.0, "turnovers": -0.0, "fouls": -0.0}',
        )
      }
    })
  })

  describe('with momentumml-1 and vector B in one batch', () => {
    it('reproduces the original result within 1e-12', () => {
      const score = scoreTeamWindow(batch(vectorB, 'LAL'), 'momentumml-1', parameters)
      expect(score.tmiValue).toBeCloseTo(-0.09156917190042133, 12)
      expect(Object.keys(score.featureContributions)).toEqual(Object.keys(DEFAULT_PARAMETERS.weights))
      const { points_scored, fg_percentage, rebounds, turnovers, fouls } = score.featureContributions
      expect(points_scored).toBe(0)
      expect(fg_percentage).toBeCloseTo(-0.022528177844479184, 12)
      expect(rebounds).toBeCloseTo(-0.026349301969610384, 12)
      expect(turnovers).toBeCloseTo(-0.035132402626147204, 12)
      expect(fouls).toBeCloseTo(-0.007559289460184547, 12)
      expect(score).toMatchObject({ rollingWindowSize: 5, confidenceScore: 1, predictionProbability: 0.5 })
    })

    it('matches the hand check of the fg term', () => {
      // window fg% [0, 1, 1, 0, 1] → 0.6; history of 7: mean 0.642857…, sample sd 0.475595…
      const z = (0.6 - 0.6428571428571429) / 0.47559486560567094
      expect(scoreTeamWindow(batch(vectorB, 'LAL'), 'momentumml-1', parameters).featureContributions.fg_percentage).toBe(0.25 * z)
    })
  })

  describe('with an empty window', () => {
    it('is neutral with the configured window size, as the original', () => {
      expect(scoreTeamWindow(emptyTeamWindow(), 'momentum-2', parameters)).toEqual({
        tmiValue: 0, featureContributions: {}, rollingWindowSize: 5, predictionProbability: 0.5, confidenceScore: 0,
      })
    })
  })
})
