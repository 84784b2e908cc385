import { createColumnHelper, metaHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table'
import type { GameSortKey, GameSummary } from '@shared/domain/games'
import { formatCount, formatSigned } from '../../lib/format'

export interface GameColumnMeta {
  /** Numbers line up on the right. */
  numeric?: boolean
}

export const gameFeatures = tableFeatures({ rowSortingFeature, columnMeta: metaHelper<GameColumnMeta>() })

const helper = createColumnHelper<typeof gameFeatures, GameSummary>()

/** The columns the server can sort by, and the key it sorts with. */
export const gameSortKeys: Readonly<Record<string, GameSortKey>> = {
  date: 'game_date',
  matchup: 'away_team',
  status: 'status',
  gameId: 'game_id',
}

export function formatMatchup(game: Pick<GameSummary, 'awayTeam' | 'homeTeam'>): string {
  return `${game.awayTeam} @ ${game.homeTeam}`
}

/** Away first, as in the matchup; blank when no score is stored. */
export function formatFinalScore(game: Pick<GameSummary, 'awayScore' | 'homeScore'>): string {
  if (game.awayScore === null || game.homeScore === null) return '—'
  return `${game.awayScore}–${game.homeScore}`
}

export const gameColumns = helper.columns([
  helper.accessor('gameDate', { id: 'date', header: 'Date' }),
  helper.accessor(formatMatchup, { id: 'matchup', header: 'Matchup' }),
  helper.accessor('status', { id: 'status', header: 'Status' }),
  helper.accessor(formatFinalScore, { id: 'score', header: 'Final score', enableSorting: false, meta: { numeric: true } }),
  helper.accessor('eventCount', { id: 'events', header: 'Events', enableSorting: false, meta: { numeric: true }, cell: (info) => formatCount(info.getValue()) }),
  helper.accessor('latestTmiAway', { id: 'tmiAway', header: 'TMI away', enableSorting: false, meta: { numeric: true }, cell: (info) => formatSigned(info.getValue()) }),
  helper.accessor('latestTmiHome', { id: 'tmiHome', header: 'TMI home', enableSorting: false, meta: { numeric: true }, cell: (info) => formatSigned(info.getValue()) }),
  helper.accessor('gameId', { id: 'gameId', header: 'Game ID' }),
])
