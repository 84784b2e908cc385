import type { Migration, MigrationDialect } from './migration-types'

// One index in exactly the game order the timeline pages through (period, clock seconds left
// descending, NBA order number, time, id; NULLs last), so a page is an index range scan and never a
// sort of the whole game. SQLite cannot put NULLs last in an ascending index column, so order number
// and time are negated and descending (its DESC sorts NULLs last); time is julianday() because the
// stored text mixes ' ' and 'T' forms. PostgreSQL orders the columns directly.
const sequenceIndex = (d: MigrationDialect): string =>
  d === 'sqlite'
    ? 'CREATE INDEX IF NOT EXISTS idx_events_game_sequence ON events (game_id, period, clock_seconds DESC, (-order_number) DESC, (-julianday(timestamp)) DESC, event_id)'
    : 'CREATE INDEX IF NOT EXISTS idx_events_game_sequence ON events (game_id, period, clock_seconds DESC NULLS LAST, order_number, "timestamp", event_id)'

export const eventSequenceIndex: Migration = {
  version: '008',
  description: 'Add index for paging events in game order',
  up: (d) => [sequenceIndex(d)],
  down: () => ['DROP INDEX IF EXISTS idx_events_game_sequence'],
  provides: { indexes: ['idx_events_game_sequence'] },
}
