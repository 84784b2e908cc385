export type {
  FeatureName,
  PossessionFeatures,
  TmiAlgorithm,
  TmiEvent,
  TmiParameters,
  TmiPoint,
  TmiPossession,
} from './tmi-types'
export { DEFAULT_ALGORITHM, DEFAULT_PARAMETERS, FEATURE_NAMES, resolveParameters } from './tmi-parameters'
export { computeTmi, segmentPossessions, type ComputeTmiOptions } from './compute-tmi'
export { segmentPossessionsMomentumml1, orderEventsMomentumml1 } from './possessions-momentumml1'
export { segmentPossessionsMomentum2 } from './possessions-momentum2'
export { orderEventsMomentum2, scoringPoints, type OrderedEvent } from './game-order'
export { possessionFeatures } from './features'
export { emptyTeamWindow, pushFeatures, scoreTeamWindow, type TeamWindow, type TmiScore } from './team-window'
export { mean, sampleStdev, zScore } from './statistics'
export { elapsedSeconds, parseClockMomentumml1, parseClockSeconds, parsePythonFloat, periodLengthSeconds } from './clock'
export { formatContributionsPython, formatPythonFloat, formatPythonJsonString } from './contributions-json'
export { parseContributions } from './contributions-parse'
