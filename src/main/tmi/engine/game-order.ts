import { parseClockSeconds, periodLengthSeconds } from './clock'
import type { TmiEvent } from './tmi-types'

export interface OrderedEvent {
  event: TmiEvent
  /** Parsed clock, or for an unreadable clock the last readable one before it in the same period. */
  secondsRemaining: number
}

/**
 * Chronological order for momentum-2: period ascending, seconds remaining descending, then the
 * input order. An unreadable clock borrows the previous readable clock of its period (input
 * order), or the period's start, so that it stays next to its neighbours instead of jumping.
 */
export function orderEventsMomentum2(events: readonly TmiEvent[]): OrderedEvent[] {
  const lastReadable = new Map<number, number>()
  const ordered = events.map((event, index) => {
    const parsed = parseClockSeconds(event.clock)
    const secondsRemaining = parsed ?? lastReadable.get(event.period) ?? periodLengthSeconds(event.period)
    if (parsed !== null) lastReadable.set(event.period, parsed)
    return { event, secondsRemaining, index }
  })
  ordered.sort(
    (a, b) =>
      a.event.period - b.event.period || b.secondsRemaining - a.secondsRemaining || a.index - b.index,
  )
  return ordered.map(({ event, secondsRemaining }) => ({ event, secondsRemaining }))
}

/**
 * Points of a made shot or free throw from the team's score change. The score trackers are
 * updated from every event with a score. A change outside 1–3 (no score, a feed that starts
 * mid-game, a gap in the data) falls back to 2 for a shot and 1 for a free throw.
 */
export function scoringPoints(event: TmiEvent, scores: Map<string, number>): number {
  const previous = scores.get(event.teamTricode) ?? 0
  if (event.pointsTotal !== null) scores.set(event.teamTricode, event.pointsTotal)
  if (event.shotResult !== 'Made') return 0
  const fallback = event.eventType === 'shot' ? 2 : event.eventType === 'free_throw' ? 1 : 0
  if (fallback === 0 || event.pointsTotal === null) return fallback
  const change = event.pointsTotal - previous
  return change >= 1 && change <= 3 ? change : fallback
}
