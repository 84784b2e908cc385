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
 * A label row for every run: runs are taken in time order and each label goes on the first row
 * whose previous label ends (start + `widthOf(run)` game seconds) before it starts, so labels that
 * would be drawn over each other are stacked instead and no run is left without its label.
 */
export function runLabelRows<T extends { startX: number }>(runs: readonly T[], widthOf: (run: T) => number): Map<T, number> {
  const rowEnds: number[] = []
  const rows = new Map<T, number>()
  for (const run of [...runs].sort((a, b) => a.startX - b.startX)) {
    let row = rowEnds.findIndex((end) => end <= run.startX)
    if (row === -1) row = rowEnds.length
    rowEnds[row] = run.startX + widthOf(run)
    rows.set(run, row)
  }
  return rows
}
