import { describe, expect, it } from 'vitest'
import { makeEvent } from '../momentum/test-events'
import { formatPlayTime, formatRowScore, isTeamless, timelineColumns } from './timeline-columns'

describe('timeline columns', () => {
  const row = { event: makeEvent({ teamTricode: 'BOS', period: 5, clock: 'PT03M07.00S' }), elapsed: 3013, score: { home: 101, away: 99 } }

  it('formats the play time from period and clock', () => {
    expect(formatPlayTime(row)).toBe('OT 3:07')
    expect(formatPlayTime({ ...row, event: { ...row.event, period: 2, clock: '0:04.5' } })).toBe('Q2 0:04.5')
  })

  it('formats the score away first, or a dash before it is known', () => {
    expect(formatRowScore(row)).toBe('99–101')
    expect(formatRowScore({ ...row, score: null })).toBe('—')
  })

  it('recognizes plays without a team', () => {
    expect([isTeamless('---'), isTeamless(''), isTeamless('BOS')]).toEqual([true, true, false])
  })

  it('lists the timeline columns in display order', () => {
    expect(timelineColumns.map((column) => column.id)).toEqual(['time', 'team', 'type', 'player', 'description', 'score'])
  })
})
