import { describe, expect, it } from 'vitest'
import { basket, makeEvent } from '../momentum/test-events'
import { eventTypes, periods, runningScores, toTimelineRows } from './timeline-rows'

const teams = { home: 'BOS', away: 'LAL' }

describe('timeline rows', () => {
  it('returns the score after each event, even non-scoring ones', () => {
    const events = [basket('BOS', 2, 1, '11:00'), makeEvent({ teamTricode: 'LAL', period: 1, clock: '10:40', eventType: 'foul', pointsTotal: 0 }), basket('LAL', 3, 2, 'PT10M00.00S')]
    const rows = toTimelineRows(events, runningScores(events, teams))
    expect(rows.map((row) => [row.elapsed, row.score])).toEqual([
      [60, { home: 2, away: 0 }],
      [80, { home: 2, away: 0 }],
      [840, { home: 2, away: 3 }],
    ])
  })

  it('leaves the score empty for events outside the known game', () => {
    const [event] = [basket('BOS', 2, 1, '11:00')]
    expect(toTimelineRows([event!], new Map())[0]!.score).toBeNull()
  })

  it('lists the event types and periods present', () => {
    const events = [makeEvent({ teamTricode: 'BOS', period: 2, clock: '1:00', eventType: 'rebound' }), makeEvent({ teamTricode: 'BOS', period: 1, clock: '1:00', eventType: 'foul' }), makeEvent({ teamTricode: 'BOS', period: 2, clock: '1:00', eventType: 'foul' })]
    expect(eventTypes(events)).toEqual(['foul', 'rebound'])
    expect(periods(events)).toEqual([1, 2])
  })
})
