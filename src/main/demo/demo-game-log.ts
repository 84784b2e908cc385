import type { NewGameEvent } from '../../shared/domain/events'
import { NO_TEAM } from '../import/nba-teams'
import type { DemoPlayer } from './demo-teams'

/** A team as the log needs it: its tricode and running score. */
export interface LoggedTeam {
  tricode: string
  score: number
}

/** A player's box-score line so far, for the counters in descriptions (`(8 PTS)`, `(2 PF)`). */
export interface PlayerLine {
  points: number
  assists: number
  offensiveRebounds: number
  defensiveRebounds: number
  steals: number
  blocks: number
  turnovers: number
  fouls: number
}

export function periodTenths(period: number): number {
  return period <= 4 ? 7_200 : 3_000
}

/** The live feed's clock: `PT11M45.00S`, with tenths in the last minute (`PT00M04.30S`). */
export function formatIsoClock(tenths: number): string {
  const minutes = Math.floor(tenths / 600)
  const rest = tenths - minutes * 600
  const seconds = Math.floor(rest / 10)
  const fraction = minutes === 0 ? rest % 10 : 0
  return `PT${String(minutes).padStart(2, '0')}M${String(seconds).padStart(2, '0')}.${fraction}0S`
}

const DAY_MS = 86_400_000
const two = (value: number) => (value < 10 ? `0${value}` : String(value))

/** `new Date(ms).toISOString()` for times after 1970, without a Date per event (a tenth of the cost). */
export function formatIsoInstant(ms: number, day: { index: number; prefix: string }): string {
  const index = Math.floor(ms / DAY_MS)
  if (index !== day.index) {
    day.index = index
    day.prefix = new Date(index * DAY_MS).toISOString().slice(0, 11)
  }
  const inDay = ms - index * DAY_MS
  const seconds = Math.floor(inDay / 1000)
  const millis = inDay - seconds * 1000
  const fraction = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis)
  return `${day.prefix}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.${fraction}Z`
}

/**
 * The event stream of one simulated game: keeps the game clock (in tenths), real time since
 * tip-off, action numbers and player lines, and writes events as the NBA importer would store them.
 */
export class GameLog {
  readonly events: NewGameEvent[] = []
  period = 1
  clockTenths = periodTenths(1)
  private realMs = 0
  private actionNumber = 0
  private readonly lines = new Map<DemoPlayer, PlayerLine>()
  private readonly day = { index: -1, prefix: '' }

  constructor(
    private readonly gameId: string,
    private readonly tipOffMs: number,
  ) {}

  startPeriod(period: number): void {
    this.period = period
    this.clockTenths = periodTenths(period)
  }

  /** Runs the game clock (never below zero); real time runs with it. */
  runClock(tenths: number): void {
    const run = Math.max(0, Math.min(Math.round(tenths), this.clockTenths))
    this.clockTenths -= run
    this.realMs += run * 100
  }

  /** A stoppage: real time passes, the game clock does not. */
  pause(ms: number): void {
    this.realMs += Math.round(ms)
  }

  line(player: DemoPlayer): PlayerLine {
    let line = this.lines.get(player)
    if (!line) {
      line = { points: 0, assists: 0, offensiveRebounds: 0, defensiveRebounds: 0, steals: 0, blocks: 0, turnovers: 0, fouls: 0 }
      this.lines.set(player, line)
    }
    return line
  }

  /** An action of `team`; points_total is the team's score after it. */
  teamEvent(team: LoggedTeam, eventType: string, description: string, player: DemoPlayer | null = null, shotResult: 'Made' | 'Missed' | null = null): void {
    this.push(team.tricode, eventType, description, player?.lastName ?? null, team.score, shotResult)
  }

  /** A period or game action, under the importer's placeholder team and without a score. */
  gameEvent(eventType: string, description: string): void {
    this.push(NO_TEAM, eventType, description, null, null, null)
  }

  private push(team: string, eventType: string, description: string, playerName: string | null, pointsTotal: number | null, shotResult: 'Made' | 'Missed' | null): void {
    this.actionNumber += 1
    this.realMs += 400 + (this.actionNumber % 7) * 100
    this.events.push({
      eventId: `${this.gameId}-${this.actionNumber}`,
      gameId: this.gameId,
      teamTricode: team,
      playerName,
      eventType,
      clock: formatIsoClock(this.clockTenths),
      period: this.period,
      pointsTotal,
      shotResult,
      description,
      timestamp: formatIsoInstant(this.tipOffMs + this.realMs, this.day),
      orderNumber: this.actionNumber * 10_000,
    })
  }
}
