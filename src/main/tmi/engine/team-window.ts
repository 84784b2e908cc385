/*
 * One team's rolling window (the last `windowSize` possessions) and feature histories (the last
 * `normalizationWindow`, including the window's own possessions, as in the original). Each
 * feature's window mean is z-scored against its history. momentumml-1 z-scores points against
 * the window itself, so its points contribution is always 0; momentum-2 uses the points history.
 */
import { mean, zScore } from './statistics'
import { FEATURE_NAMES, isFeatureName } from './tmi-parameters'
import type { FeatureName, PossessionFeatures, TmiAlgorithm, TmiParameters } from './tmi-types'

export interface TeamWindow {
  readonly window: readonly PossessionFeatures[]
  readonly history: Readonly<Record<FeatureName, readonly number[]>>
}

export interface TmiScore {
  tmiValue: number
  featureContributions: Record<string, number>
  rollingWindowSize: number
  predictionProbability: number
  confidenceScore: number
}

/** The original had no trained predictor in this path, so the probability is always neutral. */
const NEUTRAL_PREDICTION = 0.5

export function emptyTeamWindow(): TeamWindow {
  return {
    window: [],
    history: { points_scored: [], fg_percentage: [], rebounds: [], turnovers: [], fouls: [] },
  }
}

/** A new state with one more possession in the window and the histories. */
export function pushFeatures(state: TeamWindow, features: PossessionFeatures, parameters: TmiParameters): TeamWindow {
  const history = { ...state.history }
  for (const name of FEATURE_NAMES) {
    history[name] = [...state.history[name], features[name]].slice(-parameters.normalizationWindow)
  }
  return { window: [...state.window, features].slice(-parameters.windowSize), history }
}

function normalizedFeatures(state: TeamWindow, algorithm: TmiAlgorithm): Record<FeatureName, number> {
  const normalized = {} as Record<FeatureName, number>
  for (const name of FEATURE_NAMES) {
    const windowValues = state.window.map((features) => features[name])
    const history = algorithm === 'momentumml-1' && name === 'points_scored' ? windowValues : state.history[name]
    normalized[name] = zScore(mean(windowValues), history)
  }
  return normalized
}

/** The TMI of the team's current window; weights that name no feature are skipped. */
export function scoreTeamWindow(state: TeamWindow, algorithm: TmiAlgorithm, parameters: TmiParameters): TmiScore {
  const size = state.window.length
  if (size === 0) {
    return {
      tmiValue: 0,
      featureContributions: {},
      rollingWindowSize: parameters.windowSize,
      predictionProbability: NEUTRAL_PREDICTION,
      confidenceScore: 0,
    }
  }
  const normalized = normalizedFeatures(state, algorithm)
  const featureContributions: Record<string, number> = {}
  let tmiValue = 0
  for (const [name, weight] of Object.entries(parameters.weights)) {
    if (!isFeatureName(name)) continue
    const contribution = weight * normalized[name]
    featureContributions[name] = contribution
    tmiValue += contribution
  }
  return {
    tmiValue,
    featureContributions,
    rollingWindowSize: size,
    predictionProbability: NEUTRAL_PREDICTION,
    confidenceScore: Math.min(size / parameters.windowSize, 1),
  }
}
