export type Route = { page: 'games' } | { page: 'game'; gameId: string } | { page: 'admin' }

/** Routes live in the hash, so they work from file:// in the app and from `momentum serve`. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const game = /^\/games\/([^/]+)$/.exec(path)
  if (game) return { page: 'game', gameId: decodeURIComponent(game[1]!) }
  if (path === '/admin') return { page: 'admin' }
  return { page: 'games' }
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'game':
      return `#/games/${encodeURIComponent(route.gameId)}`
    case 'admin':
      return '#/admin'
    default:
      return '#/games'
  }
}
