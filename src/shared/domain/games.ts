/** A game as the original app's GameInfo stores it. */
export interface GameInfo {
  gameId: string
  homeTeam: string
  awayTeam: string
  /** `YYYY-MM-DD`, kept as text as the original does. */
  gameDate: string
  /** Free text as in the original: Scheduled, Live, In Progress, Final, Final OT, ... */
  status: string
}

export interface GameSummary extends GameInfo {
  createdAt: string | null
  eventCount: number
  /** Final (or latest) score from the stored events, null when unknown. */
  homeScore: number | null
  awayScore: number | null
  latestTmiHome: number | null
  latestTmiAway: number | null
}

export type GameSortKey = 'game_date' | 'game_id' | 'status' | 'home_team' | 'away_team' | 'created_at'
export type SortDirection = 'asc' | 'desc'

export interface GameListQuery {
  limit?: number
  /** Offset paging; ignored when `cursor` is given. */
  offset?: number
  /** Keyset paging: the `nextCursor` of the previous page. */
  cursor?: string
  sort?: GameSortKey
  direction?: SortDirection
  /** Matches home or away team. */
  team?: string
  status?: string
  dateFrom?: string
  dateTo?: string
}

export interface GamePage {
  games: GameSummary[]
  nextCursor: string | null
  hasMore: boolean
}
