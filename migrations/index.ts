import { initialSchema } from './001_initial_schema'
import { performanceIndexes } from './002_performance_indexes'
import { eventDescription } from './003_event_description'
import { migrationChecksums } from './004_migration_checksums'
import { eventGameOrder } from './005_event_game_order'
import { tmiPosition } from './006_tmi_position'
import { listIndexes } from './007_list_indexes'
import { eventSequenceIndex } from './008_event_sequence_index'
import type { Migration } from './migration-types'

export type { Migration, MigrationDialect, MigrationStatement } from './migration-types'

/** The ordered registry: 001–003 are the original app's versions, ours continue from 004. */
export const migrations: readonly Migration[] = [
  initialSchema,
  performanceIndexes,
  eventDescription,
  migrationChecksums,
  eventGameOrder,
  tmiPosition,
  listIndexes,
  eventSequenceIndex,
]
