import { describe, expect, it } from 'vitest'
import { eventElapsed, leadChanges, scorePoints, scoringRuns, thinPoints, type ScorePoint } from './score-series'
import { basket, makeEvent } from './test-events'

const teams = { home: 'BOS', away: 'LAL' }

describe('scorePoints', () => {
  it('returns the margin after each scoring play, from 0–0 at tip-off', () => {
    const events = [basket('BOS', 2, 1, '11:40'), makeEvent({ teamTricode: 'LAL', period: 1, clock: '11:20', pointsTotal: 0 }), basket('LAL', 3, 1, 'PT11M00.00S')]
    const points = scorePoints(events, teams)
    expect(points.map((p) => [p.x, p.home, p.away, p.margin, p.scorer, p.points])).toEqual([
      [0, 0, 0, 0, null, 0],
      [20, 2, 0, 2, 'home', 2],
      [60, 2, 3, -1, 'away', 3],
    ])
    expect(points[1]!.eventId).toBe(events[0]!.eventId)
  })

  it('ignores events of other teams, lower totals and unreadable clocks', () => {
    const events = [basket('BOS', 2, 1, '11:40'), basket('', 99, 1, '11:30'), basket('BOS', 1, 1, '11:20'), basket('LAL', 2, 1, 'later')]
    expect(scorePoints(events, teams)).toHaveLength(2)
  })

  it('prefers the clock seconds main parsed', () => {
    expect(eventElapsed({ period: 2, clock: 'garbled', clockSeconds: 600 })).toBe(840)
  })
})

describe('leadChanges', () => {
  it('returns plays that give the lead to the other team, through ties too', () => {
    const points = scorePoints(
      [basket('BOS', 2, 1, '11:00'), basket('LAL', 2, 1, '10:00'), basket('LAL', 5, 1, '9:00'), basket('LAL', 7, 1, '8:00'), basket('BOS', 9, 1, '7:00')],
      teams,
    )
    expect(leadChanges(points).map((c) => [c.x, c.leader, c.margin])).toEqual([
      [180, 'away', -3],
      [300, 'home', 2],
    ])
  })

  it('returns nothing when one team leads throughout', () => {
    const points = scorePoints([basket('BOS', 2, 1, '11:00'), basket('LAL', 1, 1, '10:00'), basket('BOS', 4, 1, '9:00')], teams)
    expect(leadChanges(points)).toEqual([])
  })
})

describe('scoringRuns', () => {
  it('returns runs of 8 or more unanswered points', () => {
    const points = scorePoints(
      [basket('LAL', 2, 1, '11:00'), basket('BOS', 3, 1, '10:30'), basket('BOS', 5, 1, '10:00'), basket('BOS', 8, 1, '9:30'), basket('BOS', 10, 1, '9:00'), basket('LAL', 4, 1, '8:00')],
      teams,
    )
    const runs = scoringRuns(points)
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ team: 'home', points: 10, startX: 90, endX: 180 })
  })

  it('does not count a 7–0 run, and a run ends when the other team scores', () => {
    const points = scorePoints([basket('BOS', 3, 1, '11:00'), basket('BOS', 7, 1, '10:00'), basket('LAL', 1, 1, '9:00'), basket('BOS', 10, 1, '8:00')], teams)
    expect(scoringRuns(points)).toEqual([])
    expect(scoringRuns(points, 7)).toHaveLength(1)
  })

  it('returns a run that lasts to the end of the game', () => {
    const points = scorePoints([basket('LAL', 4, 4, '1:00'), basket('LAL', 8, 4, '0:10')], teams)
    expect(scoringRuns(points)).toMatchObject([{ team: 'away', points: 8, endX: 2870 }])
  })
})

describe('thinPoints', () => {
  const many: ScorePoint[] = Array.from({ length: 10_000 }, (_, i) => ({ x: i, home: 0, away: 0, margin: Math.round(20 * Math.sin(i / 300)), eventId: `e${i}`, scorer: 'home', points: 1 }))

  it('keeps short series as they are', () => {
    expect(thinPoints(many.slice(0, 50), 100)).toHaveLength(50)
  })

  it('returns at most about the limit, keeping the ends and the extremes', () => {
    const thin = thinPoints(many, 1000)
    expect(thin.length).toBeLessThanOrEqual(1002)
    expect(thin[0]).toBe(many[0])
    expect(thin.at(-1)).toBe(many.at(-1))
    expect(Math.max(...thin.map((p) => p.margin))).toBe(20)
    expect(Math.min(...thin.map((p) => p.margin))).toBe(-20)
    expect(thin.every((p, i) => i === 0 || p.x > thin[i - 1]!.x)).toBe(true)
  })
})
