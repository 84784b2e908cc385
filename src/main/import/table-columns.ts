import { parseTimestamp } from '../db/timestamps'

/** Tables `importTable` accepts, with the schema's own column names. */
export type ImportTableName = 'games' | 'events' | 'tmi'

export type ColumnKind = 'text' | 'integer' | 'real' | 'timestamp' | 'date'

export interface ColumnSpec {
  name: string
  kind: ColumnKind
  required: boolean
}

const col = (name: string, kind: ColumnKind, required = false): ColumnSpec => ({ name, kind, required })

export const TABLE_COLUMNS: Record<ImportTableName, readonly ColumnSpec[]> = {
  games: [
    col('game_id', 'text', true),
    col('home_team', 'text', true),
    col('away_team', 'text', true),
    col('game_date', 'date', true),
    col('status', 'text', true),
    col('created_at', 'timestamp'),
  ],
  events: [
    col('event_id', 'text', true),
    col('game_id', 'text', true),
    col('team_tricode', 'text', true),
    col('player_name', 'text'),
    col('event_type', 'text', true),
    col('clock', 'text', true),
    col('period', 'integer', true),
    col('points_total', 'integer'),
    col('shot_result', 'text'),
    col('description', 'text'),
    col('timestamp', 'timestamp'),
    col('order_number', 'integer'),
    col('clock_seconds', 'real'),
  ],
  tmi: [
    col('game_id', 'text', true),
    col('team_tricode', 'text', true),
    col('tmi_value', 'real', true),
    col('feature_contributions', 'text'),
    col('prediction_probability', 'real'),
    col('confidence_score', 'real'),
    col('rolling_window_size', 'integer'),
    col('calculated_at', 'timestamp'),
    col('period', 'integer'),
    col('clock', 'text'),
    col('elapsed_seconds', 'real'),
    col('possession_number', 'integer'),
    col('algorithm', 'text'),
    col('parameters', 'text'),
  ],
}

export type CellValue = string | number | null

const INTEGER = /^[+-]?\d+$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Converts one cell to the column's type, or returns an error cause. CSV cells arrive as text
 * (an empty cell is NULL); NDJSON cells keep their JSON type, and text-typed numbers are accepted
 * for numeric columns. Timestamps keep their text once they are known to parse.
 */
export function toCellValue(spec: ColumnSpec, raw: unknown): { value: CellValue } | { error: string } {
  if (raw === undefined || raw === null || raw === '') {
    return spec.required ? { error: 'is empty, a value is required' } : { value: null }
  }
  switch (spec.kind) {
    case 'text':
      if (typeof raw === 'string') return { value: raw }
      if (typeof raw === 'object') return { value: JSON.stringify(raw) }
      return { error: `is ${JSON.stringify(raw)}, expected text (quote it)` }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && INTEGER.test(raw.trim()) ? Number(raw) : NaN
      return Number.isSafeInteger(n) ? { value: n } : { error: `is ${JSON.stringify(raw)}, expected a whole number` }
    }
    case 'real': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN
      return Number.isFinite(n) ? { value: n } : { error: `is ${JSON.stringify(raw)}, expected a number` }
    }
    case 'timestamp':
      return typeof raw === 'string' && parseTimestamp(raw) !== null
        ? { value: raw }
        : { error: `is ${JSON.stringify(raw)}, expected a timestamp such as "2025-02-06 00:11:07.600000"` }
    case 'date':
      return typeof raw === 'string' && DATE.test(raw) && parseTimestamp(raw) !== null
        ? { value: raw }
        : { error: `is ${JSON.stringify(raw)}, expected a date YYYY-MM-DD` }
  }
}
