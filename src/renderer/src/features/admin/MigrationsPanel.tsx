import type { MigrationInfo } from '@shared/domain/admin'
import { Panel } from '../../components/Panel'
import { Spinner } from '../../components/Spinner'
import { formatDateTime } from '../../lib/format'
import { useMigrations } from './useMigrations'

const STATE_LABELS: Record<MigrationInfo['state'], string> = {
  applied: 'Applied',
  pending: 'Pending',
  changed: 'Changed since applied',
  'missing-objects': 'Applied, objects missing',
  unknown: 'Unknown to this app',
}

export function MigrationsPanel({ readonly }: { readonly: boolean }): React.JSX.Element {
  const { report, loading, migrating, migrate } = useMigrations()
  const pending = report?.pending.length ?? 0
  const action =
    report && pending === 0 ? (
      <span className="badge badge-ok">Up to date</span>
    ) : (
      <button type="button" className="button button-primary button-small" disabled={pending === 0 || migrating || readonly} onClick={() => void migrate()}>
        {migrating ? 'Migrating…' : `Migrate (${pending} pending)`}
      </button>
    )
  return (
    <Panel title="Migrations" actions={action}>
      {!report && loading && <Spinner />}
      {report && (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Description</th>
              <th scope="col">State</th>
              <th scope="col">Applied</th>
            </tr>
          </thead>
          <tbody>
            {report.migrations.map((migration) => (
              <tr key={migration.version}>
                <td className="mono">{migration.version}</td>
                <td className="wrap">{migration.description}</td>
                <td>
                  <span className={`state state-${migration.state}`}>{STATE_LABELS[migration.state]}</span>
                </td>
                <td className="num">{formatDateTime(migration.appliedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  )
}
