import { describe, expect, it } from 'vitest'
import { gameTimeDomain, labelledRuns, marginDomain, marginLabel, marginTicks, periodTickLabel, periodTicks } from './chart-axis'

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

  it('labels only the largest runs', () => {
    const runs = [{ points: 8, startX: 0 }, { points: 14, startX: 600 }, { points: 10, startX: 1200 }]
    expect([...labelledRuns(runs, 2)]).toEqual([runs[1], runs[2]])
    expect(labelledRuns(runs).size).toBe(3)
  })

  it('returns no label for a run starting too close to a larger labelled one', () => {
    const runs = [{ points: 8, startX: 1900 }, { points: 9, startX: 1970 }, { points: 11, startX: 2300 }]
    expect([...labelledRuns(runs, 8, 144)]).toEqual([runs[2], runs[1]])
    expect(labelledRuns(runs, 8, 60).size).toBe(3)
  })
})
