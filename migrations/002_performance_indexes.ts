import type { Migration } from './migration-types'

export const performanceIndexes: Migration = {
  version: '002',
  description: 'Add performance indexes',
  up: () => [
    'CREATE INDEX IF NOT EXISTS idx_events_game_timestamp ON events(game_id, timestamp)',
    'CREATE INDEX IF NOT EXISTS idx_events_team_period ON events(team_tricode, period)',
    'CREATE INDEX IF NOT EXISTS idx_tmi_game_team ON tmi_calculations(game_id, team_tricode)',
    'CREATE INDEX IF NOT EXISTS idx_tmi_calculated_at ON tmi_calculations(calculated_at)',
  ],
  // The other two belong to the model indexes of 001 as well, so only these two are 002's own.
  down: () => ['DROP INDEX IF EXISTS idx_events_team_period', 'DROP INDEX IF EXISTS idx_tmi_game_team'],
  provides: { indexes: ['idx_events_team_period', 'idx_tmi_game_team'] },
}
