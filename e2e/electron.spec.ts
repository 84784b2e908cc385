/**
 * The same journeys in the built desktop app (Playwright's `_electron`). Skipped, with the reason
 * printed, where no Electron binary was downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD) or no display exists.
 */
import type { ElectronApplication, Page } from '@playwright/test'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { electronSkipReason, expect, skipWithReason, test } from './fixtures'
import { cleanupWithPreview, exportTmiCsv, migrateAndCheckHealth, resetNeedsTypedConfirmation, type CaptureExport } from './journeys/admin'
import { browseAndSortGames, filterGames, navigateGamesWithKeyboard } from './journeys/browse-games'
import { checkTimelineAndCharts, openGameFromList, pickPlayFromScoreChart, pickPlayFromTmiChart, recomputeTmi } from './journeys/game-detail'

// Decided before any fixture runs, so a machine without Electron builds no databases for it.
const skipReason = electronSkipReason()
test.beforeEach(() => {
  if (skipReason !== null) skipWithReason(skipReason)
})

async function appWindow(app: ElectronApplication): Promise<Page> {
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  await expect(page.locator('.app')).toBeVisible()
  return page
}

/** The app asks main for a save location: answer the native dialog with a file of the test's own. */
function captureSaveDialog(app: ElectronApplication, file: string): CaptureExport {
  return async (_page, start) => {
    await app.evaluate(({ dialog }, target) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as typeof dialog.showSaveDialog
    }, file)
    await start()
    await expect.poll(() => existsSync(file) && statSync(file).size > 0, { timeout: 20_000 }).toBe(true)
    return file
  }
}

test.describe('desktop app: games', () => {
  test.use({ database: 'demo' })

  test('lists, sorts and filters games', async ({ electronApp, dbFile }) => {
    const page = await appWindow(electronApp)
    await browseAndSortGames(page, dbFile, 'electron-games-list')
    await filterGames(page, dbFile)
  })

  test('moves between rows with the keyboard', async ({ electronApp }) => {
    await navigateGamesWithKeyboard(await appWindow(electronApp))
  })
})

test.describe('desktop app: game detail', () => {
  test.use({ database: 'real-games' })

  test('draws both charts and a chart click lands on the play; recompute changes the history', async ({ electronApp, dbFile }) => {
    const page = await appWindow(electronApp)
    await openGameFromList(page)
    await checkTimelineAndCharts(page, dbFile, undefined, 'electron-game-detail')
    await pickPlayFromScoreChart(page, undefined, 'electron-game-detail-selected')
    await pickPlayFromTmiChart(page)
    await recomputeTmi(page, dbFile, undefined, 'electron-game-detail-recomputed')
  })
})

test.describe('desktop app: admin on a file the original app wrote', () => {
  test.use({ database: 'python' })

  test('migrates and every health part is ok', async ({ electronApp, dbFile }) => {
    await migrateAndCheckHealth(await appWindow(electronApp), dbFile, 'electron-admin-health')
  })
})

test.describe('desktop app: admin on a demo database', () => {
  test.use({ database: 'demo' })

  test('cleanup with preview', async ({ electronApp, dbFile }) => {
    await cleanupWithPreview(await appWindow(electronApp), dbFile, 'electron-cleanup-preview')
  })

  test('exports TMI as CSV through the save dialog', async ({ electronApp, dbFile, workDir }) => {
    await exportTmiCsv(await appWindow(electronApp), dbFile, captureSaveDialog(electronApp, join(workDir, 'tmi.csv')))
  })

  test('refuses Reset until RESET is typed', async ({ electronApp, dbFile }) => {
    await resetNeedsTypedConfirmation(await appWindow(electronApp), dbFile, 'electron-reset-confirmation')
  })
})
