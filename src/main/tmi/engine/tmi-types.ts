/** One play-by-play action as the TMI engine reads it; the importer maps stored rows to this. */
export interface TmiEvent {
  eventId: string
  gameId: string
  /** '' or an importer placeholder (such as 'NBA') when no team owns the action. */
  teamTricode: string
  /** shot, free_throw, rebound, turnover, foul, violation, substitution, timeout, jump_ball, period_start, period_end, game_end, … */
  eventType: string
  /** 'MM:SS' / 'M:SS(.f)' as the original stored it, or ISO 'PT11M45.00S' from NBA live data. */
  clock: string
  period: number
  /** The event team's score after the action. */
  pointsTotal: number | null
  /** 'Made' | 'Missed' | null */
  shotResult: string | null
}

export type TmiAlgorithm = 'momentumml-1' | 'momentum-2'

export interface TmiParameters {
  windowSize: number
  normalizationWindow: number
  /** Feature name → weight; the key order is the summation and JSON order. */
  weights: Record<string, number>
}

export interface TmiPoint {
  teamTricode: string
  /** 1-based over the whole game (all teams), as the original's `{game}_P{n}`. */
  possessionNumber: number
  /** Where the possession ended (its last event). */
  period: number
  clock: string
  /** Game time from tip-off: 12-minute periods, 5-minute overtimes from period 5. */
  elapsedSeconds: number
  tmiValue: number
  featureContributions: Record<string, number>
  rollingWindowSize: number
  predictionProbability: number
  confidenceScore: number
}

/** A possession as a segmenter produces it; period, clock and secondsRemaining are those of its last event. */
export interface TmiPossession {
  number: number
  gameId: string
  teamTricode: string
  events: TmiEvent[]
  period: number
  clock: string
  secondsRemaining: number
  pointsScored: number
  fgAttempts: number
  fgMade: number
  ftAttempts: number
  ftMade: number
  turnovers: number
  rebounds: number
  fouls: number
}

export type FeatureName = 'points_scored' | 'fg_percentage' | 'rebounds' | 'turnovers' | 'fouls'

export type PossessionFeatures = { teamTricode: string } & Record<FeatureName, number>
