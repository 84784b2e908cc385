import { EmptyState } from '../../components/EmptyState'
import { Panel } from '../../components/Panel'
import { Spinner } from '../../components/Spinner'
import type { ThemeColors } from '../../lib/useThemeColors'
import type { ChartFrame } from './chart-marks'
import type { Teams } from './score-series'
import { TmiChart } from './TmiChart'
import { TmiControls } from './TmiControls'
import { windowSizeOf } from './tmi-series'
import type { TmiView } from './useTmiView'

interface TmiPanelProps {
  view: TmiView
  teams: Teams
  frame: ChartFrame
  colors: ThemeColors
  onPick: (x: number) => void
}

/** The TMI chart with its algorithm, window-size and export controls. */
export function TmiPanel({ view, teams, frame, colors, onPick }: TmiPanelProps): React.JSX.Element {
  const { tmi, algorithms, algorithm, setAlgorithm, records, series } = view
  const windowSize = windowSizeOf(records)
  const controls = (
    <TmiControls
      key={`${algorithm}-${windowSize}`}
      algorithms={algorithms}
      algorithm={algorithm}
      onAlgorithm={setAlgorithm}
      initialWindow={windowSize}
      computing={tmi.computing}
      exporting={tmi.exporting}
      hasRecords={records.length > 0}
      onCompute={(size) => void tmi.compute(size, algorithm)}
      onExport={() => void tmi.exportCsv(algorithm)}
    />
  )
  return (
    <Panel title="Team Momentum Index" actions={controls} className="chart-panel">
      {tmi.loading && tmi.records.length === 0 ? (
        <Spinner label="Loading TMI…" />
      ) : series.rows.length === 0 ? (
        <EmptyState title="No TMI yet for this game">
          <p>Compute it with the window size above; the chart appears when the job finishes.</p>
        </EmptyState>
      ) : (
        <>
          {series.axis === 'sequence' && <p className="hint">These rows carry no game time, so the x-axis is each team’s calculation order and clicks can’t find a play.</p>}
          <TmiChart series={series} teams={teams} frame={frame} colors={colors} onPick={onPick} />
        </>
      )}
    </Panel>
  )
}
