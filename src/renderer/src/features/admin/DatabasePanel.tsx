import { Panel } from '../../components/Panel'
import { formatBytes } from '../../lib/format'
import type { DatabaseInfo } from '@shared/domain/admin'

export function DatabasePanel({ info }: { info: DatabaseInfo }): React.JSX.Element {
  return (
    <Panel title="Current database">
      <dl className="facts">
        <div>
          <dt>Location</dt>
          <dd className="mono break">{info.label}</dd>
        </div>
        <div>
          <dt>Dialect</dt>
          <dd>{info.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd className="num">{formatBytes(info.sizeBytes)}</dd>
        </div>
        <div>
          <dt>Schema</dt>
          <dd className="num">
            {info.schemaVersion ?? 'none'} of {info.latestVersion}
            {info.pendingMigrations.length > 0 && <span className="badge badge-warning">{info.pendingMigrations.length} pending</span>}
          </dd>
        </div>
        <div>
          <dt>Access</dt>
          <dd>{info.readonly ? <span className="badge badge-readonly">Read-only</span> : 'Read and write'}</dd>
        </div>
      </dl>
    </Panel>
  )
}
