export const REGULATION_PERIOD_SECONDS = 720
export const OVERTIME_PERIOD_SECONDS = 300
export const REGULATION_PERIODS = 4

const COLON_CLOCK = /^(\d{1,3}):(\d{1,2}(?:\.\d*)?)$/
const ISO_CLOCK = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i
const PLAIN_SECONDS = /^\d+(?:\.\d+)?$/

/** Seconds left in the period from `11:45`, `0:04.3`, `PT11M45.00S` or plain seconds; null if none of these. */
export function parseClock(clock: string | null | undefined): number | null {
  if (clock == null) return null
  const text = clock.trim()
  const colon = COLON_CLOCK.exec(text)
  if (colon) return Number(colon[1]) * 60 + Number(colon[2])
  const iso = ISO_CLOCK.exec(text)
  if (iso && text.length > 2) {
    const [, hours = '0', minutes = '0', seconds = '0'] = iso
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)
  }
  return PLAIN_SECONDS.test(text) ? Number(text) : null
}

/** 12-minute quarters, then 5-minute overtimes. */
export function periodLength(period: number): number {
  return period <= REGULATION_PERIODS ? REGULATION_PERIOD_SECONDS : OVERTIME_PERIOD_SECONDS
}

/** Game seconds at the tip of the period. */
export function periodStart(period: number): number {
  const p = Math.max(1, Math.trunc(period))
  const regulation = Math.min(p - 1, REGULATION_PERIODS) * REGULATION_PERIOD_SECONDS
  return regulation + Math.max(0, p - 1 - REGULATION_PERIODS) * OVERTIME_PERIOD_SECONDS
}

/** Game seconds since tip-off; remaining time outside the period is clamped to it. */
export function elapsedFromRemaining(period: number, remaining: number): number {
  const length = periodLength(Math.max(1, Math.trunc(period)))
  return periodStart(period) + length - Math.min(Math.max(remaining, 0), length)
}

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
