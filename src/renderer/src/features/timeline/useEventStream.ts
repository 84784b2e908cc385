import { useEffect, useState } from 'react'
import type { EventPageQuery, GameEvent } from '@shared/domain/events'
import { call } from '../../lib/api'
import { useDataVersion } from '../../lib/data-version'
import { reportError } from '../../lib/error-store'

export interface EventFilters {
  team?: string
  period?: number
  eventType?: string
  search?: string
}

export interface EventStream {
  events: GameEvent[]
  /** More pages are on their way. */
  loading: boolean
  /** Every page has arrived. */
  complete: boolean
}

const FIRST_PAGE = 1000
const PAGE = 5000
const EMPTY: GameEvent[] = []

/**
 * A game's events in game order, fetched page after page (keyset: each call passes back the previous
 * page's cursor, so every page costs the same) and appended, so the first rows show at once and
 * 100,000 arrive in about twenty calls. `filters: null` fetches nothing.
 */
export function useEventStream(gameId: string, filters: EventFilters | null): EventStream {
  const key = filters === null ? null : JSON.stringify(filters)
  const version = useDataVersion(['events'])
  const [state, setState] = useState<EventStream & { key: string | null }>({ key: null, events: EMPTY, loading: false, complete: false })

  useEffect(() => {
    if (key === null) return
    let cancelled = false
    const input = JSON.parse(key) as EventFilters
    setState({ key, events: EMPTY, loading: true, complete: false })
    void (async () => {
      let events: GameEvent[] = []
      let cursor: string | null = null
      for (;;) {
        const query: EventPageQuery = { gameId, ...input, limit: cursor === null ? FIRST_PAGE : PAGE }
        if (cursor !== null) query.cursor = cursor
        const result = await call('events:page', query)
        if (cancelled) return
        if (!result.ok) {
          reportError('Loading events', result.error)
          setState((previous) => ({ ...previous, loading: false }))
          return
        }
        events = events.concat(result.value.events)
        cursor = result.value.nextCursor
        const more = cursor !== null && result.value.events.length > 0
        setState({ key, events, loading: more, complete: !more })
        if (!more) return
      }
    })()
    return () => {
      cancelled = true
    }
  }, [gameId, key, version])

  if (key === null || state.key !== key) return { events: EMPTY, loading: key !== null, complete: false }
  return state
}
