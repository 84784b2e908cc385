import {
  elapsedSeconds as elapsedFromClockSeconds,
  parseClockSeconds,
  periodLengthSeconds,
  periodStartSeconds,
  REGULATION_PERIODS,
} from '@shared/domain/game-clock'

// The clock rules live in src/shared (the engine and storage use them too); these are the chart's names.
export const parseClock = parseClockSeconds
export const periodLength = periodLengthSeconds
export const periodStart = periodStartSeconds
export const elapsedFromRemaining = elapsedFromClockSeconds

/** Game seconds since tip-off from the period and its clock text; null when the clock is unreadable. */
export function elapsedSeconds(period: number, clock: string | null | undefined): number | null {
  const remaining = parseClock(clock)
  return remaining === null ? null : elapsedFromRemaining(period, remaining)
}

/** Where periods 2…last begin, and where the last one ends. */
export function periodBoundaries(lastPeriod: number): number[] {
  const boundaries: number[] = []
  for (let period = 2; period <= lastPeriod + 1; period++) boundaries.push(periodStart(period))
  return boundaries
}

export function periodLabel(period: number): string {
  return period <= REGULATION_PERIODS ? `Q${period}` : period === REGULATION_PERIODS + 1 ? 'OT' : `OT${period - REGULATION_PERIODS}`
}

/** The period containing a game second; a boundary belongs to the period it ends. */
export function periodAt(elapsed: number): number {
  let period = 1
  while (elapsed > periodStart(period + 1)) period++
  return period
}

/** `Q3 4:12` for a game second. */
export function formatGameTime(elapsed: number): string {
  const period = periodAt(elapsed)
  const remaining = Math.max(0, periodStart(period) + periodLength(period) - elapsed)
  const minutes = Math.floor(remaining / 60)
  const seconds = Math.floor(remaining % 60)
  return `${periodLabel(period)} ${minutes}:${String(seconds).padStart(2, '0')}`
}

/** A clock text as `11:45`, `0:04.3` (tenths in the last minute); unreadable text as it is. */
export function formatClock(clock: string | null | undefined): string {
  const remaining = parseClock(clock)
  if (remaining === null) return clock ?? ''
  const minutes = Math.floor(remaining / 60)
  const seconds = remaining - minutes * 60
  if (minutes === 0 && seconds % 1 !== 0) return `0:${seconds.toFixed(1).padStart(4, '0')}`
  return `${minutes}:${String(Math.floor(seconds)).padStart(2, '0')}`
}
