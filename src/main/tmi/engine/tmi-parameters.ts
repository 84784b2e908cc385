import type { FeatureName, TmiAlgorithm, TmiParameters } from './tmi-types'

export const DEFAULT_ALGORITHM: TmiAlgorithm = 'momentum-2'

export const FEATURE_NAMES: readonly FeatureName[] = ['points_scored', 'fg_percentage', 'rebounds', 'turnovers', 'fouls']

export const DEFAULT_PARAMETERS: Readonly<TmiParameters> = Object.freeze({
  windowSize: 5,
  normalizationWindow: 20,
  weights: Object.freeze({ points_scored: 0.4, fg_percentage: 0.25, rebounds: 0.15, turnovers: -0.15, fouls: -0.05 }),
})

export function isFeatureName(name: string): name is FeatureName {
  return (FEATURE_NAMES as readonly string[]).includes(name)
}

/**
 * Fills in defaults. Weights replace the defaults as a whole; an empty record means the defaults,
 * as the original's `tmi_weights or {...}` did. Window sizes must be positive integers.
 */
export function resolveParameters(parameters: Partial<TmiParameters> = {}): TmiParameters {
  const windowSize = parameters.windowSize ?? DEFAULT_PARAMETERS.windowSize
  const normalizationWindow = parameters.normalizationWindow ?? DEFAULT_PARAMETERS.normalizationWindow
  for (const [name, value] of [['windowSize', windowSize], ['normalizationWindow', normalizationWindow]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`)
  }
  const given = parameters.weights
  const weights = given !== undefined && Object.keys(given).length > 0 ? given : DEFAULT_PARAMETERS.weights
  return { windowSize, normalizationWindow, weights: { ...weights } }
}
