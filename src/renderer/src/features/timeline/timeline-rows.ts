import type { GameEvent } from '@shared/domain/events'
import { eventElapsed, sideOf, type Teams } from '../momentum/score-series'

/** A timeline line: the event, its game second and the score after it (null until known). */
export interface TimelineRow {
  event: GameEvent
  elapsed: number | null
  score: { home: number; away: number } | null
}

/** The running score after every event of the full game, by event id. */
export function runningScores(events: readonly GameEvent[], teams: Teams): Map<string, { home: number; away: number }> {
  const score = { home: 0, away: 0 }
  const scores = new Map<string, { home: number; away: number }>()
  for (const event of events) {
    const side = sideOf(event.teamTricode, teams)
    if (side !== null && event.pointsTotal != null && event.pointsTotal > score[side]) score[side] = event.pointsTotal
    scores.set(event.eventId, { home: score.home, away: score.away })
  }
  return scores
}

export function toTimelineRows(events: readonly GameEvent[], scores: ReadonlyMap<string, { home: number; away: number }>): TimelineRow[] {
  return events.map((event) => ({ event, elapsed: eventElapsed(event), score: scores.get(event.eventId) ?? null }))
}

/** Event types present, for the type filter. */
export function eventTypes(events: readonly GameEvent[]): string[] {
  return [...new Set(events.map((event) => event.eventType))].sort()
}

/** Periods present, in order, for the period filter. */
export function periods(events: readonly GameEvent[]): number[] {
  return [...new Set(events.map((event) => event.period))].sort((a, b) => a - b)
}
