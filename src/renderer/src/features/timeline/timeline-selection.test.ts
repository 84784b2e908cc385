import { describe, expect, it } from 'vitest'
import { isRowSelected, selectionSpan, selectRows } from './timeline-selection'

describe('selectRows', () => {
  it('selects one row on a click', () => {
    expect(selectRows({ anchor: 1, from: 1, to: 4 }, 7, false)).toEqual({ anchor: 7, from: 7, to: 7 })
  })

  it('extends from the anchor on a shift-click, in either direction', () => {
    const first = selectRows(null, 5, false)
    expect(selectRows(first, 9, true)).toEqual({ anchor: 5, from: 5, to: 9 })
    expect(selectRows(selectRows(first, 9, true), 2, true)).toEqual({ anchor: 5, from: 2, to: 5 })
  })

  it('treats a shift-click without a selection as a click', () => {
    expect(selectRows(null, 3, true)).toEqual({ anchor: 3, from: 3, to: 3 })
  })

  it('reports which rows are selected', () => {
    const selection = { anchor: 2, from: 2, to: 4 }
    expect([1, 2, 4, 5].map((i) => isRowSelected(selection, i))).toEqual([false, true, true, false])
    expect(isRowSelected(null, 0)).toBe(false)
  })
})

describe('selectionSpan', () => {
  it('returns the game-time span of the selected rows, skipping untimed ones', () => {
    expect(selectionSpan([0, 30, null, 95, 200], { anchor: 1, from: 1, to: 3 })).toEqual({ x1: 30, x2: 95 })
  })

  it('returns null without a selection or without timed rows', () => {
    expect(selectionSpan([1, 2], null)).toBeNull()
    expect(selectionSpan([null, null], { anchor: 0, from: 0, to: 1 })).toBeNull()
  })
})
