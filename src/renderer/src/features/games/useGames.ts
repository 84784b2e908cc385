import type { GameListQuery, GamePage } from '@shared/domain/games'
import { useApiQuery, type Query } from '../../lib/useApiQuery'

/** One page of games for the query; null while no database is open. */
export function useGames(query: GameListQuery | null): Query<GamePage> {
  return useApiQuery('games:list', query, { domains: ['games'], context: 'Loading games' })
}
