/*
 * Possession segmentation of the original engine (`momentumml-1`), quirks included:
 * events run ascending by clock seconds *remaining* within a period (reverse chronological),
 * and the event that ends a possession opens the next one instead of closing its own.
 */
import { parseClockMomentumml1, parseClockSeconds } from './clock'
import { appendEvent, isMade, openPossession } from './possession-draft'
import type { TmiEvent, TmiPossession } from './tmi-types'

const SKIPPED_TYPES = new Set(['substitution', 'timeout', 'period_start'])

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The original's order: stable ascending sort by (period, seconds remaining). */
export function orderEventsMomentumml1(events: readonly TmiEvent[]): TmiEvent[] {
  return events
    .map((event) => ({ event, seconds: parseClockMomentumml1(event.clock) }))
    .sort((a, b) => compareNumbers(a.event.period, b.event.period) || compareNumbers(a.seconds, b.seconds))
    .map(({ event }) => event)
}

function opensPossession(event: TmiEvent, current: TmiPossession): boolean {
  return (
    event.teamTricode !== current.teamTricode ||
    (event.eventType === 'shot' && isMade(event)) ||
    event.eventType === 'turnover' ||
    event.eventType === 'period_end'
  )
}

function tally(possession: TmiPossession, event: TmiEvent): void {
  switch (event.eventType) {
    case 'shot':
      possession.fgAttempts += 1
      if (isMade(event)) {
        possession.fgMade += 1
        possession.pointsScored += 2
      }
      break
    case 'turnover':
      possession.turnovers += 1
      break
    case 'rebound':
      possession.rebounds += 1
      break
    case 'foul':
      possession.fouls += 1
      break
  }
}

/** Possessions of one game's events, numbered from 1 in the order the original produced them. */
export function segmentPossessionsMomentumml1(events: readonly TmiEvent[]): TmiPossession[] {
  const possessions: TmiPossession[] = []
  let current: TmiPossession | null = null
  for (const event of orderEventsMomentumml1(events)) {
    if (SKIPPED_TYPES.has(event.eventType)) continue
    if (current === null || opensPossession(event, current)) {
      if (current !== null) possessions.push(current)
      current = openPossession(possessions.length + 1, event)
    }
    appendEvent(current, event, parseClockSeconds(event.clock) ?? 0)
    tally(current, event)
  }
  if (current !== null) possessions.push(current)
  return possessions
}
