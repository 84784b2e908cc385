import { useState } from 'react'
import type { ScrollRequest } from '../../components/VirtualTable'
import { nearestPlayIndex } from '../momentum/nearest-play'
import type { TimelineRow } from '../timeline/timeline-rows'
import { selectRows, selectionSpan, type RowSelection } from '../timeline/timeline-selection'

export interface TimelineSelection {
  selection: RowSelection | null
  span: { x1: number; x2: number } | null
  scrollRequest: ScrollRequest | null
  select: (index: number, extend: boolean, fromKeyboard?: boolean) => void
  /** A chart click: select the play nearest to game second x (that exact play when listed) and scroll to it. */
  pick: (x: number, eventId?: string | null) => void
}

/** Which timeline rows are selected; a new list of rows (other filters) starts without a selection. */
export function useTimelineSelection(rows: TimelineRow[], elapsed: Array<number | null>, eventIds: string[]): TimelineSelection {
  const [state, setState] = useState<{ rows: TimelineRow[]; selection: RowSelection | null }>({ rows, selection: null })
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null)
  // Appended pages keep indices valid; only a reset list (new filters) drops the selection.
  const sameList = state.rows === rows || (state.rows.length > 0 && rows[0]?.event === state.rows[0]?.event)
  const selection = sameList ? state.selection : null

  function scrollTo(index: number, align: 'center' | 'auto'): void {
    setScrollRequest((previous) => ({ index, nonce: (previous?.nonce ?? 0) + 1, align }))
  }

  return {
    selection,
    span: selectionSpan(elapsed, selection),
    scrollRequest,
    select(index, extend, fromKeyboard = false) {
      setState({ rows, selection: selectRows(selection, index, extend) })
      if (fromKeyboard) scrollTo(index, 'auto')
    },
    pick(x, eventId) {
      const index = nearestPlayIndex(elapsed, x, eventIds, eventId)
      if (index < 0) return
      setState({ rows, selection: selectRows(null, index, false) })
      scrollTo(index, 'center')
    },
  }
}
