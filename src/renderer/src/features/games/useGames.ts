import type { GameListQuery, GamePage } from '@shared/domain/games'
import { useApiQuery, type Query } from '../../lib/useApiQuery'

const SCHEMA_CONFLICT = ['Conflict'] as const

/** One page of games for the query; null while no database is open. `schemaBehind`: a Conflict is the page's to show. */
export function useGames(query: GameListQuery | null, schemaBehind = false): Query<GamePage> {
  return useApiQuery('games:list', query, { domains: ['games'], context: 'Loading games', quietCodes: schemaBehind ? SCHEMA_CONFLICT : undefined })
}
