import { useState } from 'react'
import type { SortingState, Updater } from '@tanstack/react-table'
import { EmptyState } from '../../components/EmptyState'
import { Spinner } from '../../components/Spinner'
import { useDebouncedValue } from '../../lib/useDebouncedValue'
import { navigate } from '../../lib/useRoute'
import { useDatabase } from '../database/database-context'
import { NoDatabase } from '../database/NoDatabase'
import { schemaState } from '../database/schema-state'
import { GamesFilters } from './GamesFilters'
import { GamesPager } from './GamesPager'
import { currentCursor, DEFAULT_SORTING, FIRST_PAGE, hasFilters, NO_FILTERS, nextPage, pageNumber, previousPage, toGameListQuery, type PageCursors } from './games-query'
import { GamesTable } from './GamesTable'
import { SchemaNotReady } from './SchemaNotReady'
import { useGames } from './useGames'
import { useSampleData } from './useSampleData'

export function GamesPage(): React.JSX.Element {
  const database = useDatabase()
  const sample = useSampleData()
  const [filters, setFilters] = useState(NO_FILTERS)
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORTING)
  const [pageSize, setPageSize] = useState(50)
  const settledFilters = useDebouncedValue(filters, 300)
  // Another order or filter starts again from the first page.
  const orderKey = JSON.stringify([settledFilters, sorting, pageSize])
  const [paging, setPaging] = useState<{ key: string; pages: PageCursors }>({ key: orderKey, pages: FIRST_PAGE })
  const pages = paging.key === orderKey ? paging.pages : FIRST_PAGE
  const schema = database.info ? schemaState(database.info) : null
  // Without the tables reads fail, and an empty old schema has nothing to show: ask for a migration instead.
  const readable = database.info !== null && (schema === 'ready' || (schema === 'behind' && !database.info.isEmpty))
  const query = readable ? toGameListQuery(settledFilters, sorting, pageSize, currentCursor(pages)) : null
  // An older schema that cannot be read is shown as "needs migrating", not as an error banner.
  const games = useGames(query, schema === 'behind')

  if (!database.known) return <Spinner label="Opening database…" />
  if (!database.info) return <NoDatabase />

  const page = games.data
  const filtered = hasFilters(settledFilters)
  return (
    <div className="page">
      <header className="page-header">
        <h1>Games</h1>
        <div className="page-header-meta">{games.loading && <Spinner label="Loading games…" />}</div>
      </header>
      {schema === 'none' || (schema === 'behind' && (database.info.isEmpty || games.error?.code === 'Conflict')) ? (
        <SchemaNotReady info={database.info} state={schema} />
      ) : database.info.isEmpty ? (
        <EmptyState title="This database has no games yet">
          <p>Load generated sample games to explore the app, or import play-by-play files on the Admin page.</p>
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={sample.busy || database.info.readonly} onClick={() => void sample.load()}>
              {sample.busy ? 'Loading sample data…' : 'Load sample data'}
            </button>
            <a className="button" href="#/admin">
              Import files…
            </a>
          </div>
          {database.info.readonly && <p className="hint">The database is open read-only.</p>}
        </EmptyState>
      ) : (
        <>
          <GamesFilters filters={filters} onChange={setFilters} />
          {page && page.games.length > 0 && (
            <div className="table-frame">
              <GamesTable games={page.games} sorting={sorting} onSortingChange={(updater: Updater<SortingState>) => setSorting(typeof updater === 'function' ? updater(sorting) : updater)} onOpen={(gameId) => navigate({ page: 'game', gameId })} busy={games.loading} />
            </div>
          )}
          {page && page.games.length === 0 && (
            <EmptyState title={filtered ? 'No games match these filters' : 'No games on this page'}>
              {filtered && (
                <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
                  Clear filters
                </button>
              )}
            </EmptyState>
          )}
          {!page && games.error && (
            <EmptyState title="The games could not be loaded">
              <button type="button" className="button" onClick={games.reload}>
                Try again
              </button>
            </EmptyState>
          )}
          <GamesPager
            page={pageNumber(pages)}
            hasPrevious={pages.cursors.length > 0}
            hasNext={page?.hasMore ?? false}
            pageSize={pageSize}
            onPrevious={() => setPaging({ key: orderKey, pages: previousPage(pages) })}
            onNext={() => setPaging({ key: orderKey, pages: nextPage(pages, page?.nextCursor ?? null) })}
            onPageSize={setPageSize}
            busy={games.loading}
          />
        </>
      )}
    </div>
  )
}
