import type { SortingState } from '@tanstack/react-table'
import type { GameListQuery } from '@shared/domain/games'
import { gameSortKeys } from './games-columns'

export interface GameFilters {
  team: string
  status: string
  dateFrom: string
  dateTo: string
}

export const NO_FILTERS: GameFilters = { team: '', status: '', dateFrom: '', dateTo: '' }
export const DEFAULT_SORTING: SortingState = [{ id: 'date', desc: true }]

export function hasFilters(filters: GameFilters): boolean {
  return Object.values(filters).some((value) => value.trim() !== '')
}

/** The games:list input for the table's state; `cursor` is the previous page's nextCursor. */
export function toGameListQuery(filters: GameFilters, sorting: SortingState, pageSize: number, cursor: string | null): GameListQuery {
  const sort = sorting[0] ?? DEFAULT_SORTING[0]!
  const query: GameListQuery = { limit: pageSize, sort: gameSortKeys[sort.id] ?? 'game_date', direction: sort.desc ? 'desc' : 'asc' }
  const team = filters.team.trim().toUpperCase()
  if (team) query.team = team
  if (filters.status.trim()) query.status = filters.status.trim()
  if (filters.dateFrom) query.dateFrom = filters.dateFrom
  if (filters.dateTo) query.dateTo = filters.dateTo
  if (cursor) query.cursor = cursor
  return query
}

/**
 * Keyset paging without a total: the cursors that opened each page so far. Page 0 has none;
 * Next pushes the current page's nextCursor, Previous pops.
 */
export interface PageCursors {
  cursors: string[]
}

export const FIRST_PAGE: PageCursors = { cursors: [] }

export function nextPage(pages: PageCursors, nextCursor: string | null): PageCursors {
  return nextCursor ? { cursors: [...pages.cursors, nextCursor] } : pages
}

export function previousPage(pages: PageCursors): PageCursors {
  return { cursors: pages.cursors.slice(0, -1) }
}

export function currentCursor(pages: PageCursors): string | null {
  return pages.cursors.at(-1) ?? null
}

export function pageNumber(pages: PageCursors): number {
  return pages.cursors.length + 1
}
