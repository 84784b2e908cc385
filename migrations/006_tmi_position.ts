import type { Migration, MigrationDialect } from './migration-types'

const real = (d: MigrationDialect): string => (d === 'sqlite' ? 'FLOAT' : 'DOUBLE PRECISION')
const column = (name: string, type: string) => ({
  sql: `ALTER TABLE tmi_calculations ADD COLUMN ${name} ${type}`,
  unlessColumn: { table: 'tmi_calculations', column: name },
})

export const tmiPosition: Migration = {
  version: '006',
  description: 'Add game position and algorithm columns to TMI calculations',
  up: (d) => [
    column('period', 'INTEGER'),
    column('clock', 'VARCHAR'),
    column('elapsed_seconds', real(d)),
    column('possession_number', 'INTEGER'),
    column('algorithm', 'VARCHAR'),
    column('parameters', 'TEXT'),
    'CREATE INDEX IF NOT EXISTS idx_tmi_game_algorithm ON tmi_calculations (game_id, algorithm, team_tricode, possession_number)',
  ],
  down: () => [
    'DROP INDEX IF EXISTS idx_tmi_game_algorithm',
    ...['parameters', 'algorithm', 'possession_number', 'elapsed_seconds', 'clock', 'period'].map(
      (name) => `ALTER TABLE tmi_calculations DROP COLUMN ${name}`,
    ),
  ],
  provides: { indexes: ['idx_tmi_game_algorithm'], columns: [{ table: 'tmi_calculations', column: 'algorithm' }] },
}
