import { describe, expect, it } from 'vitest'
import type { GameSummary } from '@shared/domain/games'
import { formatFinalScore, formatMatchup, gameColumns, gameSortKeys } from './games-columns'

const game: GameSummary = {
  gameId: '0022400718',
  homeTeam: 'BOS',
  awayTeam: 'LAL',
  gameDate: '2024-01-05',
  status: 'Final',
  createdAt: null,
  eventCount: 512,
  homeScore: 110,
  awayScore: 104,
  latestTmiHome: 0.42,
  latestTmiAway: -1.2,
}

describe('game columns', () => {
  it('formats the matchup away at home, and the score in the same order', () => {
    expect(formatMatchup(game)).toBe('LAL @ BOS')
    expect(formatFinalScore(game)).toBe('104–110')
    expect(formatFinalScore({ homeScore: null, awayScore: 3 })).toBe('—')
  })

  it('lets only server-sortable columns sort', () => {
    const sortable = gameColumns.filter((column) => column.enableSorting !== false).map((column) => column.id)
    expect(sortable).toEqual(Object.keys(gameSortKeys))
  })

  it('lists the columns in display order', () => {
    expect(gameColumns.map((column) => column.id)).toEqual(['date', 'matchup', 'status', 'score', 'events', 'tmiAway', 'tmiHome', 'gameId'])
  })
})
