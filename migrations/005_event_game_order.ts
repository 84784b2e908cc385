import type { Migration, MigrationDialect } from './migration-types'

const real = (d: MigrationDialect): string => (d === 'sqlite' ? 'FLOAT' : 'DOUBLE PRECISION')

export const eventGameOrder: Migration = {
  version: '005',
  description: 'Add game order columns to events',
  up: (d) => [
    { sql: 'ALTER TABLE events ADD COLUMN order_number INTEGER', unlessColumn: { table: 'events', column: 'order_number' } },
    { sql: `ALTER TABLE events ADD COLUMN clock_seconds ${real(d)}`, unlessColumn: { table: 'events', column: 'clock_seconds' } },
    'CREATE INDEX IF NOT EXISTS idx_events_game_order ON events (game_id, period, clock_seconds, order_number)',
    'CREATE INDEX IF NOT EXISTS idx_events_game_team_order ON events (game_id, team_tricode, period, clock_seconds, order_number)',
  ],
  down: () => [
    'DROP INDEX IF EXISTS idx_events_game_team_order',
    'DROP INDEX IF EXISTS idx_events_game_order',
    'ALTER TABLE events DROP COLUMN clock_seconds',
    'ALTER TABLE events DROP COLUMN order_number',
  ],
  provides: { indexes: ['idx_events_game_order'], columns: [{ table: 'events', column: 'order_number' }] },
}
