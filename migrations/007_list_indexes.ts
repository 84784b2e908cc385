import type { Migration, MigrationDialect } from './migration-types'

// The games list reads each team's score (max points_total) and latest TMI per row. Without these
// a page of 50 reads ~50,000 event and TMI rows. "Latest" orders by time, not text (stored text
// mixes ' ' and 'T' forms), so on SQLite the index is on julianday(calculated_at), the expression
// the queries order by; on PostgreSQL the column is a real timestamp.
const tmiTimeIndex = (d: MigrationDialect): string =>
  d === 'sqlite'
    ? 'CREATE INDEX IF NOT EXISTS idx_tmi_game_team_time ON tmi_calculations (game_id, team_tricode, julianday(calculated_at))'
    : 'CREATE INDEX IF NOT EXISTS idx_tmi_game_team_time ON tmi_calculations (game_id, team_tricode, calculated_at DESC NULLS LAST, id DESC)'

export const listIndexes: Migration = {
  version: '007',
  description: 'Add indexes for game scores and latest TMI',
  up: (d) => ['CREATE INDEX IF NOT EXISTS idx_events_game_team_points ON events (game_id, team_tricode, points_total)', tmiTimeIndex(d)],
  down: () => ['DROP INDEX IF EXISTS idx_tmi_game_team_time', 'DROP INDEX IF EXISTS idx_events_game_team_points'],
  provides: { indexes: ['idx_events_game_team_points', 'idx_tmi_game_team_time'] },
}
