import { blockText, foulText, freeThrowText, madeShotText, missedShotText, reboundText, shotWording, stealText, turnoverText, violationText, type TurnoverKind } from './demo-descriptions'
import { forcedOutcome, opponentOf, recordScore, shootingBoost, tickMomentum, type ForcedOutcome, type GameSim } from './demo-game-state'
import { enforceFoulOut, pickPlayer, substitute, type TeamSim } from './demo-team-sim'
import type { DemoPlayer } from './demo-teams'

/** Who has the ball next, and whether play stopped (a timeout or substitution may follow). */
export interface PossessionEnd {
  next: TeamSim
  deadBall: boolean
}

const TURNOVERS: readonly TurnoverKind[] = ['bad pass', 'lost ball', 'traveling', 'out-of-bounds', 'offensive foul', 'shot clock']
const TURNOVER_WEIGHTS = [35, 25, 12, 12, 10, 6]
const STEAL_CHANCE: Partial<Record<TurnoverKind, number>> = { 'bad pass': 0.8, 'lost ball': 0.9 }

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))

/** Tenths of a second the offense uses before it shoots: 4–24 s on a fresh shot clock, mostly 8–18. */
function shotClockUse(game: GameSim, fresh: boolean): number {
  const { random } = game
  const spread = (random.next() + random.next() + random.next()) / 3
  return Math.round(fresh ? 40 + spread * 190 : 20 + spread * 120)
}

/** Plays one possession of `offense`, offensive rebounds included. */
export function playPossession(game: GameSim, offense: TeamSim): PossessionEnd {
  const defense = opponentOf(game, offense)
  const { log, random } = game
  tickMomentum(game)
  for (let attempt = 0; attempt < 6; attempt++) {
    if (log.clockTenths <= 5) {
      log.runClock(log.clockTenths)
      return { next: defense, deadBall: true }
    }
    const forced = forcedOutcome(game, offense)
    let budget = shotClockUse(game, attempt === 0)
    if (budget >= log.clockTenths) budget = Math.max(1, log.clockTenths - random.int(2, 15))
    const lastShot = budget >= log.clockTenths - 15
    if (forced === null && !lastShot && attempt === 0) {
      if (random.chance(0.012)) kickedBall(game, defense, budget)
      if (random.chance(0.09)) {
        log.runClock(budget * (0.2 + random.next() * 0.4))
        const bonus = defensiveFoul(game, offense, defense, null)
        if (bonus) {
          const end = freeThrowTrip(game, offense, pickPlayer(offense, random), 2, null)
          if (end !== 'offensive-rebound') return end
          continue
        }
        budget = Math.min(shotClockUse(game, false) + 40, Math.max(1, log.clockTenths - 10))
      }
      if (random.chance(offense.profile.turnoverRate - shootingBoost(game, offense) / 4)) {
        const kind = TURNOVERS[random.weighted(TURNOVER_WEIGHTS)]!
        log.runClock(kind === 'shot clock' ? Math.max(budget, 200) : budget * (0.3 + random.next() * 0.7))
        return turnover(game, offense, defense, kind)
      }
    }
    log.runClock(budget)
    const end = shoot(game, offense, defense, forced)
    if (end !== 'offensive-rebound') return end
  }
  return { next: defense, deadBall: false }
}

function kickedBall(game: GameSim, defense: TeamSim, budget: number): void {
  const player = pickPlayer(defense, game.random, false)
  game.log.runClock(budget * 0.2)
  game.log.teamEvent(defense, 'violation', violationText(player, 'kicked ball'), player)
  game.log.pause(game.random.int(10_000, 20_000))
}

/** A defensive foul; returns whether it sends the offense to the line on the bonus. */
function defensiveFoul(game: GameSim, offense: TeamSim, defense: TeamSim, shots: { shooter: DemoPlayer; count: number } | null): boolean {
  const { log, random } = game
  const fouler = pickPlayer(defense, random, false)
  const line = log.line(fouler)
  line.fouls += 1
  defense.periodFouls += 1
  const bonusShots = shots === null && defense.periodFouls >= 5 ? { shooter: pickPlayer(offense, random), count: 2 } : shots
  log.teamEvent(defense, 'foul', foulText(fouler, shots ? 'shooting personal' : random.chance(0.15) ? 'loose ball personal' : 'personal', line.fouls, bonusShots), fouler)
  log.pause(random.int(15_000, 35_000))
  enforceFoulOut(defense, log, random, fouler)
  if (random.chance(0.25)) substitute(defense, log, random)
  return shots === null && bonusShots !== null
}

function turnover(game: GameSim, offense: TeamSim, defense: TeamSim, kind: TurnoverKind): PossessionEnd {
  const { log, random } = game
  const player = kind === 'shot clock' ? null : pickPlayer(offense, random)
  if (player !== null && kind === 'offensive foul') {
    const line = log.line(player)
    line.fouls += 1
    log.teamEvent(offense, 'foul', foulText(player, 'offensive', line.fouls, null), player)
  }
  const turnovers = player === null ? 0 : (log.line(player).turnovers += 1)
  log.teamEvent(offense, 'turnover', turnoverText(player, kind, turnovers), player)
  if (random.chance(STEAL_CHANCE[kind] ?? 0)) {
    const thief = pickPlayer(defense, random, false)
    log.teamEvent(defense, 'steal', stealText(thief, (log.line(thief).steals += 1)), thief)
    return { next: defense, deadBall: false }
  }
  log.pause(random.int(8_000, 20_000))
  if (player !== null) enforceFoulOut(offense, log, random, player)
  return { next: defense, deadBall: true }
}

type ShotEnd = PossessionEnd | 'offensive-rebound'

function shoot(game: GameSim, offense: TeamSim, defense: TeamSim, forced: ForcedOutcome | null): ShotEnd {
  const { log, random } = game
  const points: 2 | 3 = forced === 'make3' || (forced !== 'make2' && random.chance(offense.profile.threeRate)) ? 3 : 2
  const shooter = pickPlayer(offense, random)
  const chance = clamp((points === 3 ? offense.profile.threePct : offense.profile.twoPct) + shootingBoost(game, offense), 0.05, 0.9)
  const fouled = forced === 'split' || (forced === null && random.chance(points === 3 ? 0.02 : 0.14))
  const made = forced === null ? random.chance(fouled ? chance * 0.35 : chance) : forced === 'make2' || forced === 'make3'
  const wording = shotWording(random, points)
  if (fouled && !made) {
    defensiveFoul(game, offense, defense, { shooter, count: forced === 'split' ? 2 : points })
    return freeThrowTrip(game, offense, shooter, forced === 'split' ? 2 : points, forced === 'split' ? [true, false] : null)
  }
  if (made) {
    recordScore(game, offense, points)
    const line = log.line(shooter)
    line.points += points
    const passer = random.chance(0.62) ? pickPlayer(offense, random, false, shooter) : null
    const assist = passer ? { player: passer, assists: (log.line(passer).assists += 1) } : null
    log.teamEvent(offense, 'shot', madeShotText(shooter, wording, line.points, assist), shooter, 'Made')
    if (!fouled) {
      log.pause(random.int(1_000, 4_000))
      return { next: defense, deadBall: true }
    }
    defensiveFoul(game, offense, defense, { shooter, count: 1 })
    return freeThrowTrip(game, offense, shooter, 1, null)
  }
  const blocked = points === 2 && random.chance(0.17)
  log.teamEvent(offense, 'shot', missedShotText(shooter, wording, blocked), shooter, 'Missed')
  if (blocked) {
    const blocker = pickPlayer(defense, random, false)
    log.teamEvent(defense, 'block', blockText(blocker, (log.line(blocker).blocks += 1)), blocker)
  }
  return rebound(game, offense, defense, forced === null ? offense.profile.offensiveReboundRate : 0)
}

function rebound(game: GameSim, offense: TeamSim, defense: TeamSim, offensiveChance: number): ShotEnd {
  const { log, random } = game
  log.runClock(random.int(5, 25))
  const offensive = random.chance(offensiveChance)
  const team = offensive ? offense : defense
  const player = random.chance(0.06) ? null : pickPlayer(team, random, false)
  if (player !== null) {
    const line = log.line(player)
    if (offensive) line.offensiveRebounds += 1
    else line.defensiveRebounds += 1
    log.teamEvent(team, 'rebound', reboundText(player, offensive, { offensive: line.offensiveRebounds, defensive: line.defensiveRebounds }), player)
  } else {
    log.teamEvent(team, 'rebound', reboundText(null, offensive, { offensive: 0, defensive: 0 }))
  }
  return offensive ? 'offensive-rebound' : { next: defense, deadBall: false }
}

/** A trip to the line; `results` forces the outcomes (a steered game). */
function freeThrowTrip(game: GameSim, offense: TeamSim, shooter: DemoPlayer, count: number, results: readonly boolean[] | null): ShotEnd {
  const { log, random } = game
  const defense = opponentOf(game, offense)
  let made = false
  for (let attempt = 1; attempt <= count; attempt++) {
    log.pause(random.int(6_000, 20_000))
    made = results?.[attempt - 1] ?? random.chance(offense.profile.freeThrowPct)
    const line = log.line(shooter)
    if (made) {
      recordScore(game, offense, 1)
      line.points += 1
    }
    log.teamEvent(offense, 'free_throw', freeThrowText(shooter, attempt, count, made, line.points), shooter, made ? 'Made' : 'Missed')
  }
  if (made) return { next: defense, deadBall: true }
  return rebound(game, offense, defense, results === null ? 0.12 : 0)
}
