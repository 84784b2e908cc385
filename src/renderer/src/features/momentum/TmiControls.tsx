import { useState } from 'react'
import { UNRECORDED_ALGORITHM } from './tmi-series'

interface TmiControlsProps {
  algorithms: string[]
  algorithm: string | null
  onAlgorithm: (algorithm: string) => void
  initialWindow: number
  computing: boolean
  exporting: boolean
  hasRecords: boolean
  onCompute: (windowSize: number) => void
  onExport: () => void
}

const ALGORITHM_LABELS: Record<string, string> = {
  'momentum-2': 'momentum-2 (current)',
  'momentumml-1': 'momentumml-1 (original)',
  [UNRECORDED_ALGORITHM]: 'Original app rows',
}

export function isValidWindow(text: string): boolean {
  const value = Number(text)
  return /^\d+$/.test(text) && value >= 1 && value <= 50
}

/** Algorithm shown, window size (1–50) with Recompute, and the CSV export. */
export function TmiControls(props: TmiControlsProps): React.JSX.Element {
  const { algorithms, algorithm, onAlgorithm, initialWindow, computing, exporting, hasRecords, onCompute, onExport } = props
  const [windowText, setWindowText] = useState(String(initialWindow))
  const valid = isValidWindow(windowText)
  return (
    <div className="controls">
      {algorithms.length > 1 && (
        <label className="field field-inline">
          <span className="field-label">Algorithm</span>
          <select className="input" value={algorithm ?? ''} onChange={(event) => onAlgorithm(event.target.value)}>
            {algorithms.map((name) => (
              <option key={name} value={name}>
                {ALGORITHM_LABELS[name] ?? name}
              </option>
            ))}
          </select>
        </label>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (valid) onCompute(Number(windowText))
        }}
      >
        <label className="field field-inline">
          <span className="field-label">Window (possessions)</span>
          <input className="input input-number" type="number" min={1} max={50} step={1} required value={windowText} onChange={(event) => setWindowText(event.target.value)} aria-invalid={!valid} />
        </label>
        <button type="submit" className="button button-primary button-small" disabled={!valid || computing}>
          {computing ? 'Computing…' : hasRecords ? 'Recompute' : 'Compute TMI'}
        </button>
      </form>
      <button type="button" className="button button-small" disabled={!hasRecords || exporting} onClick={onExport}>
        {exporting ? 'Exporting…' : 'Export TMI CSV'}
      </button>
    </div>
  )
}
