import type { DemoRandom } from './demo-random'
import { TEAM_TRICODES } from './demo-teams'

/** Regular-season games per season and its length in days (late October to mid April). */
const SEASON_GAMES = 1_230
const SEASON_DAYS = 174
const FIRST_SEASON = 2024
/**
 * Demo game numbers start at 90001: real regular-season numbers stop at 01230, so a demo id looks
 * like an NBA id (`0022490001`) but can never overwrite an imported game.
 */
const FIRST_GAME_NUMBER = 90_001
/** Tip-off times, US-Eastern hours (19:00, 19:30, 20:00, 22:00). */
const TIP_OFF_HOURS = [19, 19, 19.5, 19.5, 20, 22]
/** Eastern Standard Time; the hour lost to daylight saving changes nothing here. */
const EASTERN_OFFSET_HOURS = 5
const DAY_MS = 86_400_000

export interface DemoSchedule {
  gameId: string
  homeTeam: string
  awayTeam: string
  /** `YYYY-MM-DD`, the US-Eastern date. */
  gameDate: string
  tipOffMs: number
  /** The last games of the run are still being played: their events stop mid-game. */
  live: boolean
}

/** How many of `total` games are live: about 1 in 100, none in runs under 10 games. */
export function liveGameCount(total: number): number {
  return total < 10 ? 0 : Math.max(1, Math.round(total / 100))
}

/**
 * Game `index` of `total`: 1,230 games a season, spread evenly over the season's days, so a run
 * that spills into the next season fills its first weeks. Teams and tip-off come from `random`.
 */
export function scheduleGame(index: number, total: number, random: DemoRandom): DemoSchedule {
  const season = Math.floor(index / SEASON_GAMES)
  const within = index % SEASON_GAMES
  const gamesThisSeason = Math.min(SEASON_GAMES, total - season * SEASON_GAMES)
  const day = Math.floor((within * SEASON_DAYS) / gamesThisSeason)
  const startYear = FIRST_SEASON + season
  const dateMs = Date.UTC(startYear, 9, 22) + day * DAY_MS
  const homeIndex = random.int(0, TEAM_TRICODES.length - 1)
  const awayIndex = (homeIndex + random.int(1, TEAM_TRICODES.length - 1)) % TEAM_TRICODES.length
  const yy = String((startYear % 100 + 100) % 100).padStart(2, '0')
  return {
    gameId: `002${yy}${FIRST_GAME_NUMBER + within}`,
    homeTeam: TEAM_TRICODES[homeIndex]!,
    awayTeam: TEAM_TRICODES[awayIndex]!,
    gameDate: new Date(dateMs).toISOString().slice(0, 10),
    tipOffMs: dateMs + (random.pick(TIP_OFF_HOURS) + EASTERN_OFFSET_HOURS) * 3_600_000,
    live: index >= total - liveGameCount(total),
  }
}
