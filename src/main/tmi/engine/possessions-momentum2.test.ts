import { describe, expect, it } from 'vitest'
import { orderEventsMomentum2, scoringPoints } from './game-order'
import { segmentPossessionsMomentum2 } from './possessions-momentum2'
import { momentum2Game, toEvents, type EventRow } from './test-events'
import type { TmiPossession } from './tmi-types'

function summary(possession: TmiPossession) {
  const { teamTricode: team, pointsScored: pts, fgMade, fgAttempts, ftMade, ftAttempts, rebounds: reb, turnovers: tov, fouls } = possession
  const events = possession.events.map((event) => event.eventId).join(',')
  return { team, events, pts, fg: `${fgMade}/${fgAttempts}`, ft: `${ftMade}/${ftAttempts}`, reb, tov, fouls }
}

function segment(rows: readonly EventRow[], teams?: readonly string[]) {
  return segmentPossessionsMomentum2(toEvents(rows), teams).map(summary)
}

describe('segmentPossessionsMomentum2', () => {
  describe('with a full game', () => {
    it('follows the ball through threes, free throws, rebounds, turnovers and a period end', () => {
      const possessions = segmentPossessionsMomentum2(momentum2Game)
      expect(possessions.map(summary)).toEqual([
        { team: 'BOS', events: 'e3,e4,e5', pts: 3, fg: '1/2', ft: '0/0', reb: 1, tov: 0, fouls: 0 },
        { team: 'MIA', events: 'e6', pts: 0, fg: '0/1', ft: '0/0', reb: 0, tov: 0, fouls: 0 },
        { team: 'BOS', events: 'e7,e9,e11', pts: 2, fg: '0/0', ft: '2/2', reb: 1, tov: 0, fouls: 0 },
        { team: 'MIA', events: 'e12', pts: 2, fg: '1/1', ft: '0/0', reb: 0, tov: 0, fouls: 1 },
        { team: 'BOS', events: 'e13', pts: 0, fg: '0/0', ft: '0/0', reb: 0, tov: 1, fouls: 0 },
        { team: 'MIA', events: 'e14,e16', pts: 2, fg: '1/1', ft: '0/1', reb: 0, tov: 0, fouls: 0 },
        { team: 'BOS', events: 'e17', pts: 0, fg: '0/0', ft: '0/0', reb: 1, tov: 0, fouls: 1 },
        { team: 'MIA', events: 'e19', pts: 2, fg: '1/1', ft: '0/0', reb: 0, tov: 0, fouls: 0 },
        { team: 'BOS', events: 'e20,e21,e22,e23', pts: 0, fg: '0/1', ft: '0/0', reb: 1, tov: 1, fouls: 1 },
      ])
      expect(possessions.map((possession) => possession.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    })
  })

  describe('at the end of a possession', () => {
    it('includes the made shot and opens a new possession for the same team’s next shot', () => {
      expect(segment([['BOS', 'shot', '5:00', 'Made', 2], ['BOS', 'shot', '4:40', 'Missed', 2]]).map((p) => p.events)).toEqual(['e1', 'e2'])
    })

    it('keeps an and-one free throw with its shot and carries the shooting foul to the fouling team', () => {
      expect(segment([
        ['BOS', 'shot', '5:00', 'Made', 2], ['MIA', 'foul', '5:00'], ['BOS', 'free_throw', '5:00', 'Made', 3], ['MIA', 'shot', '4:40', 'Missed', 0],
      ])).toEqual([
        { team: 'BOS', events: 'e1,e3', pts: 3, fg: '1/1', ft: '1/1', reb: 0, tov: 0, fouls: 0 },
        { team: 'MIA', events: 'e4', pts: 0, fg: '0/1', ft: '0/0', reb: 0, tov: 0, fouls: 1 },
      ])
    })

    it('continues after a missed last free throw and an offensive rebound', () => {
      expect(segment([
        ['BOS', 'free_throw', '5:00', 'Made', 1], ['BOS', 'free_throw', '5:00', 'Missed', 1], ['BOS', 'rebound', '4:58'], ['BOS', 'shot', '4:50', 'Made', 4],
      ])).toEqual([{ team: 'BOS', events: 'e1,e2,e3,e4', pts: 4, fg: '1/1', ft: '1/2', reb: 1, tov: 0, fouls: 0 }])
    })

    it('ends on the turnover that it includes', () => {
      expect(segment([['BOS', 'turnover', '5:00'], ['BOS', 'shot', '4:40', 'Missed']]).map((p) => p.events)).toEqual(['e1', 'e2'])
    })

    it('closes when the period changes even without a period_end event', () => {
      expect(segment([['BOS', 'shot', '0:01', 'Missed', null, 1], ['BOS', 'rebound', '12:00', null, null, 2]]).map((p) => p.events)).toEqual(['e1', 'e2'])
    })

    it('does not let a foul, violation or jump ball open or close a possession', () => {
      expect(segment([
        ['BOS', 'jump_ball', '12:00'], ['BOS', 'shot', '11:50', 'Missed'], ['BOS', 'violation', '11:49'], ['BOS', 'foul', '11:48'], ['BOS', 'turnover', '11:48'],
      ])).toEqual([{ team: 'BOS', events: 'e2,e3,e4,e5', pts: 0, fg: '0/1', ft: '0/0', reb: 0, tov: 1, fouls: 1 }])
    })
  })

  describe('with events of no team or of another team', () => {
    const rows: EventRow[] = [['BOS', 'shot', '5:00', 'Missed'], ['NBA', 'shot', '4:59', 'Missed'], ['', 'rebound', '4:58'], ['BOS', 'rebound', '4:57']]

    it('ignores teams outside `teams` and events without a team', () => {
      expect(segment(rows, ['BOS', 'MIA']).map((p) => [p.team, p.events])).toEqual([['BOS', 'e1,e4']])
    })

    it('treats an unlisted placeholder team as a team when `teams` is not given', () => {
      expect(segment(rows).map((p) => [p.team, p.events])).toEqual([['BOS', 'e1'], ['NBA', 'e2'], ['BOS', 'e4']])
    })
  })
})

describe('orderEventsMomentum2', () => {
  it('orders by period, then clock remaining descending, then input order', () => {
    const events = toEvents([
      ['BOS', 'shot', '1:00', null, null, 2], ['BOS', 'foul', 'PT05M00.00S'], ['MIA', 'foul', '5:00'], ['BOS', 'shot', 'PT11M00.00S'],
    ])
    expect(orderEventsMomentum2(events).map(({ event }) => event.eventId)).toEqual(['e4', 'e2', 'e3', 'e1'])
  })

  it('gives an unreadable clock the previous readable clock of its period, or the period start', () => {
    const events = toEvents([['BOS', 'foul', '??'], ['BOS', 'shot', '8:00'], ['BOS', 'rebound', 'soon'], ['MIA', 'shot', '9:00']])
    expect(orderEventsMomentum2(events).map(({ event, secondsRemaining }) => [event.eventId, secondsRemaining])).toEqual([
      ['e1', 720], ['e4', 540], ['e2', 480], ['e3', 480],
    ])
  })
})

describe('scoringPoints', () => {
  const [three, freeThrow, noScore, missed] = toEvents([
    ['BOS', 'shot', '5:00', 'Made', 10], ['BOS', 'free_throw', '5:00', 'Made', 11], ['BOS', 'shot', '4:00', 'Made', null], ['BOS', 'shot', '3:00', 'Missed', 11],
  ])

  it('takes the points from the team’s score change', () => {
    const scores = new Map([['BOS', 7]])
    expect(three && scoringPoints(three, scores)).toBe(3)
    expect(freeThrow && scoringPoints(freeThrow, scores)).toBe(1)
    expect(scores.get('BOS')).toBe(11)
  })

  it('falls back to 2 for a shot without a score and scores nothing for a miss', () => {
    const scores = new Map([['BOS', 11]])
    expect(noScore && scoringPoints(noScore, scores)).toBe(2)
    expect(missed && scoringPoints(missed, scores)).toBe(0)
  })

  it('falls back when the change cannot come from one action, as in a feed that starts mid-game', () => {
    expect(three && scoringPoints(three, new Map())).toBe(2)
    expect(freeThrow && scoringPoints(freeThrow, new Map([['BOS', 11]]))).toBe(1)
  })
})
