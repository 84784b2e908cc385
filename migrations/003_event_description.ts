import type { Migration } from './migration-types'

export const eventDescription: Migration = {
  version: '003',
  description: 'Add event description column',
  up: () => [{ sql: 'ALTER TABLE events ADD COLUMN description TEXT', unlessColumn: { table: 'events', column: 'description' } }],
  // The column is part of the 001 model too; dropping it would break every later reader.
  down: () => [],
  provides: { columns: [{ table: 'events', column: 'description' }] },
}
