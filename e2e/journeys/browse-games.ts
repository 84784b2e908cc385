/** Browsing the games list: sorting by each sortable column, filtering, and the keyboard. */
import type { Locator, Page } from '@playwright/test'
import { expect, saveScreenshot } from '../fixtures'
import { queryFile } from './database-file'

const COLUMN = { date: 0, matchup: 1, status: 2, gameId: 7 } as const

export function gamesTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Games' })
}

function bodyRows(table: Locator): Locator {
  return table.locator('tbody tr')
}

async function columnTexts(table: Locator, column: number): Promise<string[]> {
  return bodyRows(table).evaluateAll((rows, index) => rows.map((row) => row.children[index]?.textContent?.trim() ?? ''), column)
}

const awayTeams = (matchups: string[]) => matchups.map((matchup) => matchup.split(' @ ')[0]!)
const ascending = (values: string[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
const descending = (values: string[]) => ascending(values).reverse()

async function sortBy(table: Locator, header: string, expected: 'ascending' | 'descending'): Promise<void> {
  const cell = table.getByRole('columnheader', { name: header })
  await cell.getByRole('button').click()
  await expect(cell).toHaveAttribute('aria-sort', expected)
}

/** Every game of the file is listed, newest first, and each sortable column sorts both ways. */
export async function browseAndSortGames(page: Page, dbFile: string, shotName = 'games-list'): Promise<void> {
  const stored = queryFile(dbFile, (db) => db.prepare('SELECT game_id FROM games').pluck().all() as string[])
  const table = gamesTable(page)
  await expect(bodyRows(table)).toHaveCount(stored.length)
  expect(ascending(await columnTexts(table, COLUMN.gameId))).toEqual(ascending(stored))

  // Newest first by default.
  await expect(table.getByRole('columnheader', { name: 'Date' })).toHaveAttribute('aria-sort', 'descending')
  const dates = await columnTexts(table, COLUMN.date)
  expect(dates).toEqual(descending(dates))
  await saveScreenshot(page, shotName)

  await sortBy(table, 'Date', 'ascending')
  await expect.poll(() => columnTexts(table, COLUMN.date)).toEqual(ascending(dates))

  // Matchup sorts by the away team, A first on the first click.
  await sortBy(table, 'Matchup', 'ascending')
  await expect(table.getByRole('columnheader', { name: 'Date' })).not.toHaveAttribute('aria-sort')
  await expect.poll(async () => awayTeams(await columnTexts(table, COLUMN.matchup))).toEqual(ascending(awayTeams(await columnTexts(table, COLUMN.matchup))))
  const firstAway = awayTeams(await columnTexts(table, COLUMN.matchup))[0]!
  await sortBy(table, 'Matchup', 'descending')
  await expect.poll(async () => awayTeams(await columnTexts(table, COLUMN.matchup))).toEqual(descending(awayTeams(await columnTexts(table, COLUMN.matchup))))
  expect(awayTeams(await columnTexts(table, COLUMN.matchup)).at(-1)).toBe(firstAway)

  await sortBy(table, 'Game ID', 'ascending')
  await expect.poll(() => columnTexts(table, COLUMN.gameId)).toEqual(ascending(stored))
  await sortBy(table, 'Game ID', 'descending')
  await expect.poll(() => columnTexts(table, COLUMN.gameId)).toEqual(descending(stored))

  await sortBy(table, 'Status', 'ascending')
  await expect.poll(async () => {
    const statuses = await columnTexts(table, COLUMN.status)
    return statuses.join('|') === ascending(statuses).join('|')
  }).toBe(true)
}

/** The team and status filters list exactly the stored games that match. */
export async function filterGames(page: Page, dbFile: string): Promise<void> {
  const table = gamesTable(page)
  // The team that plays most often in this file, so the filter has something to keep.
  const team = queryFile(
    dbFile,
    (db) => db.prepare('SELECT team FROM (SELECT home_team AS team FROM games UNION ALL SELECT away_team FROM games) GROUP BY team ORDER BY count(*) DESC, team LIMIT 1').pluck().get() as string,
  )
  const withTeam = queryFile(dbFile, (db) => db.prepare('SELECT game_id FROM games WHERE home_team = ? OR away_team = ?').pluck().all(team, team) as string[])
  const all = queryFile(dbFile, (db) => db.prepare('SELECT count(*) FROM games').pluck().get() as number)
  await expect(bodyRows(table)).toHaveCount(all)
  expect(withTeam.length).toBeLessThan(all)

  await page.getByRole('textbox', { name: 'Team' }).fill(team.toLowerCase())
  await expect(bodyRows(table)).toHaveCount(withTeam.length)
  expect(ascending(await columnTexts(table, COLUMN.gameId))).toEqual(ascending(withTeam))
  for (const matchup of await columnTexts(table, COLUMN.matchup)) expect(matchup.split(' @ ')).toContain(team)

  await page.getByRole('textbox', { name: 'Team' }).fill('')
  await expect(bodyRows(table)).toHaveCount(all)

  const live = queryFile(dbFile, (db) => db.prepare("SELECT count(*) FROM games WHERE status = 'Live'").pluck().get() as number)
  await page.getByRole('combobox', { name: 'Status' }).selectOption('Live')
  if (live > 0) {
    await expect(bodyRows(table)).toHaveCount(live)
    for (const status of await columnTexts(table, COLUMN.status)) expect(status).toBe('Live')
  } else {
    await expect(page.getByText('No games match these filters')).toBeVisible()
  }
  await page.getByRole('combobox', { name: 'Status' }).selectOption('')
  await expect(bodyRows(table)).toHaveCount(all)
}

/** Arrow keys, Home and End move between rows with one tab stop, Enter opens the game; sorting works from the keyboard. */
export async function navigateGamesWithKeyboard(page: Page): Promise<void> {
  const table = gamesTable(page)
  const rows = bodyRows(table)
  await expect(rows.first()).toBeVisible()
  const count = await rows.count()
  expect(count).toBeGreaterThan(3)
  const ids = await columnTexts(table, COLUMN.gameId)

  // Tab from the last sort button lands on the first row, the only row in the tab order.
  await table.getByRole('columnheader', { name: 'Game ID' }).getByRole('button').focus()
  await page.keyboard.press('Tab')
  await expect(rows.first()).toBeFocused()
  await expect(table.locator('tbody tr[tabindex="0"]')).toHaveCount(1)

  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(rows.nth(2)).toBeFocused()
  await expect(rows.nth(2)).toHaveAttribute('tabindex', '0')
  await expect(table.locator('tbody tr[tabindex="0"]')).toHaveCount(1)
  await page.keyboard.press('End')
  await expect(rows.nth(count - 1)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(rows.nth(count - 1)).toBeFocused()
  await page.keyboard.press('Home')
  await expect(rows.first()).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(rows.first()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(rows.nth(1)).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/games/${ids[1]}$`))
  await expect(page.locator('.game-header')).toContainText(ids[1]!)

  // Back to the list, then sort from the keyboard: Enter on a header's button.
  await page.locator('.game-header').getByRole('link', { name: /Games/ }).click()
  await expect(rows).toHaveCount(count)
  const idHeader = table.getByRole('columnheader', { name: 'Game ID' })
  await idHeader.getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(idHeader).toHaveAttribute('aria-sort', 'ascending')
  await expect.poll(() => columnTexts(table, COLUMN.gameId)).toEqual(ascending(ids))
  await page.keyboard.press('Space')
  await expect(idHeader).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(() => columnTexts(table, COLUMN.gameId)).toEqual(descending(ids))
}
