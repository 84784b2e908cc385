/** A contiguous block of timeline rows: clicked (`anchor`) and extended with shift-click. */
export interface RowSelection {
  anchor: number
  from: number
  to: number
}

/** A click selects one row; a shift-click extends from the anchor to the clicked row. */
export function selectRows(current: RowSelection | null, index: number, extend: boolean): RowSelection {
  if (!extend || current === null) return { anchor: index, from: index, to: index }
  return { anchor: current.anchor, from: Math.min(current.anchor, index), to: Math.max(current.anchor, index) }
}

export function isRowSelected(selection: RowSelection | null, index: number): boolean {
  return selection !== null && index >= selection.from && index <= selection.to
}

/** The game-time span the selected rows cover, for the charts; null without any timed row. */
export function selectionSpan(elapsed: ReadonlyArray<number | null>, selection: RowSelection | null): { x1: number; x2: number } | null {
  if (selection === null) return null
  let x1 = Infinity
  let x2 = -Infinity
  for (let i = selection.from; i <= selection.to && i < elapsed.length; i++) {
    const value = elapsed[i]
    if (value == null) continue
    x1 = Math.min(x1, value)
    x2 = Math.max(x2, value)
  }
  return x1 <= x2 ? { x1, x2 } : null
}
