import type { TmiRecord } from '@shared/domain/tmi'
import { elapsedSeconds } from './game-clock'
import { sideOf, type Side, type Teams } from './score-series'

/** Rows written by the original app carry no algorithm name. */
export const UNRECORDED_ALGORITHM = 'unrecorded'

/** One x position of the TMI chart; a team's value is missing where it had no point there. */
export interface TmiRow {
  x: number
  home?: number
  away?: number
  homeRecord?: TmiRecord
  awayRecord?: TmiRecord
}

export interface TmiSeries {
  rows: TmiRow[]
  /** `sequence` when some record has no game time: x is then the team's n-th calculation. */
  axis: 'game-time' | 'sequence'
}

export function algorithmOf(record: TmiRecord): string {
  return record.algorithm ?? UNRECORDED_ALGORITHM
}

/** The algorithms present, in first-seen order. */
export function tmiAlgorithms(records: readonly TmiRecord[]): string[] {
  return [...new Set(records.map(algorithmOf))]
}

/** The current algorithm when present, else the first one found. */
export function defaultAlgorithm(algorithms: readonly string[]): string | null {
  return algorithms.includes('momentum-2') ? 'momentum-2' : (algorithms[0] ?? null)
}

export function recordElapsed(record: TmiRecord): number | null {
  if (record.elapsedSeconds != null) return record.elapsedSeconds
  return record.period != null ? elapsedSeconds(record.period, record.clock) : null
}

/** One row per x for both teams' TMI lines, from records in calculation order. */
export function tmiSeries(records: readonly TmiRecord[], teams: Teams, algorithm: string | null): TmiSeries {
  const chosen = records.filter((record) => (algorithm === null || algorithmOf(record) === algorithm) && sideOf(record.teamTricode, teams) !== null)
  const axis = chosen.every((record) => recordElapsed(record) !== null) ? 'game-time' : 'sequence'
  const counts = { home: 0, away: 0 }
  const byX = new Map<number, TmiRow>()
  for (const record of chosen) {
    const side = sideOf(record.teamTricode, teams)!
    const x = axis === 'game-time' ? recordElapsed(record)! : ++counts[side]
    const row = byX.get(x) ?? { x }
    row[side] = record.tmiValue
    row[side === 'home' ? 'homeRecord' : 'awayRecord'] = record
    byX.set(x, row)
  }
  return { rows: [...byX.values()].sort((a, b) => a.x - b.x), axis }
}

/** The team's latest point at or before x (what its line shows there). */
export function recordAtOrBefore(rows: readonly TmiRow[], side: Side, x: number): TmiRecord | null {
  let found: TmiRecord | null = null
  for (const row of rows) {
    if (row.x > x) break
    const record = side === 'home' ? row.homeRecord : row.awayRecord
    if (record) found = record
  }
  return found
}

/** Feature contributions, largest effect first. */
export function sortedContributions(record: TmiRecord): Array<[string, number]> {
  return Object.entries(record.featureContributions).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
}

export const DEFAULT_WINDOW_SIZE = 5

/** The window the newest computation used (its parameters, else the largest window seen). */
export function windowSizeOf(records: readonly TmiRecord[]): number {
  const newest = records.at(-1)
  const fromParameters = newest?.parameters?.['windowSize']
  if (typeof fromParameters === 'number' && Number.isInteger(fromParameters)) return fromParameters
  const seen = records.map((record) => record.rollingWindowSize ?? 0)
  const largest = Math.max(0, ...seen)
  return largest > 0 ? largest : DEFAULT_WINDOW_SIZE
}
