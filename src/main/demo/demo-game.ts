import type { NewGameEvent } from '../../shared/domain/events'
import type { GameInfo } from '../../shared/domain/games'
import { jumpBallText } from './demo-descriptions'
import { GameLog } from './demo-game-log'
import { opponentOf, type GameSim } from './demo-game-state'
import { playPossession } from './demo-possession'
import type { DemoRandom } from './demo-random'
import type { DemoSchedule } from './demo-schedule'
import { createTeam, pickPlayer, restoreStarters, substitute, type TeamSim } from './demo-team-sim'

export interface DemoGame {
  info: GameInfo
  /** In game order: order_number increases, the clock runs down within each period. */
  events: NewGameEvent[]
}

/**
 * Share of games steered to a tie at the end of regulation. Ties also happen on their own
 * (about 3%), which brings overtime to about 6% of games, the NBA's rate.
 */
const PLANNED_OVERTIME = 0.065
/** Mandatory timeouts: the first stoppage under 7:00 and under 3:00 of each quarter. */
const TIMEOUT_MARKS = [4_200, 1_800]
const PERIOD_BREAK_MS = 130_000
const HALFTIME_MS = 900_000

/** Plays one game from tip-off to the final buzzer (or, for a live game, to where the feed stops). */
export function simulateGame(schedule: DemoSchedule, random: DemoRandom): DemoGame {
  const log = new GameLog(schedule.gameId, schedule.tipOffMs)
  const game: GameSim = {
    log,
    random,
    home: createTeam(schedule.homeTeam, 'home', random),
    away: createTeam(schedule.awayTeam, 'away', random),
    spurt: null,
    run: { side: 'home', points: 0, timeoutCalled: true },
    plannedOvertime: random.chance(PLANNED_OVERTIME),
  }
  let tipWinner = game.home
  let period = 1
  for (; ; period++) {
    log.startPeriod(period)
    game.home.periodFouls = 0
    game.away.periodFouls = 0
    log.gameEvent('period_start', 'Period Start')
    if (period > 1) periodSubstitutions(game, period)
    let offense: TeamSim
    if (period === 1 || period > 4) {
      offense = jumpBall(game)
      if (period === 1) tipWinner = offense
    } else {
      offense = period === 4 ? tipWinner : opponentOf(game, tipWinner)
    }
    const marks = period <= 4 ? [...TIMEOUT_MARKS] : []
    while (log.clockTenths > 0) {
      const end = playPossession(game, offense)
      offense = end.next
      if (end.deadBall && log.clockTenths > 0) stoppage(game, offense, marks)
    }
    log.gameEvent('period_end', 'Period End')
    if (period >= 4 && game.home.score !== game.away.score) break
    log.pause(period === 2 ? HALFTIME_MS : PERIOD_BREAK_MS)
  }
  log.gameEvent('game_end', 'Game End')
  const info: GameInfo = {
    gameId: schedule.gameId,
    homeTeam: schedule.homeTeam,
    awayTeam: schedule.awayTeam,
    gameDate: schedule.gameDate,
    status: period > 4 ? 'Final OT' : 'Final',
  }
  return { info, events: log.events }
}

function jumpBall(game: GameSim): TeamSim {
  const { log, random, home, away } = game
  log.runClock(random.int(0, 30))
  const winner = random.chance(0.5) ? home : away
  const recoveredBy = pickPlayer(winner, random, false, winner.onCourt[4]!)
  log.teamEvent(winner, 'jump_ball', jumpBallText(home.onCourt[4]!, away.onCourt[4]!, recoveredBy), recoveredBy)
  return winner
}

function periodSubstitutions(game: GameSim, period: number): void {
  for (const team of [game.home, game.away]) {
    if (period === 3) restoreStarters(team, game.log, game.random)
    else for (let swaps = game.random.int(0, 2); swaps > 0; swaps--) substitute(team, game.log, game.random)
  }
}

/**
 * A dead ball before `next` inbounds: the team being run on calls a timeout at 8 unanswered
 * points, mandatory timeouts fall at the marks, and both benches may substitute after one.
 */
function stoppage(game: GameSim, next: TeamSim, marks: number[]): void {
  const { log, random, run } = game
  const stopsRun = run.side !== next.side && run.points >= 8 && !run.timeoutCalled && next.timeoutsLeft > 0
  const mandatory = marks.length > 0 && log.clockTenths < marks[0]!
  if (!stopsRun && !mandatory && !(next.timeoutsLeft > 0 && random.chance(0.01))) return
  while (marks.length > 0 && log.clockTenths < marks[0]!) marks.shift()
  next.timeoutsLeft = Math.max(0, next.timeoutsLeft - 1)
  run.timeoutCalled = true
  game.spurt = null
  log.teamEvent(next, 'timeout', `${next.tricode} Timeout`)
  log.pause(random.int(75_000, 150_000))
  for (const team of [game.home, game.away]) {
    if (random.chance(0.7)) substitute(team, log, random)
    if (random.chance(0.2)) substitute(team, log, random)
  }
}
