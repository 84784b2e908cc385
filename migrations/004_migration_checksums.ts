import type { Migration } from './migration-types'

export const migrationChecksums: Migration = {
  version: '004',
  description: 'Record migration checksums',
  up: () => [{ sql: 'ALTER TABLE schema_migrations ADD COLUMN checksum TEXT', unlessColumn: { table: 'schema_migrations', column: 'checksum' } }],
  down: () => ['ALTER TABLE schema_migrations DROP COLUMN checksum'],
  provides: { columns: [{ table: 'schema_migrations', column: 'checksum' }] },
}
