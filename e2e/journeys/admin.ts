/** Admin: migrate and health-check, cleanup with its preview, the TMI CSV export, and Reset's typed confirmation. */
import type { Locator, Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, saveScreenshot } from '../fixtures'
import { gamesTable } from './browse-games'
import { countRows, queryFile, tableCounts, writeFile } from './database-file'
import { openGameFromList } from './game-detail'

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true })
const jobStatus = (page: Page) => page.getByRole('contentinfo', { name: 'Jobs' }).getByRole('status')

export async function openAdmin(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Admin', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible()
}

async function migrationStates(panel: Locator): Promise<Record<string, string>> {
  const rows = await panel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0]?.textContent?.trim() ?? '', tr.children[2]?.textContent?.trim() ?? '']))
  return Object.fromEntries(rows)
}

async function runHealthCheck(page: Page): Promise<Locator> {
  const panel = region(page, 'Health')
  await panel.getByRole('button', { name: 'Run health check' }).click()
  await expect(panel.getByRole('status')).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Run health check' })).toBeEnabled()
  return panel
}

const HEALTH_PARTS = ['location', 'latency', 'size', 'journal-mode', 'tables', 'schema-version', 'migrations', 'quick-check', 'foreign-keys']

/**
 * A file the original app migrated (001–003 recorded): our later migrations are listed as pending
 * and warned about, Migrate applies them all, and then every health part is ok.
 */
export async function migrateAndCheckHealth(page: Page, dbFile: string, shotName = 'admin-health'): Promise<void> {
  const recorded = queryFile(dbFile, (db) => db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as string[])
  expect(recorded).toEqual(['001', '002', '003'])
  const data = tableCounts(dbFile)
  await openAdmin(page)

  const migrations = region(page, 'Migrations')
  await expect(migrations.locator('tbody tr').first()).toBeVisible()
  const states = await migrationStates(migrations)
  const versions = Object.keys(states)
  const pending = versions.filter((version) => !recorded.includes(version))
  expect(pending.length).toBeGreaterThan(0)
  for (const version of recorded) expect(states[version], version).toBe('Applied')
  for (const version of pending) expect(states[version], version).toBe('Pending')
  const migrate = migrations.getByRole('button', { name: `Migrate (${pending.length} pending)` })
  await expect(migrate).toBeEnabled()
  const latest = versions.at(-1)!
  await expect(region(page, 'Current database')).toContainText(`003 of ${latest}`)
  await expect(region(page, 'Current database')).toContainText(`${pending.length} pending`)

  // Before migrating, health warns about the schema but does not fail.
  const health = await runHealthCheck(page)
  await expect(health.locator('.health-part', { hasText: 'schema-version' })).toHaveClass(/level-row-warning/)
  await expect(health.locator('.health-part.level-row-error')).toHaveCount(0)

  await migrate.click()
  await expect(migrations.getByText('Up to date')).toBeVisible({ timeout: 20_000 })
  await expect.poll(async () => Object.values(await migrationStates(migrations))).toEqual(versions.map(() => 'Applied'))
  expect(queryFile(dbFile, (db) => db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all())).toEqual(versions)
  await expect(region(page, 'Current database')).toContainText(`${latest} of ${latest}`)
  await expect(region(page, 'Current database')).not.toContainText('pending')
  // Migrating the original's file keeps its rows.
  expect(tableCounts(dbFile)).toEqual(data)

  await runHealthCheck(page)
  // The report is replaced when the new check answers: wait for its schema line first.
  await expect(health.locator('.health-part', { hasText: 'schema-version' })).toContainText(`${latest} (latest)`)
  await expect(health.locator('.health-overall')).toContainText('Healthy')
  const parts = health.locator('.health-part')
  await expect(parts.locator('.health-name')).toHaveText(HEALTH_PARTS)
  for (const part of await parts.all()) await expect(part).toHaveClass(/level-row-ok/)
  await saveScreenshot(page, shotName)
}

interface GroupCount {
  gameId: string
  team: string
  total: number
}

function tmiGroups(dbFile: string): GroupCount[] {
  return queryFile(dbFile, (db) => db.prepare('SELECT game_id AS gameId, team_tricode AS team, count(*) AS total FROM tmi_calculations GROUP BY game_id, team_tricode').all() as GroupCount[])
}

/** The preview names exactly what the stored counts say would go; the cleanup then deletes exactly that. */
export async function cleanupWithPreview(page: Page, dbFile: string, shotName = 'cleanup-preview'): Promise<void> {
  const groups = tmiGroups(dbFile)
  const largest = Math.max(...groups.map((group) => group.total))
  // Keep a little less than the largest groups hold, so some groups lose rows and some none.
  const keep = largest - 5
  const affected = groups.filter((group) => group.total > keep)
  const expectedDeleted = affected.reduce((sum, group) => sum + group.total - keep, 0)
  expect(affected.length).toBeGreaterThan(0)
  expect(affected.length).toBeLessThan(groups.length)
  const before = tableCounts(dbFile)
  await openAdmin(page)

  const panel = region(page, 'Cleanup')
  await panel.getByRole('spinbutton', { name: 'Keep newest TMI rows per game and team' }).fill(String(keep))
  const run = panel.getByRole('button', { name: 'Run cleanup' })
  await expect(run).toBeDisabled()
  await panel.getByRole('button', { name: 'Preview' }).click()
  const summary = panel.locator('.cleanup-preview > p')
  await expect(summary).toHaveText(`Would delete ${expectedDeleted.toLocaleString('en-US')} TMI rows and 0 events in ${affected.length} game/team groups.`)
  const rows = panel.locator('.cleanup-preview tbody tr')
  await expect(rows).toHaveCount(affected.length)
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent?.trim() ?? '')))
  const expected = affected.map((group) => [group.gameId, group.team, String(keep), String(group.total - keep)])
  expect(shown.sort()).toEqual(expected.sort())
  // A preview changes nothing.
  expect(tableCounts(dbFile)).toEqual(before)
  await saveScreenshot(page, shotName)

  await expect(run).toBeEnabled()
  await run.click()
  await expect(jobStatus(page)).toContainText(`Cleanup keeping ${keep} TMI rows per team`)
  await expect(jobStatus(page)).toContainText('✓', { timeout: 20_000 })
  await expect(panel.locator('.cleanup-preview')).toHaveCount(0)

  expect(tableCounts(dbFile)).toEqual({ ...before, tmi: before.tmi - expectedDeleted })
  expect(Math.max(...tmiGroups(dbFile).map((group) => group.total))).toBe(keep)
  await panel.getByRole('button', { name: 'Preview' }).click()
  await expect(summary).toHaveText('Would delete 0 TMI rows and 0 events in 0 game/team groups.')
  await expect(run).toBeDisabled()
}

/** Saves an export the page starts and returns the file's path. */
export type CaptureExport = (page: Page, start: () => Promise<void>) => Promise<string>

/** `momentum serve`: the export leaves the server as a browser download. */
export const captureDownload: CaptureExport = async (page, start) => {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), start()])
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  return download.path()
}

const HOSTILE_CLOCK = '=HYPERLINK("http://127.0.0.1/","x")'
const FORMULA_START = /^[=+\-@]/

/** A cell a spreadsheet would read as a number (those may start with a minus). */
function isNumberCell(cell: string): boolean {
  return cell.trim() !== '' && Number.isFinite(Number(cell))
}

/**
 * Exports a game's TMI history as CSV: every stored row of the algorithm shown, and no text cell
 * a spreadsheet would run as a formula, even for a row planted with one.
 */
export async function exportTmiCsv(page: Page, dbFile: string, capture: CaptureExport): Promise<void> {
  const game = queryFile(dbFile, (db) => db.prepare('SELECT game_id AS gameId, away_team AS away, home_team AS home FROM games ORDER BY game_id LIMIT 1').get() as { gameId: string; away: string; home: string })
  // The app could write this text itself: plant one the way any writer of the file could.
  writeFile(dbFile, (db) => {
    db.prepare(
      `INSERT INTO tmi_calculations (game_id, team_tricode, tmi_value, feature_contributions, prediction_probability, confidence_score, rolling_window_size, calculated_at, period, clock, elapsed_seconds, possession_number, algorithm, parameters)
       SELECT game_id, team_tricode, tmi_value, feature_contributions, prediction_probability, confidence_score, rolling_window_size, calculated_at, period, ?, elapsed_seconds, possession_number + 1, algorithm, parameters
       FROM tmi_calculations WHERE game_id = ? ORDER BY possession_number DESC LIMIT 1`,
    ).run(HOSTILE_CLOCK, game.gameId)
  })
  const algorithm = queryFile(dbFile, (db) => db.prepare('SELECT DISTINCT algorithm FROM tmi_calculations WHERE game_id = ?').pluck().all(game.gameId) as string[])
  expect(algorithm).toEqual(['momentum-2'])
  const stored = queryFile(dbFile, (db) => db.prepare("SELECT count(*) FROM tmi_calculations WHERE game_id = ? AND algorithm = 'momentum-2'").pluck().get(game.gameId) as number)

  await openGameFromList(page, game)
  const tmi = region(page, 'Team Momentum Index')
  await expect(region(page, 'TMI history').locator('.panel-status')).toHaveText(`${stored.toLocaleString('en-US')} rows`)
  const file = await capture(page, () => tmi.getByRole('button', { name: 'Export TMI CSV' }).click())
  await expect(jobStatus(page)).toContainText('Export TMI CSV')
  await expect(jobStatus(page)).toContainText('✓')

  const records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>
  expect(records).toHaveLength(stored)
  expect(Object.keys(records[0]!)).toEqual(expect.arrayContaining(['game_id', 'team', 'tmi_value', 'calculated_at', 'clock', 'algorithm']))
  expect(new Set(records.map((record) => record.game_id))).toEqual(new Set([game.gameId]))
  const unsafe = records.flatMap((record) => Object.entries(record).filter(([, cell]) => FORMULA_START.test(cell) && !isNumberCell(cell)))
  expect(unsafe).toEqual([])
  // The planted text is kept, behind the quote that stops a spreadsheet from running it.
  expect(records.filter((record) => record.clock === `'${HOSTILE_CLOCK}`)).toHaveLength(1)
  // Negative numbers are data, written as numbers.
  expect(records.some((record) => record.tmi_value!.startsWith('-'))).toBe(true)
}

/**
 * Reset stays disabled until RESET is typed exactly, and the server refuses a call without the
 * word; nothing changes until the typed confirmation. Then it empties the file, after a backup.
 */
export async function resetNeedsTypedConfirmation(page: Page, dbFile: string, shotName = 'reset-confirmation'): Promise<void> {
  const before = tableCounts(dbFile)
  expect(before.games).toBeGreaterThan(0)
  await openAdmin(page)
  const danger = region(page, 'Danger zone')
  const word = danger.getByLabel('Type RESET to confirm')
  const reset = danger.getByRole('button', { name: 'Reset database' })
  await expect(reset).toBeDisabled()

  for (const attempt of ['reset', 'RESE', 'RESET ', ' RESET', 'DROP']) {
    await word.fill(attempt)
    await expect(reset, `typed "${attempt}"`).toBeDisabled()
  }
  await word.press('Enter')
  await reset.click({ force: true }).catch(() => undefined)
  // The server checks the word too: a page that skips the button is refused.
  const refused = await page.evaluate(async () => {
    const input = { confirm: 'reset' }
    // The desktop app's preload bridge, or serve's HTTP API.
    const bridge = (globalThis as { api?: { invoke: (channel: string, input: unknown) => Promise<unknown> } }).api
    if (bridge) return { body: (await bridge.invoke('admin:reset', input)) as { ok: boolean; error?: { code: string } } }
    const response = await fetch('/api/call/admin:reset', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })
    return { body: (await response.json()) as { ok: boolean; error?: { code: string } } }
  })
  expect(refused.body.ok).toBe(false)
  expect(refused.body.error?.code).toBe('InvalidInput')
  expect(tableCounts(dbFile)).toEqual(before)
  expect(countRows(dbFile, 'schema_migrations')).toBeGreaterThan(0)

  await word.fill('RESET')
  await expect(reset).toBeEnabled()
  await saveScreenshot(page, shotName)

  await reset.click()
  await expect.poll(() => tableCounts(dbFile).games, { timeout: 20_000 }).toBe(0)
  expect(tableCounts(dbFile)).toEqual({ games: 0, events: 0, tmi: 0 })
  await expect(word).toHaveValue('')
  // The backup written first holds everything that was there.
  const backups = region(page, 'Backups')
  await expect(backups.locator('tbody tr')).toHaveCount(1)
  const backupName = (await backups.locator('tbody tr td').first().textContent())!.trim()
  expect(tableCounts(join(dirname(dbFile), backupName))).toEqual(before)

  await page.getByRole('link', { name: 'Games', exact: true }).click()
  await expect(page.getByText('This database has no games yet')).toBeVisible()
  await expect(gamesTable(page)).toHaveCount(0)
}
