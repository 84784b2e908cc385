import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Writes `games` NBA liveData play-by-play files of `actionsPerGame` actions each into `dir`, for
 * import benchmarks: alternating made and missed 2-pointers and rebounds, with scores that agree
 * with the made shots (the importer derives home and away from them).
 */
export function writePlayByPlayFiles(dir: string, games: number, actionsPerGame: number): string[] {
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  for (let g = 0; g < games; g++) {
    const gameId = `0099${String(g).padStart(6, '0')}`
    const file = join(dir, `${gameId}.json`)
    writeFileSync(file, JSON.stringify({ meta: { version: 1, code: 200 }, game: { gameId, actions: gameActions(g, actionsPerGame) } }))
    files.push(file)
  }
  return files
}

function gameActions(game: number, count: number): Array<Record<string, unknown>> {
  const home = `H${game % 97}`
  const away = `A${game % 89}`
  const start = Date.UTC(2024, 10, 1 + (game % 150), 0, 0, 0)
  const perPeriod = Math.ceil(count / 4)
  const score = { home: 0, away: 0 }
  const actions: Array<Record<string, unknown>> = []
  for (let i = 0; i < count; i++) {
    const period = 1 + Math.floor(i / perPeriod)
    const secondsLeft = Math.max(0, 720 - Math.floor(((i % perPeriod) * 720) / perPeriod))
    const isHome = i % 2 === 0
    const team = isHome ? home : away
    const kind = i % 3
    if (kind === 0) score[isHome ? 'home' : 'away'] += 2
    actions.push({
      actionNumber: i + 1,
      orderNumber: (i + 1) * 10_000,
      period,
      clock: `PT${String(Math.floor(secondsLeft / 60)).padStart(2, '0')}M${String(secondsLeft % 60).padStart(2, '0')}.00S`,
      timeActual: new Date(start + i * 5_000).toISOString(),
      actionType: kind === 2 ? 'rebound' : '2pt',
      subType: kind === 2 ? 'defensive' : 'jumpshot',
      teamTricode: team,
      playerName: `Player ${team}${i % 5}`,
      description: kind === 2 ? 'REBOUND' : kind === 0 ? 'Jump Shot: Made' : 'MISS Jump Shot',
      ...(kind === 2 ? {} : { shotResult: kind === 0 ? 'Made' : 'Missed' }),
      scoreHome: String(score.home),
      scoreAway: String(score.away),
    })
  }
  return actions
}
