export interface GameEvent {
  eventId: string
  gameId: string
  teamTricode: string
  playerName: string | null
  eventType: string
  clock: string
  period: number
  pointsTotal: number | null
  shotResult: string | null
  description: string | null
  /** ISO-8601 UTC, or null. */
  timestamp: string | null
  orderNumber: number | null
  clockSeconds: number | null
}

/** An event to store; `timestamp` may be an ISO string or stored-format text. */
export type NewGameEvent = Omit<GameEvent, 'clockSeconds' | 'orderNumber' | 'playerName' | 'pointsTotal' | 'shotResult' | 'description' | 'timestamp'> &
  Partial<Pick<GameEvent, 'orderNumber' | 'playerName' | 'pointsTotal' | 'shotResult' | 'description' | 'timestamp'>>

export interface EventPageQuery {
  gameId: string
  /** Events per page (default 500, at most 5,000). */
  limit?: number
  /** Keyset paging: the `nextCursor` of the previous page. */
  cursor?: string
  /** Offset paging, for callers that count rows; not together with `cursor`. */
  offset?: number
  team?: string
  period?: number
  eventType?: string
  /** Case-insensitive text in the player name or the description. */
  search?: string
}

export interface EventPage {
  events: GameEvent[]
  hasMore: boolean
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null
}

export interface StoreEventsResult {
  /** Events that were not in the database before. */
  stored: number
  /** Events already stored with the same content. */
  unchanged: number
  /** Events already stored whose content changed (re-imported edits). */
  updated: number
}
