import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { NewGameEvent } from '../../shared/domain/events'
import { AppFailure } from '../errors/app-failure'
import { parseClockSeconds } from '../../shared/domain/game-clock'
import { NO_TEAM } from '../import/nba-teams'
import { DEMO_EVENT_TYPES, generateDemoGame, generateDemoGames, type DemoGame } from './demo-generator'
import { liveGameCount } from './demo-schedule'
import { TEAM_TRICODES } from './demo-teams'

const hashOf = (games: readonly DemoGame[]) => createHash('sha256').update(JSON.stringify(games)).digest('hex')
const hundred = [...generateDemoGames({ games: 100, seed: 2024 })]
const finals = hundred.filter((game) => game.info.status !== 'Live')
const lastPeriod = (game: DemoGame) => Math.max(...game.events.map((event) => event.period))

/** Points each team's made shots and free throws add up to (a 3PT attempt is worth 3). */
function pointsFromPlays(events: readonly NewGameEvent[]): Map<string, number> {
  const points = new Map<string, number>()
  for (const event of events) {
    if (event.shotResult !== 'Made') continue
    const value = event.eventType === 'free_throw' ? 1 : event.description?.includes('3PT') ? 3 : 2
    points.set(event.teamTricode, (points.get(event.teamTricode) ?? 0) + value)
  }
  return points
}

function longestRun(events: readonly NewGameEvent[]): number {
  const previous = new Map<string, number>()
  let team = ''
  let run = 0
  let longest = 0
  for (const event of events) {
    if (event.shotResult !== 'Made') continue
    const gained = event.pointsTotal! - (previous.get(event.teamTricode) ?? 0)
    previous.set(event.teamTricode, event.pointsTotal!)
    run = event.teamTricode === team ? run + gained : gained
    team = event.teamTricode
    longest = Math.max(longest, run)
  }
  return longest
}

describe('generateDemoGames', () => {
  describe('determinism', () => {
    it('returns identical games for the same seed and different games for another seed', () => {
      const first = [...generateDemoGames({ games: 8, seed: 11 })]
      expect(hashOf([...generateDemoGames({ games: 8, seed: 11 })])).toBe(hashOf(first))
      expect(hashOf([...generateDemoGames({ games: 8, seed: 12 })])).not.toBe(hashOf(first))
    })

    it('returns the same plays for a game whatever the number of games generated', () => {
      const alone = generateDemoGame(2024, 37, 100)
      expect(alone).toEqual(hundred[37])
      const withoutTime = (game: DemoGame) => game.events.map(({ timestamp: _timestamp, ...event }) => event)
      expect(withoutTime(generateDemoGame(2024, 37, 500))).toEqual(withoutTime(alone))
    })

    it('rejects a negative or fractional game count and a non-integer seed', () => {
      expect(() => [...generateDemoGames({ games: -1, seed: 1 })]).toThrow(AppFailure)
      expect(() => [...generateDemoGames({ games: 1.5, seed: 1 })]).toThrow(/games must be an integer/)
      expect(() => [...generateDemoGames({ games: 1, seed: 0.5 })]).toThrow(/seed must be an integer/)
    })
  })

  describe('games', () => {
    it('pairs two different real teams under unique NBA-style ids, dated across a season', () => {
      const ids = new Set(hundred.map((game) => game.info.gameId))
      expect(ids.size).toBe(100)
      for (const { info } of hundred) {
        expect(info.gameId).toMatch(/^00224\d{5}$/)
        expect(TEAM_TRICODES).toContain(info.homeTeam)
        expect(TEAM_TRICODES).toContain(info.awayTeam)
        expect(info.homeTeam).not.toBe(info.awayTeam)
      }
      const dates = hundred.map((game) => game.info.gameDate)
      expect(dates[0]).toBe('2024-10-22')
      expect(dates.at(-1)! > '2025-04-01').toBe(true)
      expect([...dates].sort()).toEqual(dates)
    })

    it('marks the last games live, stopped mid-game, and the others final', () => {
      const live = hundred.filter((game) => game.info.status === 'Live')
      expect(live.length).toBe(liveGameCount(100))
      expect(live.map((game) => game.info.gameId)).toEqual(hundred.slice(-live.length).map((game) => game.info.gameId))
      for (const game of live) {
        expect(game.events.some((event) => event.eventType === 'game_end')).toBe(false)
        expect(game.events.length).toBeGreaterThan(100)
      }
      for (const game of finals) {
        expect(game.info.status).toBe(lastPeriod(game) > 4 ? 'Final OT' : 'Final')
        expect(game.events.at(-1)).toMatchObject({ eventType: 'game_end', teamTricode: NO_TEAM })
      }
    })

    it('plays at least four periods and goes to overtime in a few games', () => {
      const overtime = finals.filter((game) => lastPeriod(game) > 4).length
      expect(Math.min(...finals.map(lastPeriod))).toBeGreaterThanOrEqual(4)
      expect(overtime).toBeGreaterThan(0)
      expect(overtime).toBeLessThan(15)
    })

    it('writes 400 to 650 events per finished game', () => {
      for (const game of finals) {
        expect(game.events.length).toBeGreaterThanOrEqual(400)
        expect(game.events.length).toBeLessThanOrEqual(650)
      }
    })
  })

  describe('events', () => {
    it('uses every event type across 20 games', () => {
      const types = new Set(hundred.slice(0, 20).flatMap((game) => game.events.map((event) => event.eventType)))
      expect([...types].sort()).toEqual([...DEMO_EVENT_TYPES].sort())
    })

    it('keeps each team score equal to its made shots and free throws', () => {
      for (const game of hundred) {
        const points = pointsFromPlays(game.events)
        for (const team of [game.info.homeTeam, game.info.awayTeam]) {
          const last = game.events.filter((event) => event.teamTricode === team).at(-1)!
          expect(last.pointsTotal).toBe(points.get(team) ?? 0)
        }
      }
      const final = finals[0]!
      const scores = pointsFromPlays(final.events)
      expect(scores.get(final.info.homeTeam)).not.toBe(scores.get(final.info.awayTeam))
    })

    it('runs in game order: order numbers rise, the clock runs down, timestamps advance', () => {
      for (const game of hundred.slice(0, 20)) {
        let previous: NewGameEvent | null = null
        for (const event of game.events) {
          expect(event.clock).toMatch(/^PT\d{2}M\d{2}\.\d{2}S$/)
          if (previous) {
            expect(event.orderNumber!).toBeGreaterThan(previous.orderNumber!)
            expect(event.timestamp! > previous.timestamp!).toBe(true)
            if (event.period === previous.period) expect(parseClockSeconds(event.clock)!).toBeLessThanOrEqual(parseClockSeconds(previous.clock)!)
            else expect(event.period).toBe(previous.period + 1)
          }
          previous = event
        }
        const hours = (Date.parse(game.events.at(-1)!.timestamp!) - Date.parse(game.events[0]!.timestamp!)) / 3_600_000
        if (game.info.status !== 'Live') expect(hours).toBeGreaterThan(1.75)
        expect(hours).toBeLessThan(3.5)
      }
    })

    it('opens periods at 12:00 (5:00 in overtime) with a tip-off jump ball in the first', () => {
      const overtime = finals.find((game) => lastPeriod(game) > 4)!
      const starts = overtime.events.filter((event) => event.eventType === 'period_start')
      expect(starts.map((event) => event.clock)).toEqual([...Array(4).fill('PT12M00.00S'), ...Array(starts.length - 4).fill('PT05M00.00S')])
      expect(overtime.events[1]).toMatchObject({ eventType: 'jump_ball', description: expect.stringMatching(/^Jump Ball .+ vs\. .+: Tip to /) })
    })

    it('puts period and game actions under the importer placeholder, and plays under a team with a score', () => {
      for (const event of hundred[0]!.events) {
        const isGameAction = ['period_start', 'period_end', 'game_end'].includes(event.eventType)
        expect(event.teamTricode === NO_TEAM).toBe(isGameAction)
        if (isGameAction) expect(event).toMatchObject({ pointsTotal: null, playerName: null })
        else expect(event.pointsTotal).toEqual(expect.any(Number))
      }
    })

    it('describes plays as the NBA feed does, with 3PT only on three-point attempts', () => {
      const events = hundred.slice(0, 10).flatMap((game) => game.events)
      const threes = events.filter((event) => event.eventType === 'shot' && event.description!.includes('3PT'))
      expect(threes.length / events.filter((event) => event.eventType === 'shot').length).toBeGreaterThan(0.3)
      expect(events.find((event) => event.eventType === 'shot' && event.shotResult === 'Missed')!.description).toMatch(/^MISS [A-Z]\. \S+ /)
      expect(events.find((event) => event.eventType === 'free_throw' && event.shotResult === 'Made')!.description).toMatch(/^[A-Z]\. \S+ Free Throw \d of \d \(\d+ PTS\)$/)
      expect(events.find((event) => event.eventType === 'steal')!.description).toMatch(/STEAL \(\d+ STL\)$/)
      expect(events.find((event) => event.eventType === 'substitution')!.description).toMatch(/^SUB (out|in): /)
      const timeout = events.find((event) => event.eventType === 'timeout')!
      expect(timeout.description).toBe(`${timeout.teamTricode} Timeout`)
    })

    it('shoots at NBA-like rates and has scoring runs', () => {
      const shots = finals.flatMap((game) => game.events.filter((event) => event.eventType === 'shot'))
      const made = shots.filter((event) => event.shotResult === 'Made').length / shots.length
      expect(made).toBeGreaterThan(0.43)
      expect(made).toBeLessThan(0.52)
      const runs = finals.map((game) => longestRun(game.events)).sort((a, b) => a - b)
      expect(runs[Math.floor(runs.length / 2)]).toBeGreaterThanOrEqual(8)
    })
  })
})
