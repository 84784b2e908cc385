import { useTable } from '@tanstack/react-table'
import { Panel } from '../../components/Panel'
import { VirtualTable } from '../../components/VirtualTable'
import { TMI_HISTORY_GRID, tmiHistoryColumns, tmiHistoryFeatures } from './tmi-history-columns'
import type { TmiView } from './useTmiView'

/** Every stored TMI row of the algorithm shown, oldest first. */
export function TmiHistoryPanel({ view }: { view: TmiView }): React.JSX.Element {
  const table = useTable({ features: tmiHistoryFeatures, columns: tmiHistoryColumns, data: view.records, getRowId: (record) => String(record.id) })
  return (
    <Panel title="TMI history" actions={<span className="panel-status">{view.records.length.toLocaleString('en-US')} rows</span>}>
      {view.records.length > 0 ? <VirtualTable table={table} label="TMI history" columns={TMI_HISTORY_GRID} className="tmi-history" /> : <p className="muted">No TMI rows stored.</p>}
    </Panel>
  )
}
