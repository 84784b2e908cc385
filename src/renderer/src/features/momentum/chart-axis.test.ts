import { describe, expect, it } from 'vitest'
import { gameTimeDomain, runLabelRows, marginDomain, marginLabel, marginTicks, periodTickLabel, periodTicks } from './chart-axis'

describe('chart axes', () => {
  it('spans regulation, or the overtimes played', () => {
    expect(gameTimeDomain(2)).toEqual([0, 2880])
    expect(gameTimeDomain(6)).toEqual([0, 3480])
  })

  it('puts one labelled tick in the middle of each period', () => {
    expect(periodTicks(5)).toEqual([360, 1080, 1800, 2520, 3030])
    expect(periodTicks(5).map(periodTickLabel)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'OT'])
  })

  it('labels margins by the leading team', () => {
    const teams = { home: 'BOS', away: 'LAL' }
    expect([10, 0, -7].map((m) => marginLabel(m, teams))).toEqual(['BOS +10', 'Tied', 'LAL +7'])
  })

  it('returns a symmetric margin range in tens with headroom', () => {
    expect(marginDomain([3, -2])).toEqual([-10, 10])
    expect(marginDomain([12, -18])).toEqual([-20, 20])
    expect(marginDomain([20])).toEqual([-30, 30])
    expect(marginTicks([-30, 30])).toEqual([-30, -15, 0, 15, 30])
  })

  it('gives every run a label row, stacking only labels that would overlap', () => {
    const runs = [{ points: 8, startX: 1970 }, { points: 9, startX: 1900 }, { points: 11, startX: 2300 }, { points: 10, startX: 1990 }]
    const rows = runLabelRows(runs, () => 144)
    expect(rows.size).toBe(runs.length)
    // 1900 → row 0 (ends 2044); 1970 and 1990 collide with it and each other; 2300 is clear again.
    expect(runs.map((run) => rows.get(run))).toEqual([1, 0, 0, 2])
  })

  it('keeps labels that do not collide on the first row', () => {
    const runs = [{ startX: 0 }, { startX: 600 }, { startX: 1200 }]
    expect([...runLabelRows(runs, () => 100).values()]).toEqual([0, 0, 0])
  })
})
