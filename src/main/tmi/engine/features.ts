import type { PossessionFeatures, TmiPossession } from './tmi-types'

/** The five TMI features of one possession; fg% counts field goals only (no free throws). */
export function possessionFeatures(possession: TmiPossession): PossessionFeatures {
  return {
    teamTricode: possession.teamTricode,
    points_scored: possession.pointsScored,
    fg_percentage: possession.fgAttempts > 0 ? possession.fgMade / possession.fgAttempts : 0,
    rebounds: possession.rebounds,
    turnovers: possession.turnovers,
    fouls: possession.fouls,
  }
}
