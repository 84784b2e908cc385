import { useRef, useState, type KeyboardEvent } from 'react'
import { useTable, type OnChangeFn, type SortingState } from '@tanstack/react-table'
import type { GameSummary } from '@shared/domain/games'
import { gameColumns, gameFeatures } from './games-columns'

interface GamesTableProps {
  games: GameSummary[]
  sorting: SortingState
  onSortingChange: OnChangeFn<SortingState>
  onOpen: (gameId: string) => void
  busy?: boolean
}

const SORT_ARIA = { asc: 'ascending', desc: 'descending' } as const

/** One page of games; the server sorts, the arrow keys move between rows and Enter opens one. */
export function GamesTable({ games, sorting, onSortingChange, onOpen, busy = false }: GamesTableProps): React.JSX.Element {
  const table = useTable({
    features: gameFeatures,
    columns: gameColumns,
    data: games,
    getRowId: (game) => game.gameId,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  })
  const [focused, setFocused] = useState(0)
  const body = useRef<HTMLTableSectionElement>(null)
  const rows = table.getRowModel().rows
  const active = Math.min(focused, Math.max(rows.length - 1, 0))

  function moveTo(index: number): void {
    const next = Math.max(0, Math.min(rows.length - 1, index))
    setFocused(next)
    body.current?.querySelectorAll<HTMLTableRowElement>('tr')[next]?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>): void {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: rows.length - 1, PageDown: active + 10, PageUp: active - 10 }
    const target = moves[event.key]
    if (target !== undefined) {
      event.preventDefault()
      moveTo(target)
    } else if (event.key === 'Enter' && rows[active]) {
      event.preventDefault()
      onOpen(rows[active].original.gameId)
    }
  }

  return (
    <table className="data-table games-table" aria-busy={busy} aria-label="Games">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted()
              const numeric = header.column.columnDef.meta?.numeric ?? false
              const sortable = header.column.getCanSort()
              const classes = [numeric ? 'numeric' : '', sortable ? 'sortable' : ''].filter(Boolean).join(' ')
              return (
                // The whole cell sorts (a click on the button bubbles here); the button keeps it reachable by keyboard.
                <th key={header.id} scope="col" className={classes || undefined} aria-sort={sorted ? SORT_ARIA[sorted] : undefined} onClick={sortable ? header.column.getToggleSortingHandler() : undefined}>
                  {sortable ? (
                    <button type="button" className="sort-button">
                      <table.FlexRender header={header} />
                      <span className="sort-indicator" aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              )
            })}
          </tr>
        ))}
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {rows.map((row, index) => (
          <tr key={row.id} tabIndex={index === active ? 0 : -1} onFocus={() => setFocused(index)} onClick={() => onOpen(row.original.gameId)}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? 'numeric' : `col-${cell.column.id}`}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
