import { describe, expect, it } from 'vitest'
import { parseNbaGame, toEasternDate } from './nba-game-import'
import { NO_TEAM } from './nba-teams'
import { action, fixtureDoc, fixtureText, liveText, partialText } from './nba-test-fixtures'

describe('parseNbaGame', () => {
  describe('on the real fixture files', () => {
    it('derives home, away, the Eastern date and the status', () => {
      expect(parseNbaGame(fixtureText('0022000001'), 'a').game).toEqual({
        gameId: '0022000001', homeTeam: 'BKN', awayTeam: 'GSW', gameDate: '2020-12-22', status: 'Final',
      })
      expect(parseNbaGame(fixtureText('0022400718'), 'b').game).toMatchObject({ homeTeam: 'DET', awayTeam: 'CLE', gameDate: '2025-02-05', status: 'Final' })
      expect(parseNbaGame(fixtureText('0022400762'), 'c').game).toMatchObject({ homeTeam: 'DAL', awayTeam: 'SAC', gameDate: '2025-02-10', status: 'Final OT' })
    })

    it('keeps every action, in orderNumber order, with game-scoped event ids', () => {
      const { events } = parseNbaGame(fixtureText('0022000001'), 'f')
      expect(events).toHaveLength(610)
      expect(new Set(events.map((e) => e.eventId)).size).toBe(610)
      const orders = events.map((e) => e.orderNumber!)
      expect(orders).toEqual([...orders].sort((a, b) => a - b))
      // Action 103 was entered late: a higher actionNumber slotted before action 106.
      const ids = events.map((e) => e.eventId)
      expect(ids.indexOf('0022000001-103')).toBeLessThan(ids.indexOf('0022000001-106'))
    })

    it('keeps team-less actions under the placeholder team with a null score', () => {
      const { events } = parseNbaGame(fixtureText('0022000001'), 'f')
      const stoppages = events.filter((e) => e.eventType === 'stoppage')
      expect(stoppages).toHaveLength(7)
      expect(stoppages.every((e) => e.teamTricode === NO_TEAM && e.description === null && e.pointsTotal === null)).toBe(true)
      expect(events.filter((e) => e.eventType === 'period_start')).toHaveLength(4)
      expect(events.at(-1)).toMatchObject({ eventType: 'game_end', teamTricode: NO_TEAM, description: 'Game End' })
    })

    it('stores each team its own score after the action', () => {
      const { events } = parseNbaGame(fixtureText('0022400762'), 'f')
      const last = (team: string) => events.filter((e) => e.teamTricode === team).at(-1)!.pointsTotal
      expect(last('DAL')).toBe(128)
      expect(last('SAC')).toBe(129)
      const previous = new Map<string, number>()
      for (const event of events.filter((e) => e.pointsTotal !== null)) {
        const delta = event.pointsTotal! - (previous.get(event.teamTricode) ?? 0)
        previous.set(event.teamTricode, event.pointsTotal!)
        if (delta !== 0) expect(event.shotResult, event.eventId).toBe('Made')
      }
    })

    it('maps fields as given: clock, player, shot result, timestamp, decoded names', () => {
      const { events } = parseNbaGame(fixtureText('0022400762'), 'f')
      const jumpBall = events.find((e) => e.eventType === 'jump_ball')!
      expect(jumpBall.clock).toMatch(/^PT\d\dM\d\d\.\d\dS$/)
      expect(events.some((e) => e.description?.includes('Valančiūnas'))).toBe(true)
      const shots = events.filter((e) => e.eventType === 'shot' || e.eventType === 'free_throw')
      expect(new Set(shots.map((e) => e.shotResult))).toEqual(new Set(['Made', 'Missed']))
      expect(events.filter((e) => e.eventType === 'rebound').every((e) => e.shotResult === null)).toBe(true)
      expect(events[0]!.timestamp).toBe('2025-02-11 01:40:36.600000')
    })

    it('maps the challenge, the ejection and the flagrant foul of 0022400718', () => {
      const byNumber = new Map(parseNbaGame(fixtureText('0022400718'), 'f').events.map((e) => [e.eventId, e]))
      expect(byNumber.get('0022400718-483')).toMatchObject({ eventType: 'timeout', teamTricode: 'CLE', playerName: null })
      expect(byNumber.get('0022400718-752')).toMatchObject({ eventType: 'ejection', description: 'Ejection J. Allen' })
    })

    it('marks every 3pt attempt and no 2pt attempt with 3PT in the description', () => {
      for (const id of ['0022000001', '0022400718', '0022400762']) {
        const doc = fixtureDoc(id)
        const { events } = parseNbaGame(fixtureText(id), id)
        const threes = new Set(doc.game.actions.filter((a) => a.actionType === '3pt').map((a) => `${id}-${a.actionNumber}`))
        const marked = events.filter((e) => e.eventType === 'shot' && e.description!.includes('3PT')).map((e) => e.eventId)
        expect(new Set(marked)).toEqual(threes)
      }
    })
  })

  describe('on a live game in progress', () => {
    it('marks it Live and already knows the sides once someone scored', () => {
      const { game, events } = parseNbaGame(partialText('0022400718', 40), 'p')
      expect(game).toMatchObject({ homeTeam: 'DET', awayTeam: 'CLE', status: 'Live' })
      expect(events).toHaveLength(40)
    })

    it('leaves the sides unknown before the first score and still stores 0-0 team scores', () => {
      const { game, events } = parseNbaGame(partialText('0022400718', 2), 'p')
      expect(game).toMatchObject({ homeTeam: NO_TEAM, awayTeam: NO_TEAM, status: 'Live' })
      expect(events[1]).toMatchObject({ teamTricode: 'CLE', pointsTotal: 0 })
      expect(parseNbaGame(partialText('0022400718', 3), 'p').game).toMatchObject({ homeTeam: NO_TEAM, awayTeam: 'CLE' })
    })
  })

  describe('on hand-made documents', () => {
    it('sorts actions by orderNumber when the file is not sorted', () => {
      const text = liveText([action({ actionNumber: 5, orderNumber: 30 }), action({ actionNumber: 6, orderNumber: 10 })])
      expect(parseNbaGame(text, 'x').events.map((e) => e.eventId)).toEqual(['0099900001-6', '0099900001-5'])
    })

    it('takes the side a team scores on, and the other team the other side', () => {
      const text = liveText([
        action({ teamTricode: 'BBB', actionType: '2pt', subType: 'Layup', shotResult: 'Made', scoreAway: '2' }),
        action({ teamTricode: 'AAA' }),
      ])
      expect(parseNbaGame(text, 'x').game).toMatchObject({ homeTeam: 'AAA', awayTeam: 'BBB' })
    })

    it('adds the 3PT marker to a 3pt attempt whose description lacks it', () => {
      const text = liveText([
        action({ actionType: '3pt', subType: 'Jump Shot', shotResult: 'Missed', description: 'MISS Someone' }),
        action({ actionType: '3pt', subType: 'Jump Shot', shotResult: 'Missed', description: undefined }),
      ])
      expect(parseNbaGame(text, 'x').events.map((e) => e.description)).toEqual(['3PT MISS Someone', '3PT'])
    })

    it('rejects a game with a third team, naming the action', () => {
      const text = liveText([action({ teamTricode: 'AAA' }), action({ teamTricode: 'BBB' }), action({ actionNumber: 77, teamTricode: 'CCC' })])
      expect(() => parseNbaGame(text, 'g.json')).toThrow('g.json: action 77: a third team CCC appears (game has AAA and BBB)')
    })

    it('rejects a game where both teams score on the same side', () => {
      const text = liveText([
        action({ teamTricode: 'AAA', actionType: 'freethrow', subType: '1 of 1', shotResult: 'Made', scoreHome: '1' }),
        action({ teamTricode: 'BBB', actionType: 'freethrow', subType: '1 of 1', shotResult: 'Made', scoreHome: '2' }),
      ])
      expect(() => parseNbaGame(text, 'g.json')).toThrow(/^g\.json: cannot tell home from away/)
    })
  })
})

describe('toEasternDate', () => {
  it('returns the US-Eastern calendar date, across daylight saving time', () => {
    expect(toEasternDate(new Date('2025-02-06T00:11:07.6Z'))).toBe('2025-02-05')
    expect(toEasternDate(new Date('2025-02-06T05:00:00Z'))).toBe('2025-02-06')
    expect(toEasternDate(new Date('2024-07-01T03:59:00Z'))).toBe('2024-06-30')
    expect(toEasternDate(new Date('2024-07-01T04:00:00Z'))).toBe('2024-07-01')
  })
})
