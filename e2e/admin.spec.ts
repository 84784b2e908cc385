import { test } from './fixtures'
import { captureDownload, cleanupWithPreview, exportTmiCsv, migrateAndCheckHealth, resetNeedsTypedConfirmation } from './journeys/admin'

test.describe('admin on a file the original app wrote', () => {
  test.use({ database: 'python' })

  test('lists the pending migrations, migrates, and every health part is ok', async ({ page, serve }) => {
    await migrateAndCheckHealth(page, serve.dbFile)
  })
})

test.describe('admin on a demo database', () => {
  test.use({ database: 'demo' })

  test('previews a cleanup, runs it, and the stored counts match the preview', async ({ page, serve }) => {
    await cleanupWithPreview(page, serve.dbFile)
  })

  test('exports TMI as CSV with every stored row and no formula cells', async ({ page, serve }) => {
    await exportTmiCsv(page, serve.dbFile, captureDownload)
  })

  test('refuses Reset until RESET is typed, changing nothing', async ({ page, serve }) => {
    await resetNeedsTypedConfirmation(page, serve.dbFile)
  })
})
