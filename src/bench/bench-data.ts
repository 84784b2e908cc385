import type { GameInfo } from '../shared/domain/games'
import type { NewGameEvent } from '../shared/domain/events'

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TEAMS = ['ATL', 'BOS', 'BKN', 'CHA', 'CHI', 'CLE', 'DAL', 'DEN', 'DET', 'GSW', 'HOU', 'IND', 'LAC', 'LAL', 'MEM', 'MIA', 'MIL', 'MIN', 'NOP', 'NYK', 'OKC', 'ORL', 'PHI', 'PHX', 'POR', 'SAC', 'SAS', 'TOR', 'UTA', 'WAS']
const TYPES = ['shot', 'shot', 'shot', 'rebound', 'rebound', 'free_throw', 'turnover', 'foul', 'substitution', 'timeout']

export interface BenchGame {
  info: GameInfo
  events: NewGameEvent[]
}

/** `games` games of about `eventsPerGame` events each, in game order. */
export function* generateBenchGames(games: number, eventsPerGame: number, seed = 42): Generator<BenchGame> {
  const random = createRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  for (let g = 0; g < games; g++) {
    const home = pick(TEAMS)
    let away = pick(TEAMS)
    while (away === home) away = pick(TEAMS)
    const gameId = `00224${String(g).padStart(5, '0')}`
    const day = new Date(Date.UTC(2024, 9, 22) + Math.floor(g / 8) * 86_400_000)
    const info: GameInfo = { gameId, homeTeam: home, awayTeam: away, gameDate: day.toISOString().slice(0, 10), status: g % 50 === 0 ? 'Live' : 'Final' }
    const score: Record<string, number> = { [home]: 0, [away]: 0 }
    const events: NewGameEvent[] = []
    for (let i = 0; i < eventsPerGame; i++) {
      const period = 1 + Math.floor((i * 4) / eventsPerGame)
      const secondsLeft = 720 - Math.floor(((i * 4) % eventsPerGame) * (720 / eventsPerGame))
      const team = random() < 0.5 ? home : away
      const type = pick(TYPES)
      const made = type === 'shot' || type === 'free_throw' ? random() < 0.47 : null
      if (made) score[team]! += type === 'free_throw' ? 1 : random() < 0.35 ? 3 : 2
      const clock = `PT${String(Math.floor(secondsLeft / 60)).padStart(2, '0')}M${String(secondsLeft % 60).padStart(2, '0')}.00S`
      events.push({
        eventId: `${gameId}-${i + 1}`,
        gameId,
        teamTricode: team,
        playerName: `Player ${team} ${1 + Math.floor(random() * 12)}`,
        eventType: type,
        clock,
        period,
        pointsTotal: score[team]!,
        shotResult: made === null ? null : made ? 'Made' : 'Missed',
        description: `${type} by ${team}`,
        timestamp: new Date(day.getTime() + 3_600_000 * 24 + i * 5_000).toISOString(),
        orderNumber: (i + 1) * 10_000,
      })
    }
    yield { info, events }
  }
}
