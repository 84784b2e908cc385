import { test } from './fixtures'
import { checkTimelineAndCharts, openGameFromList, pickPlayFromScoreChart, pickPlayFromTmiChart, recomputeTmi } from './journeys/game-detail'

test.use({ database: 'real-games' })

test.describe('game detail', () => {
  test('shows the play-by-play and draws both charts; a chart click lands on the play', async ({ page, serve }) => {
    await openGameFromList(page)
    await checkTimelineAndCharts(page, serve.dbFile)
    await pickPlayFromScoreChart(page)
    await pickPlayFromTmiChart(page)
  })

  test('recomputes TMI with another window size and shows the new history', async ({ page, serve }) => {
    await openGameFromList(page)
    await recomputeTmi(page, serve.dbFile)
  })
})
