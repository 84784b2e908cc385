import { invalidAction } from './import-failure'
import type { NbaAction } from './nba-play-by-play'

/** team_tricode of actions without a team, and home/away while a side is still unknown. */
export const NO_TEAM = '---'

export interface GameSides {
  home: string
  away: string
}

/**
 * The liveData file never says which team is home. A made shot raises scoreHome for the home team
 * and scoreAway for the away team, so each team leans to the side its scoring raised more often.
 * Before any score, a side is unknown (`---`) until the next version of the file.
 */
export function deriveSides(actions: readonly NbaAction[], source: string): GameSides {
  const teams: string[] = []
  const lean = new Map<string, number>()
  let home = 0
  let away = 0
  for (const action of actions) {
    const team = action.teamTricode
    if (team !== null && !lean.has(team)) {
      if (teams.length === 2) throw invalidAction(source, `a third team ${team} appears (game has ${teams.join(' and ')})`, action.actionNumber)
      teams.push(team)
      lean.set(team, 0)
    }
    const homeGain = action.scoreHome > home
    const awayGain = action.scoreAway > away
    if (team !== null && homeGain !== awayGain) lean.set(team, lean.get(team)! + (homeGain ? 1 : -1))
    home = action.scoreHome
    away = action.scoreAway
  }
  const [first, second] = teams
  const side = (team: string | undefined): number => Math.sign(team === undefined ? 0 : lean.get(team)!)
  const a = side(first)
  const b = side(second)
  if (a !== 0 && a === b) {
    const where = a > 0 ? 'home' : 'away'
    throw invalidAction(source, `cannot tell home from away: both ${first} and ${second} scored mostly on the ${where} score`)
  }
  if (a > 0 || b < 0) return { home: first!, away: second ?? NO_TEAM }
  if (a < 0 || b > 0) return { home: second ?? NO_TEAM, away: first! }
  return { home: NO_TEAM, away: NO_TEAM }
}

/** The team's own score after the action, or null when it is not known (no team, side unknown). */
export function teamScore(action: NbaAction, sides: GameSides): number | null {
  const team = action.teamTricode
  if (team === null) return null
  if (team === sides.home) return action.scoreHome
  if (team === sides.away) return action.scoreAway
  return action.scoreHome === action.scoreAway ? action.scoreHome : null
}
