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
  limit?: number
  offset?: number
  team?: string
  period?: number
  eventType?: string
}

export interface EventPage {
  events: GameEvent[]
  hasMore: boolean
}

export interface StoreEventsResult {
  /** Events that were not in the database before. */
  stored: number
  /** Events already stored with the same content. */
  unchanged: number
  /** Events already stored whose content changed (re-imported edits). */
  updated: number
}
