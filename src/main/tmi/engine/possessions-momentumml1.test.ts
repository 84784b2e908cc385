import { describe, expect, it } from 'vitest'
import { possessionFeatures } from './features'
import { orderEventsMomentumml1, segmentPossessionsMomentumml1 } from './possessions-momentumml1'
import { toEvents, vectorA } from './test-events'
import type { TmiPossession } from './tmi-types'

function summary(possession: TmiPossession) {
  const { number, teamTricode, pointsScored, fgAttempts, fgMade, turnovers, rebounds, fouls } = possession
  const events = possession.events.map((event) => event.eventId).join(',')
  return { number, teamTricode, events, pointsScored, fgAttempts, fgMade, turnovers, rebounds, fouls }
}

describe('segmentPossessionsMomentumml1', () => {
  describe('with vector A', () => {
    it('produces the six possessions of the spec in reversed order', () => {
      expect(segmentPossessionsMomentumml1(vectorA).map(summary)).toEqual([
        { number: 1, teamTricode: 'GSW', events: 'e10', pointsScored: 0, fgAttempts: 0, fgMade: 0, turnovers: 0, rebounds: 0, fouls: 0 },
        { number: 2, teamTricode: 'GSW', events: 'e9', pointsScored: 2, fgAttempts: 1, fgMade: 1, turnovers: 0, rebounds: 0, fouls: 0 },
        { number: 3, teamTricode: 'LAL', events: 'e8', pointsScored: 0, fgAttempts: 0, fgMade: 0, turnovers: 0, rebounds: 0, fouls: 1 },
        { number: 4, teamTricode: 'LAL', events: 'e7,e6', pointsScored: 0, fgAttempts: 0, fgMade: 0, turnovers: 1, rebounds: 1, fouls: 0 },
        { number: 5, teamTricode: 'GSW', events: 'e5', pointsScored: 0, fgAttempts: 1, fgMade: 0, turnovers: 0, rebounds: 0, fouls: 0 },
        { number: 6, teamTricode: 'LAL', events: 'e3,e2,e1', pointsScored: 2, fgAttempts: 2, fgMade: 1, turnovers: 0, rebounds: 1, fouls: 0 },
      ])
    })

    it('ends each possession at the clock of its last appended event', () => {
      const possession = segmentPossessionsMomentumml1(vectorA)[5]
      expect(possession?.clock).toBe('11:50')
      expect(possession?.secondsRemaining).toBe(710)
    })
  })

  describe('with quirks of the original', () => {
    it('counts every made shot as 2 points and ignores free throws', () => {
      const [possession] = segmentPossessionsMomentumml1(
        toEvents([['BOS', 'shot', '5:00', 'Made', 3], ['BOS', 'free_throw', '5:00', 'Made', 4]]),
      )
      expect(possession && possessionFeatures(possession)).toMatchObject({ points_scored: 2, fg_percentage: 1 })
      expect(possession?.events).toHaveLength(2)
    })

    it('keeps input order when ISO clocks all read as 0.0', () => {
      const events = toEvents([['BOS', 'shot', 'PT11M00.00S', 'Missed'], ['MIA', 'rebound', 'PT10M58.00S'], ['MIA', 'shot', 'PT10M40.00S', 'Missed']])
      expect(orderEventsMomentumml1(events).map((event) => event.eventId)).toEqual(['e1', 'e2', 'e3'])
      expect(segmentPossessionsMomentumml1(events).map((possession) => possession.teamTricode)).toEqual(['BOS', 'MIA'])
    })

    it('sorts unreadable clocks first in their period, as 0.0 remaining', () => {
      const events = toEvents([['BOS', 'shot', '11:00', 'Missed'], ['BOS', 'foul', '1:02:03'], ['BOS', 'turnover', '', null, null, 2]])
      expect(orderEventsMomentumml1(events).map((event) => event.eventId)).toEqual(['e2', 'e1', 'e3'])
    })

    it('does not end a possession when the period changes', () => {
      const events = toEvents([['LAL', 'shot', '5:00', 'Missed', null, 1], ['LAL', 'rebound', '5:00', null, null, 2]])
      expect(segmentPossessionsMomentumml1(events)).toHaveLength(1)
    })
  })
})
