import { useId, useState } from 'react'
import { UNRECORDED_ALGORITHM } from './tmi-series'
import { WINDOW_FIELD, WINDOW_MAX, WINDOW_MIN, windowProblem } from './tmi-window'

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

/** Algorithm shown, window size (1–50) with Recompute, and the CSV export. */
export function TmiControls(props: TmiControlsProps): React.JSX.Element {
  const { algorithms, algorithm, onAlgorithm, initialWindow, computing, exporting, hasRecords, onCompute, onExport } = props
  const [windowText, setWindowText] = useState(String(initialWindow))
  const problem = windowProblem(windowText)
  const valid = problem === null
  const problemId = useId()
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
          <span className="field-label">{WINDOW_FIELD}</span>
          <input
            className="input input-number input-window"
            type="number"
            min={WINDOW_MIN}
            max={WINDOW_MAX}
            step={1}
            required
            value={windowText}
            onChange={(event) => setWindowText(event.target.value)}
            aria-invalid={!valid}
            aria-describedby={valid ? undefined : problemId}
          />
        </label>
        <button type="submit" className="button button-primary button-small" disabled={!valid || computing}>
          {computing ? 'Computing…' : hasRecords ? 'Recompute' : 'Compute TMI'}
        </button>
        {problem !== null && (
          <p id={problemId} className="field-error" aria-live="polite">
            {problem}
          </p>
        )}
      </form>
      <button type="button" className="button button-small" disabled={!hasRecords || exporting} onClick={onExport}>
        {exporting ? 'Exporting…' : 'Export TMI CSV'}
      </button>
    </div>
  )
}
