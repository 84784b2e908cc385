// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { useState } from 'react'
import type { SortingState } from '@tanstack/react-table'
import type { GameSummary } from '@shared/domain/games'
import { click, press, render, type Rendered } from '../../test/render'
import { GamesTable } from './GamesTable'

function game(gameId: string, awayTeam: string, homeTeam: string): GameSummary {
  return { gameId, awayTeam, homeTeam, gameDate: '2024-01-05', status: 'Final', createdAt: null, eventCount: 480, homeScore: 101, awayScore: 99, latestTmiHome: 0.5, latestTmiAway: null }
}

const games = [game('g1', 'LAL', 'BOS'), game('g2', 'NYK', 'MIA'), game('g3', 'DEN', 'PHX')]

function Harness({ onSort, onOpen }: { onSort: (sorting: SortingState) => void; onOpen: (id: string) => void }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'date', desc: true }])
  return (
    <GamesTable
      games={games}
      sorting={sorting}
      onSortingChange={(updater) => {
        const next = typeof updater === 'function' ? updater(sorting) : updater
        setSorting(next)
        onSort(next)
      }}
      onOpen={onOpen}
    />
  )
}

describe('GamesTable', () => {
  let view: Rendered | null = null
  afterEach(() => view?.unmount())

  it('renders one row per game with its matchup, score and TMI', () => {
    view = render(<Harness onSort={() => {}} onOpen={() => {}} />)
    const rows = view.container.querySelectorAll('tbody tr')
    expect(rows).toHaveLength(3)
    expect([...rows[0]!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['2024-01-05', 'LAL @ BOS', 'Final', '99–101', '480', '—', '+0.50', 'g1'])
  })

  it('asks the server order through onSortingChange when a header is clicked', () => {
    const sorts: SortingState[] = []
    view = render(<Harness onSort={(s) => sorts.push(s)} onOpen={() => {}} />)
    const matchup = [...view.container.querySelectorAll('th button')].find((b) => b.textContent?.startsWith('Matchup'))!
    click(matchup)
    expect(sorts.at(-1)?.[0]?.id).toBe('matchup')
    const date = [...view.container.querySelectorAll('th button')].find((b) => b.textContent?.startsWith('Date'))!
    click(date)
    click(date)
    expect(sorts.at(-1)).toEqual([{ id: 'date', desc: true }])
    expect(view.container.querySelector('th[aria-sort="descending"]')?.textContent).toContain('Date')
  })

  it('sorts when the header cell itself is clicked, outside its button, and only on sortable columns', () => {
    const sorts: SortingState[] = []
    view = render(<Harness onSort={(s) => sorts.push(s)} onOpen={() => {}} />)
    const headers = [...view.container.querySelectorAll('th')]
    click(headers.find((th) => th.textContent?.startsWith('Status'))!)
    expect(sorts).toHaveLength(1)
    expect(sorts[0]?.[0]?.id).toBe('status')
    const unsortable = headers.find((th) => !th.querySelector('button'))!
    click(unsortable)
    expect(sorts).toHaveLength(1)
  })

  it('offers no sort button on columns the server cannot sort', () => {
    view = render(<Harness onSort={() => {}} onOpen={() => {}} />)
    const labels = [...view.container.querySelectorAll('th button')].map((b) => b.textContent?.replace(/[▲▼↕]/g, ''))
    expect(labels).toEqual(['Date', 'Matchup', 'Status', 'Game ID'])
  })

  it('moves the focused row with the arrow keys and opens it with Enter', () => {
    const opened: string[] = []
    view = render(<Harness onSort={() => {}} onOpen={(id) => opened.push(id)} />)
    const rows = view.container.querySelectorAll<HTMLTableRowElement>('tbody tr')
    rows[0]!.focus()
    press(rows[0]!, 'ArrowDown')
    expect(document.activeElement).toBe(rows[1])
    press(rows[1]!, 'End')
    press(rows[2]!, 'ArrowDown')
    expect(document.activeElement).toBe(rows[2])
    press(rows[2]!, 'Enter')
    expect(opened).toEqual(['g3'])
    expect(rows[2]!.tabIndex).toBe(0)
    expect(rows[0]!.tabIndex).toBe(-1)
  })
})
