import type { GameEvent } from '@shared/domain/events'
import { elapsedFromRemaining, elapsedSeconds } from './game-clock'

export type Side = 'home' | 'away'

export interface Teams {
  home: string
  away: string
}

/** The score after a scoring play (or 0–0 at tip-off), placed at its game second. */
export interface ScorePoint {
  x: number
  home: number
  away: number
  /** Home minus away. */
  margin: number
  eventId: string | null
  scorer: Side | null
  points: number
}

export interface LeadChange {
  x: number
  leader: Side
  margin: number
  eventId: string | null
}

/** Consecutive points by one team while the other did not score. */
export interface ScoringRun {
  team: Side
  points: number
  startX: number
  endX: number
  startEventId: string | null
  endEventId: string | null
}

export function sideOf(team: string, teams: Teams): Side | null {
  return team === teams.home ? 'home' : team === teams.away ? 'away' : null
}

/** Game seconds of an event: main's parsed clock when it has one, else the clock text. */
export function eventElapsed(event: Pick<GameEvent, 'period' | 'clock' | 'clockSeconds'>): number | null {
  return event.clockSeconds != null ? elapsedFromRemaining(event.period, event.clockSeconds) : elapsedSeconds(event.period, event.clock)
}

/**
 * Score points from events in game order. `pointsTotal` is the acting team's running score; a
 * lower value (a default 0 on a non-scoring play) never lowers the score.
 */
export function scorePoints(events: readonly GameEvent[], teams: Teams): ScorePoint[] {
  const score = { home: 0, away: 0 }
  const points: ScorePoint[] = [{ x: 0, home: 0, away: 0, margin: 0, eventId: null, scorer: null, points: 0 }]
  for (const event of events) {
    const side = sideOf(event.teamTricode, teams)
    if (side === null || event.pointsTotal == null || event.pointsTotal <= score[side]) continue
    const x = eventElapsed(event)
    if (x === null) continue
    const scored = event.pointsTotal - score[side]
    score[side] = event.pointsTotal
    points.push({ x, home: score.home, away: score.away, margin: score.home - score.away, eventId: event.eventId, scorer: side, points: scored })
  }
  return points
}

/** Plays that put the other team ahead (through a tie or directly). */
export function leadChanges(points: readonly ScorePoint[]): LeadChange[] {
  const changes: LeadChange[] = []
  let leader: Side | null = null
  for (const point of points) {
    const now: Side | null = point.margin > 0 ? 'home' : point.margin < 0 ? 'away' : null
    if (now === null) continue
    if (leader !== null && now !== leader) changes.push({ x: point.x, leader: now, margin: point.margin, eventId: point.eventId })
    leader = now
  }
  return changes
}

/** Runs of at least `minimum` unanswered points (8–0 by default). */
export function scoringRuns(points: readonly ScorePoint[], minimum = 8): ScoringRun[] {
  const runs: ScoringRun[] = []
  let current: ScoringRun | null = null
  const close = () => {
    if (current && current.points >= minimum) runs.push(current)
  }
  for (const point of points) {
    if (point.scorer === null) continue
    if (current && current.team === point.scorer) {
      current.points += point.points
      current.endX = point.x
      current.endEventId = point.eventId
      continue
    }
    close()
    current = { team: point.scorer, points: point.points, startX: point.x, endX: point.x, startEventId: point.eventId, endEventId: point.eventId }
  }
  close()
  return runs
}

/** At most about `limit` points for the chart: each bucket keeps its lowest and highest margin. */
export function thinPoints(points: readonly ScorePoint[], limit: number): ScorePoint[] {
  if (points.length <= limit) return [...points]
  const buckets = Math.max(1, Math.floor(limit / 2))
  const size = points.length / buckets
  const kept: ScorePoint[] = []
  for (let b = 0; b < buckets; b++) {
    const slice = points.slice(Math.floor(b * size), Math.floor((b + 1) * size))
    if (slice.length === 0) continue
    let low = slice[0]!
    let high = slice[0]!
    for (const point of slice) {
      if (point.margin < low.margin) low = point
      if (point.margin > high.margin) high = point
    }
    const pair = low.x <= high.x ? [low, high] : [high, low]
    for (const point of pair) if (kept.at(-1) !== point) kept.push(point)
  }
  const last = points.at(-1)!
  if (kept.at(-1) !== last) kept.push(last)
  if (kept[0] !== points[0]) kept.unshift(points[0]!)
  return kept
}
