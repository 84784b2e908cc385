import { Panel } from '../../components/Panel'
import { TypedConfirmButton } from '../../components/TypedConfirmButton'
import { useDangerZone } from './useDangerZone'

export function DangerZone({ readonly, dialect }: { readonly: boolean; dialect: 'sqlite' | 'postgres' }): React.JSX.Element {
  const danger = useDangerZone()
  // Main copies a SQLite file before either action; a server database has no file to copy.
  const backupNote = dialect === 'sqlite' ? <em>A backup of the file is written first.</em> : <em>No automatic backup on PostgreSQL: run pg_dump first.</em>
  return (
    <Panel title="Danger zone" className="danger-panel">
      {readonly && <p className="hint">The database is open read-only.</p>}
      <div className="danger-grid">
        <TypedConfirmButton word="RESET" action="Reset database" busy={danger.busy} disabled={readonly} onConfirm={() => void danger.reset()}>
          <strong>Reset</strong> deletes every game, event and TMI row and recreates the schema. {backupNote}
        </TypedConfirmButton>
        <TypedConfirmButton word="DROP" action="Drop database" busy={danger.busy} disabled={readonly} onConfirm={() => void danger.drop()}>
          <strong>Drop</strong> removes the games, events, TMI and migration tables. {backupNote}
        </TypedConfirmButton>
      </div>
    </Panel>
  )
}
