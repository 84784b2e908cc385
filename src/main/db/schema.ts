import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** TS mirror of migrations/: the original MomentumML tables plus our nullable additions. */
export interface Database {
  games: GamesTable
  events: EventsTable
  tmi_calculations: TmiCalculationsTable
  schema_migrations: SchemaMigrationsTable
}

export interface GamesTable {
  game_id: string
  home_team: string
  away_team: string
  game_date: string
  status: string
  created_at: string | null
}

export interface EventsTable {
  event_id: string
  game_id: string
  team_tricode: string
  player_name: string | null
  event_type: string
  clock: string
  period: number
  points_total: number | null
  shot_result: string | null
  description: string | null
  timestamp: string | null
  /** 005: position in game order (NBA orderNumber); null on rows the Python app wrote. */
  order_number: number | null
  /** 005: seconds left in the period, parsed from `clock`; null on rows the Python app wrote. */
  clock_seconds: number | null
}

export interface TmiCalculationsTable {
  id: Generated<number>
  game_id: string
  team_tricode: string
  tmi_value: number
  feature_contributions: string | null
  prediction_probability: number | null
  confidence_score: number | null
  rolling_window_size: number | null
  calculated_at: string | null
  /** 006: where in the game the row belongs and what produced it; null on Python rows. */
  period: number | null
  clock: string | null
  elapsed_seconds: number | null
  possession_number: number | null
  algorithm: string | null
  parameters: string | null
}

export interface SchemaMigrationsTable {
  version: string
  description: string
  applied_at: string | null
  /** 004: sha256 of the migration's statements; null for rows the Python app recorded. */
  checksum: string | null
}

export type GameRow = Selectable<GamesTable>
export type NewGame = Insertable<GamesTable>
export type GameUpdate = Updateable<GamesTable>
export type EventRow = Selectable<EventsTable>
export type NewEvent = Insertable<EventsTable>
export type TmiRow = Selectable<TmiCalculationsTable>
export type NewTmi = Insertable<TmiCalculationsTable>
export type MigrationRow = Selectable<SchemaMigrationsTable>
