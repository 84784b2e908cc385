import { describe, expect, it } from 'vitest'
import { currentCursor, FIRST_PAGE, hasFilters, NO_FILTERS, nextPage, pageNumber, previousPage, toGameListQuery } from './games-query'

describe('toGameListQuery', () => {
  it('maps the sorted column to the server sort key', () => {
    expect(toGameListQuery(NO_FILTERS, [{ id: 'matchup', desc: false }], 50, null)).toEqual({ limit: 50, sort: 'away_team', direction: 'asc' })
    expect(toGameListQuery(NO_FILTERS, [], 25, null)).toEqual({ limit: 25, sort: 'game_date', direction: 'desc' })
  })

  it('sends only the filters that are set, team in upper case', () => {
    const filters = { team: ' bos ', status: 'Final', dateFrom: '2024-01-01', dateTo: '' }
    expect(toGameListQuery(filters, [{ id: 'status', desc: true }], 50, 'abc')).toEqual({
      limit: 50,
      sort: 'status',
      direction: 'desc',
      team: 'BOS',
      status: 'Final',
      dateFrom: '2024-01-01',
      cursor: 'abc',
    })
    expect(hasFilters(filters)).toBe(true)
    expect(hasFilters(NO_FILTERS)).toBe(false)
  })
})

describe('page cursors', () => {
  it('walks forward with next cursors and back again', () => {
    const second = nextPage(FIRST_PAGE, 'c1')
    const third = nextPage(second, 'c2')
    expect([currentCursor(third), pageNumber(third)]).toEqual(['c2', 3])
    expect(currentCursor(previousPage(third))).toBe('c1')
    expect(currentCursor(previousPage(second))).toBeNull()
  })

  it('stays on the last page when there is no next cursor', () => {
    expect(nextPage(FIRST_PAGE, null)).toBe(FIRST_PAGE)
  })
})
