import { useState } from 'react'
import type { DatabaseInfo } from '@shared/domain/admin'
import { EmptyState } from '../../components/EmptyState'
import { call } from '../../lib/api'
import { runJob } from '../jobs/job-store'
import type { SchemaState } from '../database/schema-state'

/** The Games page of a database whose games cannot be read until it is migrated. */
export function SchemaNotReady({ info, state }: { info: DatabaseInfo; state: Exclude<SchemaState, 'ready'> }): React.JSX.Element {
  const [migrating, setMigrating] = useState(false)
  async function migrate(): Promise<void> {
    setMigrating(true)
    await runJob('Migrate to the latest schema', call('migrations:migrate', {}))
    setMigrating(false)
  }
  const title = state === 'none' ? 'This database has no MomentumML tables yet' : 'This database needs migrating before its games can be shown'
  const pending = info.pendingMigrations.length
  return (
    <EmptyState title={title}>
      <p>
        {state === 'none'
          ? `Migrate creates the schema (${pending} migration${pending === 1 ? '' : 's'}); then load sample data or import files.`
          : `Schema ${info.schemaVersion} of ${info.latestVersion}: ${pending} migration${pending === 1 ? '' : 's'} pending.`}
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={migrating || info.readonly} onClick={() => void migrate()}>
          {migrating ? 'Migrating…' : 'Migrate now'}
        </button>
        <a className="button" href="#/admin">
          Open Admin → Migrations
        </a>
      </div>
      {info.readonly && <p className="hint">The database is open read-only: reopen it writable to migrate.</p>}
    </EmptyState>
  )
}
