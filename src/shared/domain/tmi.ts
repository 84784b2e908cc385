export interface TmiRecord {
  id: number
  gameId: string
  teamTricode: string
  tmiValue: number
  featureContributions: Record<string, number>
  predictionProbability: number | null
  confidenceScore: number | null
  rollingWindowSize: number | null
  /** ISO-8601 UTC, or null. */
  calculatedAt: string | null
  period: number | null
  clock: string | null
  elapsedSeconds: number | null
  possessionNumber: number | null
  algorithm: string | null
  parameters: Record<string, unknown> | null
}

export interface NewTmiRecord {
  gameId: string
  teamTricode: string
  tmiValue: number
  /** An object (stored as JSON) or already formatted JSON text. */
  featureContributions: Record<string, number> | string
  predictionProbability?: number | null
  confidenceScore?: number | null
  rollingWindowSize?: number | null
  /** Defaults to now. */
  calculatedAt?: string | Date
  period?: number | null
  clock?: string | null
  elapsedSeconds?: number | null
  possessionNumber?: number | null
  algorithm?: string | null
  parameters?: Record<string, unknown> | null
}

export interface TmiHistoryQuery {
  gameId: string
  team?: string
  algorithm?: string
  /** Inclusive bounds on calculated_at (any accepted timestamp text). */
  from?: string
  to?: string
  limit?: number
  /** Oldest first by default (charting order); `desc` for newest first. */
  order?: 'asc' | 'desc'
}

export interface CleanupOptions {
  /** One game, or every game when omitted. */
  gameId?: string
  /** Rows kept per game and team (newest by calculated_at, then id). */
  keepTmi: number
  dryRun?: boolean
}

export interface CleanupResult {
  tmiDeleted: number
  eventsDeleted: number
  groups: Array<{ gameId: string; teamTricode: string; kept: number; deleted: number }>
  dryRun: boolean
}
