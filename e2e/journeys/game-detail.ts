/** One game: the play-by-play, both charts, chart clicks that find the play, and a TMI recompute. */
import type { Locator, Page } from '@playwright/test'
import { expect, saveScreenshot } from '../fixtures'
import { gamesTable } from './browse-games'
import { queryFile } from './database-file'

/** The overtime game of fixtures/nba: SAC 129 @ DAL 128. */
export const REAL_GAME = { gameId: '0022400762', away: 'SAC', home: 'DAL', awayScore: 129, homeScore: 128, status: 'Final OT' } as const

const scorePanel = (page: Page) => page.getByRole('region', { name: 'Score margin' })
const tmiPanel = (page: Page) => page.getByRole('region', { name: 'Team Momentum Index' })
const timelinePanel = (page: Page) => page.getByRole('region', { name: 'Play-by-play' })
const historyPanel = (page: Page) => page.getByRole('region', { name: 'TMI history', exact: true })
const timelineScroller = (page: Page) => page.getByRole('region', { name: 'Play-by-play timeline' })
const selectedRows = (page: Page) => timelineScroller(page).locator('tbody tr[aria-selected="true"]')

export async function openGameFromList(page: Page, game: { gameId: string; away: string; home: string } = REAL_GAME): Promise<void> {
  await gamesTable(page).locator('tbody tr', { hasText: game.gameId }).click()
  await expect(page).toHaveURL(new RegExp(`#/games/${game.gameId}$`))
  const header = page.locator('.game-header')
  await expect(header).toContainText(game.gameId)
  await expect(header.locator('.team-code')).toHaveText([game.away, game.home])
}

/** The number of drawing commands in an SVG path's `d` (M, L, H, V, C…). */
function pathCommands(d: string | null): number {
  return (d ?? '').match(/[MLHVCSQTAZ]/gi)?.length ?? 0
}

async function pathData(paths: Locator): Promise<Array<string | null>> {
  return paths.evaluateAll((elements) => elements.map((element) => element.getAttribute('d')))
}

/** Every stored play is listed and both charts draw real lines (non-empty `d`). */
export async function checkTimelineAndCharts(page: Page, dbFile: string, game = REAL_GAME, shotName = 'game-detail'): Promise<void> {
  const stored = queryFile(dbFile, (db) => db.prepare('SELECT count(*) FROM events WHERE game_id = ?').pluck().get(game.gameId) as number)
  const scoring = queryFile(dbFile, (db) => db.prepare("SELECT count(*) FROM events WHERE game_id = ? AND shot_result = 'Made'").pluck().get(game.gameId) as number)
  expect(stored).toBeGreaterThan(500)

  const header = page.locator('.game-header')
  await expect(header.locator('.team-points')).toHaveText([String(game.awayScore), String(game.homeScore)])
  await expect(header.locator('.status-pill')).toHaveText(game.status)

  // The whole play-by-play arrives (pages stream in), then its rows render.
  await expect(timelinePanel(page).locator('.panel-status')).toHaveText(`${stored.toLocaleString('en-US')} plays`, { timeout: 20_000 })
  const rows = timelineScroller(page).locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  expect(await rows.count()).toBeGreaterThan(5)
  await expect(rows.first().locator('.col-time')).toHaveText('Q1 12:00')
  await expect(timelineScroller(page).locator('table')).toHaveAttribute('aria-rowcount', String(stored + 1))

  // Score margin: the filled step area and its outline are drawn over every scoring play.
  const area = scorePanel(page).locator('path.recharts-area-curve')
  await expect(area).toHaveCount(1)
  await expect(area).toHaveAttribute('d', /^M[\d.-]+,[\d.-]+/)
  expect(pathCommands(await area.getAttribute('d'))).toBeGreaterThan(scoring / 2)
  await expect(scorePanel(page).locator('.chart-legend')).toContainText(`${game.away} ahead`)

  // TMI: one line per team, each through many calculations.
  const lines = tmiPanel(page).locator('path.recharts-line-curve')
  await expect(lines).toHaveCount(2)
  for (const d of await pathData(lines)) {
    expect(d).toMatch(/^M[\d.-]+,[\d.-]+/)
    expect(pathCommands(d)).toBeGreaterThan(20)
  }
  await expect(tmiPanel(page).locator('.recharts-legend-wrapper')).toContainText(game.away)
  await expect(tmiPanel(page).locator('.recharts-legend-wrapper')).toContainText(game.home)
  // Off the charts, so no tooltip left over from the click that opened the game.
  await page.mouse.move(1, 1)
  await expect(page.locator('.chart-tooltip')).toHaveCount(0)
  await saveScreenshot(page, shotName)
}

/** Hovers a chart at a fraction of its width, returning the tooltip's text and where to click. */
async function hoverChart(page: Page, panel: Locator, fraction: number): Promise<{ x: number; y: number; tooltip: string }> {
  const surface = panel.locator('.recharts-cartesian-grid')
  const box = await surface.boundingBox()
  if (!box) throw new Error('the chart has no plot area')
  const x = box.x + box.width * fraction
  const y = box.y + box.height / 2
  await page.mouse.move(x, y)
  const tooltip = panel.locator('.chart-tooltip')
  await expect(tooltip).toBeVisible()
  return { x, y, tooltip: (await tooltip.innerText()).trim() }
}

/** The selected row is drawn inside the timeline's scroll box, not just in the DOM. */
async function expectSelectedRowShown(page: Page): Promise<Locator> {
  const row = selectedRows(page)
  await expect(row).toHaveCount(1)
  await expect
    .poll(async () => {
      const [rowBox, boxOfScroller] = [await row.boundingBox(), await timelineScroller(page).boundingBox()]
      return rowBox !== null && boxOfScroller !== null && rowBox.y >= boxOfScroller.y && rowBox.y + rowBox.height <= boxOfScroller.y + boxOfScroller.height
    })
    .toBe(true)
  return row
}

/** Clicking a point of the score chart selects that scoring play in the timeline and scrolls to it. */
export async function pickPlayFromScoreChart(page: Page, game = REAL_GAME, shotName = 'game-detail-selected'): Promise<void> {
  await expect(selectedRows(page)).toHaveCount(0)
  const hovered = await hoverChart(page, scorePanel(page), 0.62)
  // "Q3 5:12\nSAC 70 – 65 DAL\n…": the period and the score after the hovered play.
  const period = /^(Q\d|OT\d?)/.exec(hovered.tooltip)?.[1]
  const score = new RegExp(`${game.away} (\\d+) – (\\d+) ${game.home}`).exec(hovered.tooltip)
  expect(period, hovered.tooltip).toBeTruthy()
  expect(score, hovered.tooltip).toBeTruthy()
  await page.mouse.click(hovered.x, hovered.y)

  const row = await expectSelectedRowShown(page)
  await expect(row.locator('.col-score')).toHaveText(`${score![1]}–${score![2]}`)
  await expect(row.locator('.col-time')).toHaveText(new RegExp(`^${period} `))
  await expect(timelinePanel(page).locator('.panel-status')).toContainText('1 selected')
  // The chart marks the picked play's time.
  await expect(scorePanel(page).locator('.recharts-reference-line, .recharts-reference-area').first()).toBeVisible()
  await saveScreenshot(page, shotName)
}

/** Clicking the TMI chart selects the play nearest that game time. */
export async function pickPlayFromTmiChart(page: Page): Promise<void> {
  const before = await selectedRows(page).getAttribute('aria-rowindex')
  const hovered = await hoverChart(page, tmiPanel(page), 0.3)
  const period = /^(Q\d|OT\d?)/.exec(hovered.tooltip)?.[1]
  expect(period, hovered.tooltip).toBeTruthy()
  await page.mouse.click(hovered.x, hovered.y)
  const row = await expectSelectedRowShown(page)
  await expect(row).not.toHaveAttribute('aria-rowindex', before ?? '')
  await expect(row.locator('.col-time')).toHaveText(new RegExp(`^${period} `))
}

/** The window size each stored TMI row of the game was computed with (rolling_window_size ramps up to it). */
function storedWindowSizes(dbFile: string, gameId: string): number[] {
  return queryFile(dbFile, (db) => db.prepare("SELECT DISTINCT json_extract(parameters, '$.windowSize') FROM tmi_calculations WHERE game_id = ? ORDER BY 1").pluck().all(gameId) as number[])
}

/** The history's Window cells of its last rows: scrolled to the end, where the window is full. */
async function lastWindowCells(page: Page): Promise<string[]> {
  const scroller = page.getByRole('region', { name: 'TMI history', exact: true }).locator('.vtable-scroll')
  await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight))
  await expect(scroller.locator('tbody tr').last()).toBeVisible()
  return (await scroller.locator('tbody .col-window').allInnerTexts()).slice(-5)
}

/** Recomputing with another window replaces the game's TMI rows: the history, the chart and the file change. */
export async function recomputeTmi(page: Page, dbFile: string, game = REAL_GAME, shotName = 'game-detail-recomputed'): Promise<void> {
  const storedRows = () => queryFile(dbFile, (db) => db.prepare('SELECT count(*) FROM tmi_calculations WHERE game_id = ?').pluck().get(game.gameId) as number)
  const before = storedWindowSizes(dbFile, game.gameId)
  expect(before).toHaveLength(1)
  const oldWindow = before[0]!
  const newWindow = oldWindow === 9 ? 7 : 9

  const history = historyPanel(page)
  await expect(history.locator('.panel-status')).toHaveText(`${storedRows().toLocaleString('en-US')} rows`)
  expect(await lastWindowCells(page)).toEqual(Array(5).fill(String(oldWindow)))
  const linesBefore = await pathData(tmiPanel(page).locator('path.recharts-line-curve'))

  const input = tmiPanel(page).getByRole('spinbutton', { name: 'Window (possessions)' })
  await expect(input).toHaveValue(String(oldWindow))
  await input.fill(String(newWindow))
  await tmiPanel(page).getByRole('button', { name: 'Recompute' }).click()
  const jobs = page.getByRole('contentinfo', { name: 'Jobs' })
  await expect(jobs).toContainText(`TMI, window of ${newWindow} possessions`)
  await expect(jobs.getByRole('status')).toContainText('✓', { timeout: 20_000 })

  // The rows were replaced, not added to: one window size left in the file.
  expect(storedWindowSizes(dbFile, game.gameId)).toEqual([newWindow])
  await expect(history.locator('.panel-status')).toHaveText(`${storedRows().toLocaleString('en-US')} rows`)
  await expect.poll(() => lastWindowCells(page)).toEqual(Array(5).fill(String(newWindow)))
  await expect(input).toHaveValue(String(newWindow))
  await expect.poll(() => pathData(tmiPanel(page).locator('path.recharts-line-curve'))).not.toEqual(linesBefore)
  await saveScreenshot(page, shotName)
}
