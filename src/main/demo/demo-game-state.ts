import type { GameLog } from './demo-game-log'
import type { DemoRandom } from './demo-random'
import type { Side, TeamSim } from './demo-team-sim'

/** One game being simulated. */
export interface GameSim {
  log: GameLog
  random: DemoRandom
  home: TeamSim
  away: TeamSim
  /** A scoring spurt: the side plays hot (and the other cold) for `left` more possessions. */
  spurt: { side: Side; left: number } | null
  /** Unanswered points; `timeoutCalled` once the other side has stopped the run with a timeout. */
  run: { side: Side; points: number; timeoutCalled: boolean }
  /** This game is steered to a tie at the end of regulation, on top of the ties that simply happen. */
  plannedOvertime: boolean
}

/** Chance per possession that a spurt starts, and how much it shifts shooting. */
const SPURT_CHANCE = 0.035
const SPURT_BOOST = 0.12
const SPURT_DRAG = 0.07
/** From this much time left in the 4th, a game steered to overtime lets the trailing team come back. */
const COMEBACK_TENTHS = 3_000
/** From this much time left, a steered game's outcomes are forced until the score is tied. */
const STEERING_TENTHS = 1_200

export function opponentOf(game: GameSim, team: TeamSim): TeamSim {
  return team === game.home ? game.away : game.home
}

/** Advances or starts a spurt at the start of a possession. */
export function tickMomentum(game: GameSim): void {
  if (game.spurt !== null) {
    game.spurt.left -= 1
    if (game.spurt.left <= 0) game.spurt = null
    return
  }
  if (!game.random.chance(SPURT_CHANCE)) return
  const side = game.run.points >= 4 && game.random.chance(0.6) ? game.run.side : game.random.pick<Side>(['home', 'away'])
  game.spurt = { side, left: game.random.int(6, 14) }
}

/** Shooting adjustment for the offense: spurts, home court and a steered comeback. */
export function shootingBoost(game: GameSim, offense: TeamSim): number {
  let boost = offense.side === 'home' ? 0.01 : 0
  if (game.spurt !== null) boost += game.spurt.side === offense.side ? SPURT_BOOST : -SPURT_DRAG
  if (game.plannedOvertime && game.log.period === 4 && game.log.clockTenths <= COMEBACK_TENTHS) {
    const lead = offense.score - opponentOf(game, offense).score
    if (lead < -3 && lead >= -15) boost += 0.15
    else if (lead > 3 && lead <= 15) boost -= 0.12
  }
  return boost
}

export function recordScore(game: GameSim, team: TeamSim, points: number): void {
  team.score += points
  if (game.run.side === team.side) game.run.points += points
  else game.run = { side: team.side, points, timeoutCalled: false }
}

export type ForcedOutcome = 'make2' | 'make3' | 'split' | 'miss'

/**
 * In the last two minutes of a steered game within two possessions: the trailing offense scores
 * just enough (a 1-point deficit becomes a 1-of-2 trip), a leading or level offense misses, until
 * time runs out level. A blowout is left alone.
 */
export function forcedOutcome(game: GameSim, offense: TeamSim): ForcedOutcome | null {
  if (!game.plannedOvertime || game.log.period !== 4 || game.log.clockTenths > STEERING_TENTHS) return null
  const deficit = opponentOf(game, offense).score - offense.score
  if (Math.abs(deficit) > 6) return null
  if (deficit === 1) return 'split'
  if (deficit === 2) return 'make2'
  if (deficit >= 3) return 'make3'
  return 'miss'
}
