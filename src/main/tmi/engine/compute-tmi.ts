import { elapsedSeconds } from './clock'
import { possessionFeatures } from './features'
import { segmentPossessionsMomentum2 } from './possessions-momentum2'
import { segmentPossessionsMomentumml1 } from './possessions-momentumml1'
import { emptyTeamWindow, pushFeatures, scoreTeamWindow, type TeamWindow } from './team-window'
import { DEFAULT_ALGORITHM, resolveParameters } from './tmi-parameters'
import type { TmiAlgorithm, TmiEvent, TmiParameters, TmiPoint, TmiPossession } from './tmi-types'

export interface ComputeTmiOptions {
  algorithm?: TmiAlgorithm
  parameters?: Partial<TmiParameters>
  /** When given, possessions of any other team (placeholders such as 'NBA') get no point. */
  teams?: readonly string[]
}

/** Possessions of one game's events; `teams` applies to momentum-2 (momentumml-1 segments as the original). */
export function segmentPossessions(
  events: readonly TmiEvent[],
  algorithm: TmiAlgorithm = DEFAULT_ALGORITHM,
  teams?: readonly string[],
): TmiPossession[] {
  return algorithm === 'momentumml-1' ? segmentPossessionsMomentumml1(events) : segmentPossessionsMomentum2(events, teams)
}

function groupByGame(events: readonly TmiEvent[]): TmiEvent[][] {
  const games = new Map<string, TmiEvent[]>()
  for (const event of events) {
    const game = games.get(event.gameId)
    if (game === undefined) games.set(event.gameId, [event])
    else game.push(event)
  }
  return [...games.values()]
}

/**
 * One point per possession, in the algorithm's possession order, each computed right after that
 * possession joins its team's window (the original's one-at-a-time mode). Games are independent
 * and come in order of first appearance. Possessions without a team ('') never get a point.
 */
export function computeTmi(events: readonly TmiEvent[], options: ComputeTmiOptions = {}): TmiPoint[] {
  const algorithm = options.algorithm ?? DEFAULT_ALGORITHM
  const parameters = resolveParameters(options.parameters)
  const teams = options.teams
  const points: TmiPoint[] = []
  for (const gameEvents of groupByGame(events)) {
    const windows = new Map<string, TeamWindow>()
    for (const possession of segmentPossessions(gameEvents, algorithm, teams)) {
      const team = possession.teamTricode
      if (team === '' || (teams !== undefined && !teams.includes(team))) continue
      const window = pushFeatures(windows.get(team) ?? emptyTeamWindow(), possessionFeatures(possession), parameters)
      windows.set(team, window)
      points.push({
        teamTricode: team,
        possessionNumber: possession.number,
        period: possession.period,
        clock: possession.clock,
        elapsedSeconds: elapsedSeconds(possession.period, possession.secondsRemaining),
        ...scoreTeamWindow(window, algorithm, parameters),
      })
    }
  }
  return points
}
