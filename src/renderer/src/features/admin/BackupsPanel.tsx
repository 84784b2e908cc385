import { Fragment, useId, useState } from 'react'
import { Panel } from '../../components/Panel'
import { TypedConfirmButton } from '../../components/TypedConfirmButton'
import { formatBytes, formatDateTime } from '../../lib/format'
import { useBackups } from './useBackups'

export function BackupsPanel({ readonly, dialect }: { readonly: boolean; dialect: 'sqlite' | 'postgres' }): React.JSX.Element {
  const backups = useBackups()
  const [restoring, setRestoring] = useState<string | null>(null)
  const noteId = useId()
  // Main copies SQLite files only; a server database is backed up with its own tools.
  const serverDatabase = dialect === 'postgres'
  const action = (
    <button type="button" className="button button-small" disabled={backups.busy || serverDatabase} aria-describedby={serverDatabase ? noteId : undefined} onClick={() => void backups.backUp()}>
      Back up now
    </button>
  )
  return (
    <Panel title="Backups" actions={action}>
      {serverDatabase && (
        <p id={noteId} className="hint">
          Backups here are copies of SQLite files. For PostgreSQL, use <code>pg_dump</code>.
        </p>
      )}
      {backups.backups.length === 0 ? (
        <p className="muted">{backups.loading ? 'Listing backups…' : 'No backups yet.'}</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="numeric">Size</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.backups.map((backup) => (
              <Fragment key={backup.id}>
                <tr>
                  <td className="mono break">{backup.fileName}</td>
                  <td className="numeric">{formatBytes(backup.sizeBytes)}</td>
                  <td className="num">{formatDateTime(backup.createdAt)}</td>
                  <td className="actions-cell">
                    <button type="button" className="button button-small" disabled={readonly} aria-expanded={restoring === backup.id} onClick={() => setRestoring(restoring === backup.id ? null : backup.id)}>
                      {restoring === backup.id ? 'Cancel' : 'Restore…'}
                    </button>
                  </td>
                </tr>
                {restoring === backup.id && (
                  <tr className="confirm-row">
                    <td colSpan={4}>
                      <TypedConfirmButton word="RESTORE" action="Restore this backup" busy={backups.busy} onConfirm={() => void backups.restore(backup.id).then(() => setRestoring(null))}>
                        Replaces the open database with <span className="mono">{backup.fileName}</span>.
                      </TypedConfirmButton>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  )
}
