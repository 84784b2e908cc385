import { describe, expect, it } from 'vitest'
import { parseRoute, routeHref } from './route'

describe('parseRoute', () => {
  it('returns the page a hash names', () => {
    expect(parseRoute('#/admin')).toEqual({ page: 'admin' })
    expect(parseRoute('#/games/0022400718')).toEqual({ page: 'game', gameId: '0022400718' })
    expect(parseRoute('')).toEqual({ page: 'games' })
    expect(parseRoute('#/nowhere')).toEqual({ page: 'games' })
  })

  it('round-trips game ids that need escaping', () => {
    const route = { page: 'game' as const, gameId: 'a/b c' }
    expect(parseRoute(routeHref(route))).toEqual(route)
  })
})
