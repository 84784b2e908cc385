import { useState } from 'react'
import { Panel } from '../../components/Panel'
import { useSampleData, SAMPLE_GAMES } from '../games/useSampleData'
import { useImportFiles } from './useImportFiles'

const ACCEPTED = '.json,.csv,.ndjson,.jsonl'

/** Getting data in: play-by-play / table files, or generated sample games. */
export function ImportPanel({ readonly }: { readonly: boolean }): React.JSX.Element {
  const importer = useImportFiles()
  const sample = useSampleData()
  const [files, setFiles] = useState<File[]>([])
  const [gamesText, setGamesText] = useState(String(SAMPLE_GAMES))
  const games = Number(gamesText)
  const validGames = /^\d+$/.test(gamesText) && games >= 1 && games <= 5000
  return (
    <Panel title="Import and sample data">
      <div className="stack">
        <div className="controls">
          {importer.picksInMain ? (
            <button type="button" className="button button-small" disabled={importer.busy || readonly} onClick={() => void importer.importFiles()}>
              Import files…
            </button>
          ) : (
            <>
              <label className="field field-inline">
                <span className="field-label">Files to import</span>
                <input className="input input-file" type="file" multiple accept={ACCEPTED} onChange={(event) => setFiles([...(event.target.files ?? [])])} />
              </label>
              <button type="button" className="button button-small" disabled={files.length === 0 || importer.busy || readonly} onClick={() => void importer.importFiles(files)}>
                Import {files.length > 0 ? `${files.length} file${files.length === 1 ? '' : 's'}` : ''}
              </button>
            </>
          )}
          {importer.uploading && <span className="muted">{importer.uploading}</span>}
        </div>
        <p className="hint">NBA live-data play-by-play (.json) or table exports (.csv, .ndjson) of games, events and TMI.</p>
        <div className="controls">
          <label className="field field-inline">
            <span className="field-label">Sample games</span>
            <input className="input input-number" type="number" min={1} max={5000} value={gamesText} onChange={(event) => setGamesText(event.target.value)} aria-invalid={!validGames} />
          </label>
          <button type="button" className="button button-small" disabled={!validGames || sample.busy || readonly} onClick={() => void sample.load(games)}>
            {sample.busy ? 'Loading…' : 'Load sample data'}
          </button>
        </div>
      </div>
    </Panel>
  )
}
