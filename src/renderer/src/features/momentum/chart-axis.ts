import { periodAt, periodLabel, periodStart } from './game-clock'
import type { Teams } from './score-series'

/** The game-time axis: tip-off to the end of the last period played (at least regulation). */
export function gameTimeDomain(lastPeriod: number): [number, number] {
  return [0, periodStart(Math.max(4, lastPeriod) + 1)]
}

/** A tick in the middle of each period, labelled Q1…OT. */
export function periodTicks(lastPeriod: number): number[] {
  const ticks: number[] = []
  for (let period = 1; period <= Math.max(4, lastPeriod); period++) ticks.push((periodStart(period) + periodStart(period + 1)) / 2)
  return ticks
}

export function periodTickLabel(x: number): string {
  return periodLabel(periodAt(x))
}

/** A margin tick names the leading team: `BOS +10`, `Tied`. */
export function marginLabel(margin: number, teams: Teams): string {
  if (margin === 0) return 'Tied'
  return margin > 0 ? `${teams.home} +${margin}` : `${teams.away} +${-margin}`
}

/** A symmetric margin axis in tens with a little headroom, at least ±10. */
export function marginDomain(margins: readonly number[]): [number, number] {
  const largest = margins.reduce((max, margin) => Math.max(max, Math.abs(margin)), 0)
  const bound = Math.max(10, Math.ceil((largest + 1) / 10) * 10)
  return [-bound, bound]
}

/** Whole-number ticks at the bounds, halfway and at the tie. */
export function marginTicks([low, high]: [number, number]): number[] {
  return [low, low / 2, 0, high / 2, high]
}

/**
 * Runs worth a label: the largest, at most `limit`, and none starting within `minGap` game seconds
 * of a larger labelled run (two labels that close would be drawn over each other).
 */
export function labelledRuns<T extends { points: number; startX: number }>(runs: readonly T[], limit = 8, minGap = 0): Set<T> {
  const labelled: T[] = []
  for (const run of [...runs].sort((a, b) => b.points - a.points)) {
    if (labelled.length >= limit) break
    if (labelled.every((other) => Math.abs(other.startX - run.startX) >= minGap)) labelled.push(run)
  }
  return new Set(labelled)
}
