import { accessRefused } from '../../lib/access'
import { useStore } from '../../lib/external-store'
import type { Route } from '../../lib/route'
import { DatabaseBar } from './DatabaseBar'

const PAGES = [
  { page: 'games', label: 'Games', href: '#/games' },
  { page: 'admin', label: 'Admin', href: '#/admin' },
] as const

export function TopBar({ route }: { route: Route }): React.JSX.Element {
  const current = route.page === 'admin' ? 'admin' : 'games'
  const refused = useStore(accessRefused)
  return (
    <header className="top-bar">
      <a className="app-name" href="#/games">
        <span className="app-mark" aria-hidden="true">◢</span> MomentumML
      </a>
      <nav className="nav" aria-label="Main">
        {PAGES.map((page) => (
          <a key={page.page} className="nav-link" href={page.href} aria-current={current === page.page ? 'page' : undefined}>
            {page.label}
          </a>
        ))}
      </nav>
      {/* Without the token, every database action would be refused too. */}
      {!refused && <DatabaseBar />}
    </header>
  )
}
