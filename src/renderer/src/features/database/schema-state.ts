import type { DatabaseInfo } from '@shared/domain/admin'

/**
 * Whether the open database's games can be read: `none` when it has no MomentumML tables (new or
 * dropped), `behind` when migrations are pending (older schemas can often still be read, but not
 * always), else `ready`.
 */
export type SchemaState = 'none' | 'behind' | 'ready'

export function schemaState(info: Pick<DatabaseInfo, 'schemaVersion' | 'pendingMigrations' | 'isEmpty'>): SchemaState {
  // isEmpty is also true when there is no games table at all.
  if (info.schemaVersion === null && info.isEmpty) return 'none'
  return info.pendingMigrations.length > 0 ? 'behind' : 'ready'
}
