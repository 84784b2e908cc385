import type { DatabaseHandle, Dialect } from '../main/db/connection'
import { getEventsByTeam, getGameEvents } from '../main/events/events.service'
import { listGames } from '../main/games/games.service'
import { getTmiHistory } from '../main/tmi/tmi.service'
import type { BenchGame } from './bench-data'
import { captureQueries, type CapturedQuery } from './raw-queries'
import { latencyResult, type BenchResult } from './report'
import { measurePaired } from './timing'

export interface QueryWorkloadOptions {
  dialect: Dialect
  handle: DatabaseHandle
  games: ReadonlyArray<BenchGame['info']>
  iterations: number
  /** Replays captured SELECTs through hand-prepared statements of the driver. */
  runRaw(queries: readonly CapturedQuery[]): unknown
}

type Workload = (handle: DatabaseHandle, game: BenchGame['info']) => Promise<unknown>

const WORKLOADS: Array<{ name: string; run: Workload; target: string }> = [
  { name: 'query-events-page', run: (h, g) => getGameEvents(h, { gameId: g.gameId, limit: 500 }), target: 'ratio >= 0.67' },
  { name: 'query-events-team', run: (h, g) => getEventsByTeam(h, g.gameId, g.homeTeam), target: 'ratio >= 0.67' },
  { name: 'query-tmi-history', run: (h, g) => getTmiHistory(h, { gameId: g.gameId, team: g.homeTeam }), target: 'ratio >= 0.67' },
  { name: 'query-games-list', run: (h) => listGames(h, { limit: 50 }), target: 'ratio >= 0.67, p50 < 50 ms' },
]

/** p50/p99 of each page query, ours beside the same SQL prepared by hand, over the same games, in alternation. */
export async function runQueryWorkloads({ dialect, handle, games, iterations, runRaw }: QueryWorkloadOptions): Promise<BenchResult[]> {
  const game = (i: number) => games[(i * 7919) % games.length]!
  const results: BenchResult[] = []
  // Start from a collected heap (with node --expose-gc, as `npm run bench` runs): the ingest before
  // left a million events of garbage whose collection is no part of a page query.
  const collectGarbage = (globalThis as { gc?: () => void }).gc
  collectGarbage?.()
  for (const workload of WORKLOADS) {
    const captured: CapturedQuery[][] = []
    for (let i = 0; i < iterations; i++) captured.push(await captureQueries(handle, (logged) => workload.run(logged, game(i))))
    const { ours, bound } = await measurePaired(iterations, (i) => workload.run(handle, game(i)), (i) => runRaw(captured[i % iterations]!))
    results.push(latencyResult(workload.name, dialect, 'p50', ours.p50, bound.p50, workload.target))
    results.push(latencyResult(workload.name, dialect, 'p99', ours.p99, bound.p99, workload.target))
  }
  return results
}
