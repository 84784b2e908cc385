import { useEffect, useState } from 'react'
import type { ScrollRequest } from '../../components/VirtualTable'
import { pickedPlayIndex } from '../momentum/nearest-play'
import type { TimelineRow } from '../timeline/timeline-rows'
import { selectRows, selectionSpan, type RowSelection } from '../timeline/timeline-selection'

export interface TimelineSelection {
  selection: RowSelection | null
  span: { x1: number; x2: number } | null
  scrollRequest: ScrollRequest | null
  select: (index: number, extend: boolean, fromKeyboard?: boolean) => void
  /**
   * A chart click: select the play nearest to game second x (that exact play when listed) and scroll
   * to it; when that play's page has not arrived yet, as soon as it does.
   */
  pick: (x: number, eventId?: string | null) => void
}

interface Pick {
  x: number
  eventId: string | null
}

/**
 * Which timeline rows are selected; a new list of rows (other filters) starts without a selection.
 * `complete`: every page of the rows has arrived.
 */
export function useTimelineSelection(rows: TimelineRow[], elapsed: Array<number | null>, eventIds: string[], complete: boolean): TimelineSelection {
  const [state, setState] = useState<{ rows: TimelineRow[]; selection: RowSelection | null }>({ rows, selection: null })
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null)
  const [pending, setPending] = useState<Pick | null>(null)
  // Appended pages keep indices valid; only a reset list (new filters) drops the selection.
  const sameList = state.rows === rows || (state.rows.length > 0 && rows[0]?.event === state.rows[0]?.event)
  const selection = sameList ? state.selection : null

  function scrollTo(index: number, align: 'center' | 'auto'): void {
    setScrollRequest((previous) => ({ index, nonce: (previous?.nonce ?? 0) + 1, align }))
  }

  /** Lands a pick now, or keeps it until its page arrives. */
  function land({ x, eventId }: Pick): void {
    const index = pickedPlayIndex(elapsed, x, eventIds, eventId, complete)
    setPending(index === null ? { x, eventId } : null)
    if (index === null || index < 0) return
    setState({ rows, selection: selectRows(null, index, false) })
    scrollTo(index, 'center')
  }

  useEffect(() => {
    if (pending && pickedPlayIndex(elapsed, pending.x, eventIds, pending.eventId, complete) !== null) land(pending)
    // Re-run when pages arrive: land reads this render's rows, elapsed and ids.
  }, [pending, rows, elapsed, eventIds, complete])

  return {
    selection,
    span: selectionSpan(elapsed, selection),
    scrollRequest,
    select(index, extend, fromKeyboard = false) {
      setPending(null)
      setState({ rows, selection: selectRows(selection, index, extend) })
      if (fromKeyboard) scrollTo(index, 'auto')
    },
    pick(x, eventId) {
      land({ x, eventId: eventId ?? null })
    },
  }
}
