import { test } from './fixtures'
import { browseAndSortGames, filterGames, navigateGamesWithKeyboard } from './journeys/browse-games'

test.use({ database: 'demo' })

test.describe('browse games', () => {
  test('lists every game newest first and sorts by each sortable column', async ({ page, serve }) => {
    await browseAndSortGames(page, serve.dbFile)
  })

  test('filters by team and status', async ({ page, serve }) => {
    await filterGames(page, serve.dbFile)
  })

  test('moves between rows with the keyboard and opens a game with Enter', async ({ page }) => {
    await navigateGamesWithKeyboard(page)
  })
})
