import { useEffect, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ReactTable, RowData, TableFeatures } from '@tanstack/react-table'

export interface ScrollRequest {
  index: number
  nonce: number
  /** `center` for a jump (chart click), `auto` for stepping with the keyboard. */
  align?: 'center' | 'auto'
}

interface VirtualTableProps<TFeatures extends TableFeatures, TData extends RowData> {
  table: ReactTable<TFeatures, TData, unknown>
  label: string
  /** CSS grid-template-columns for every row. */
  columns: string
  rowHeight?: number
  isSelected?: (index: number) => boolean
  /** The row to bring into view; a new nonce scrolls again to the same row. */
  scrollRequest?: ScrollRequest | null
  onRowClick?: (index: number, event: MouseEvent) => void
  onKeyDown?: (event: KeyboardEvent) => void
  className?: string
}

/** Only the visible rows are in the DOM, so 100,000 rows scroll as smoothly as 100. */
export function VirtualTable<TFeatures extends TableFeatures, TData extends RowData>(props: VirtualTableProps<TFeatures, TData>): React.JSX.Element {
  const { table, label, columns, rowHeight = 28, isSelected, scrollRequest, onRowClick, onKeyDown, className } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const rows = table.getRowModel().rows
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  })

  useEffect(() => {
    if (scrollRequest && scrollRequest.index >= 0) virtualizer.scrollToIndex(scrollRequest.index, { align: scrollRequest.align ?? 'center' })
  }, [scrollRequest, virtualizer])

  const gridStyle = { '--vt-columns': columns, '--vt-row-height': `${rowHeight}px` } as CSSProperties
  return (
    <div ref={scrollRef} className={`vtable-scroll ${className ?? ''}`} tabIndex={0} role="region" aria-label={label} onKeyDown={onKeyDown}>
      <table className="vtable" style={gridStyle} aria-rowcount={rows.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`col-${header.column.id}`}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!
            const selected = isSelected?.(item.index) ?? false
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={selected ? 'selected' : undefined}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={onRowClick ? (event) => onRowClick(item.index, event) : undefined}
                // Shift-click extends the row selection, not the browser's text selection.
                onMouseDown={onRowClick ? (event) => event.shiftKey && event.preventDefault() : undefined}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
