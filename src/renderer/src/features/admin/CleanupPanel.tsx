import { useState } from 'react'
import { Panel } from '../../components/Panel'
import { formatCount } from '../../lib/format'
import { useCleanup } from './useCleanup'

/** Keep the newest N TMI rows per game and team: preview first, then run exactly what was previewed. */
export function CleanupPanel({ readonly }: { readonly: boolean }): React.JSX.Element {
  const cleanup = useCleanup()
  const [keepText, setKeepText] = useState('100')
  const keep = Number(keepText)
  const valid = /^\d+$/.test(keepText)
  const preview = cleanup.preview
  const previewCurrent = preview !== null && preview.keepTmi === keep
  const affected = preview?.groups.filter((group) => group.deleted > 0) ?? []
  return (
    <Panel title="Cleanup">
      <div className="controls">
        <label className="field field-inline">
          <span className="field-label">Keep newest TMI rows per game and team</span>
          <input className="input input-number" type="number" min={0} step={1} value={keepText} onChange={(event) => setKeepText(event.target.value)} aria-invalid={!valid} />
        </label>
        <button type="button" className="button button-small" disabled={!valid || cleanup.busy} onClick={() => void cleanup.runPreview(keep)}>
          Preview
        </button>
        <button type="button" className="button button-danger button-small" disabled={!previewCurrent || cleanup.busy || readonly || (preview?.tmiDeleted ?? 0) + (preview?.eventsDeleted ?? 0) === 0} onClick={() => void cleanup.run()}>
          Run cleanup
        </button>
      </div>
      {!previewCurrent && <p className="hint">Run cleanup becomes available after a preview of the same number.</p>}
      {previewCurrent && (
        <div className="cleanup-preview">
          <p>
            Would delete <strong className="num">{formatCount(preview.tmiDeleted)}</strong> TMI rows and <strong className="num">{formatCount(preview.eventsDeleted)}</strong> events in {affected.length} game/team groups.
          </p>
          {affected.length > 0 && (
            <div className="scroll-box">
              <table className="data-table compact">
                <thead>
                  <tr>
                    <th scope="col">Game</th>
                    <th scope="col">Team</th>
                    <th scope="col" className="numeric">Kept</th>
                    <th scope="col" className="numeric">Deleted</th>
                  </tr>
                </thead>
                <tbody>
                  {affected.map((group) => (
                    <tr key={`${group.gameId}-${group.teamTricode}`}>
                      <td className="mono">{group.gameId}</td>
                      <td>{group.teamTricode}</td>
                      <td className="numeric">{formatCount(group.kept)}</td>
                      <td className="numeric">{formatCount(group.deleted)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </Panel>
  )
}
