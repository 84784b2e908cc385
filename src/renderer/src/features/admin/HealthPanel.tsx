import { LevelIcon } from '../../components/LevelIcon'
import { Panel } from '../../components/Panel'
import { formatDateTime } from '../../lib/format'
import { useHealth } from './useHealth'

export function HealthPanel(): React.JSX.Element {
  const { report, checking, stale, check } = useHealth()
  const action = (
    <button type="button" className="button button-small" disabled={checking} onClick={() => void check()}>
      {checking ? 'Checking…' : 'Run health check'}
    </button>
  )
  return (
    <Panel title="Health" actions={action}>
      {!report && <p className="muted">Checks the file or server, the schema, integrity, foreign keys and latency.</p>}
      {report && (
        <>
          <p className={`health-overall ${report.ok ? 'health-ok' : 'health-failed'}`} role="status">
            <LevelIcon level={report.ok ? (report.parts.some((part) => part.level === 'warning') ? 'warning' : 'ok') : 'error'} />
            {report.ok ? 'Healthy' : 'Problems found'}
            <span className="muted"> · checked {formatDateTime(report.checkedAt)}</span>
            {stale && <span className="muted"> · the database changed since{checking ? ': re-checking…' : ''}</span>}
          </p>
          <ul className="health-parts">
            {report.parts.map((part) => (
              <li key={part.name} className={`health-part level-row-${part.level}`}>
                <LevelIcon level={part.level} />
                <span className="health-name">{part.name}</span>
                <span className="health-detail">{part.detail}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  )
}
