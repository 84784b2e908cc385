import { AppFailure } from '../errors/app-failure'
import { simulateGame, type DemoGame } from './demo-game'
import { createRandom, streamSeed } from './demo-random'
import { scheduleGame } from './demo-schedule'

export type { DemoGame } from './demo-game'

export interface DemoOptions {
  games: number
  seed: number
}

/** Every event_type the demo writes. */
export const DEMO_EVENT_TYPES: readonly string[] = [
  'period_start', 'jump_ball', 'shot', 'free_throw', 'rebound', 'turnover', 'steal', 'block',
  'foul', 'violation', 'substitution', 'timeout', 'period_end', 'game_end',
]

export function validateDemoOptions(options: DemoOptions): void {
  if (!Number.isInteger(options.games) || options.games < 0) throw new AppFailure('InvalidInput', `games must be an integer ≥ 0, not ${options.games}`)
  if (!Number.isSafeInteger(options.seed)) throw new AppFailure('InvalidInput', `seed must be an integer, not ${options.seed}`)
}

/**
 * Game `index` of a run of `total`. Its teams and plays depend only on (seed, index); its date
 * (and so its timestamps) and whether it is still live depend on `total` as well.
 */
export function generateDemoGame(seed: number, index: number, total: number): DemoGame {
  const random = createRandom(streamSeed(seed, index))
  const schedule = scheduleGame(index, total, random)
  const game = simulateGame(schedule, random)
  if (!schedule.live) return game
  const cut = Math.floor(game.events.length * (0.35 + random.next() * 0.55))
  return { info: { ...game.info, status: 'Live' }, events: game.events.slice(0, cut) }
}

/**
 * Realistic NBA-like games, the same for the same seed: real tricodes, a season of dates, four
 * 12-minute periods and sometimes overtime, scoring runs, about 500 events a game. Generated lazily,
 * one game at a time.
 */
export function* generateDemoGames(options: DemoOptions): Generator<DemoGame> {
  validateDemoOptions(options)
  for (let index = 0; index < options.games; index++) yield generateDemoGame(options.seed, index, options.games)
}
