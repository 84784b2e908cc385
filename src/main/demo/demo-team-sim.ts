import type { GameLog, LoggedTeam } from './demo-game-log'
import type { DemoRandom } from './demo-random'
import { rosterOf, type DemoPlayer } from './demo-teams'

export type Side = 'home' | 'away'

/** The team's shooting and ball-control rates for one game. */
export interface TeamProfile {
  twoPct: number
  threePct: number
  threeRate: number
  freeThrowPct: number
  turnoverRate: number
  offensiveReboundRate: number
}

export interface TeamSim extends LoggedTeam {
  side: Side
  roster: readonly DemoPlayer[]
  onCourt: DemoPlayer[]
  fouledOut: Set<DemoPlayer>
  profile: TeamProfile
  /** Team fouls in the current period (5 puts the other team in the bonus). */
  periodFouls: number
  timeoutsLeft: number
}

/** Share of the team's shots by roster slot: starters take most of them. */
const USAGE = [10, 9, 8, 6, 5, 6, 5, 4, 3, 2, 1, 1, 1]
/** How likely a bench player is to be the one who checks in, by roster slot. */
const ROTATION = [6, 6, 6, 6, 6, 5, 5, 4, 3, 1.5, 0.4, 0.2, 0.2]

const around = (random: DemoRandom, centre: number, spread: number): number => centre + (random.next() * 2 - 1) * spread

export function createTeam(tricode: string, side: Side, random: DemoRandom): TeamSim {
  const roster = rosterOf(tricode)
  return {
    tricode,
    side,
    score: 0,
    roster,
    onCourt: roster.slice(0, 5),
    fouledOut: new Set(),
    profile: {
      twoPct: around(random, 0.535, 0.03),
      threePct: around(random, 0.355, 0.025),
      threeRate: around(random, 0.4, 0.05),
      freeThrowPct: around(random, 0.78, 0.05),
      turnoverRate: around(random, 0.13, 0.02),
      offensiveReboundRate: around(random, 0.26, 0.04),
    },
    periodFouls: 0,
    timeoutsLeft: 7,
  }
}

const slotWeights = (team: TeamSim, players: readonly DemoPlayer[], weights: readonly number[]): number[] =>
  players.map((player) => weights[team.roster.indexOf(player)] ?? 1)

/** An on-court player, by usage (shots, turnovers) or evenly. */
export function pickPlayer(team: TeamSim, random: DemoRandom, byUsage = true, except: DemoPlayer | null = null): DemoPlayer {
  const players = except === null ? team.onCourt : team.onCourt.filter((player) => player !== except)
  return byUsage ? players[random.weighted(slotWeights(team, players, USAGE))]! : random.pick(players)
}

function benchOf(team: TeamSim): DemoPlayer[] {
  return team.roster.filter((player) => !team.onCourt.includes(player) && !team.fouledOut.has(player))
}

/** Swaps a player for a bench player (or the ones given): `SUB out` then `SUB in`, as the feed logs them. */
export function substitute(team: TeamSim, log: GameLog, random: DemoRandom, swap: { out?: DemoPlayer; in?: DemoPlayer } = {}): void {
  const bench = benchOf(team)
  if (bench.length === 0) return
  const leaving = swap.out ?? random.pick(team.onCourt)
  const entering = swap.in ?? bench[random.weighted(slotWeights(team, bench, ROTATION))]!
  team.onCourt[team.onCourt.indexOf(leaving)] = entering
  log.pause(random.int(4_000, 12_000))
  log.teamEvent(team, 'substitution', `SUB out: ${leaving.shortName}`, leaving)
  log.teamEvent(team, 'substitution', `SUB in: ${entering.shortName}`, entering)
}

/** Sends the available starters back in (second half). */
export function restoreStarters(team: TeamSim, log: GameLog, random: DemoRandom): void {
  const starters = team.roster.slice(0, 5)
  for (const starter of starters) {
    if (team.onCourt.includes(starter) || team.fouledOut.has(starter)) continue
    const reserve = team.onCourt.find((player) => !starters.includes(player))
    if (reserve) substitute(team, log, random, { out: reserve, in: starter })
  }
}

/** A sixth personal foul sends the player to the bench for good. */
export function enforceFoulOut(team: TeamSim, log: GameLog, random: DemoRandom, player: DemoPlayer): void {
  if (log.line(player).fouls < 6 || team.fouledOut.has(player)) return
  team.fouledOut.add(player)
  substitute(team, log, random, { out: player })
}
