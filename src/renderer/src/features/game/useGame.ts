import type { GameSummary } from '@shared/domain/games'
import { useApiQuery, type Query } from '../../lib/useApiQuery'

export function useGame(gameId: string): Query<GameSummary> {
  return useApiQuery('games:get', { gameId }, { domains: ['games'], context: `Loading game ${gameId}` })
}
