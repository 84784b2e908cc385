import BetterSqlite3 from 'better-sqlite3'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { openDatabase } from '../main/db/connection'
import { parseDatabaseSpec } from '../main/db/database-target'
import { exportTmi, exportToFile } from '../main/export'

/** One export in this process; prints `{rows, ms, maxRssMb}` as its last line. */
export async function runExportChild(mode: string, file: string, out: string): Promise<void> {
  const start = process.hrtime.bigint()
  let rows = 0
  if (mode === 'ours') {
    const handle = await openDatabase(parseDatabaseSpec(file), { readonly: true })
    rows = (await exportToFile(out, (stream) => exportTmi(handle, {}, stream))).rows
    await handle.close()
  } else {
    const db = new BetterSqlite3(file, { readonly: true })
    const stream = createWriteStream(out)
    // The same rows and columns as ours (joined with their game, in game-date order), written as
    // plain joined lines: no quoting, no neutralising, no contribution columns.
    const query = db
      .prepare(
        `SELECT t.game_id, g.game_date, g.home_team, g.away_team, t.team_tricode, t.tmi_value, t.prediction_probability, t.confidence_score,
                t.rolling_window_size, t.calculated_at, t.period, t.clock, t.elapsed_seconds, t.possession_number, t.algorithm, t.feature_contributions
         FROM tmi_calculations t JOIN games g ON g.game_id = t.game_id
         ORDER BY g.game_date, t.game_id, t.algorithm, t.possession_number, t.calculated_at, t.id`,
      )
      .raw()
    for (const row of query.iterate()) {
      rows++
      if (!stream.write(`${(row as unknown[]).join(',')}\n`)) await once(stream, 'drain')
    }
    stream.end()
    await once(stream, 'finish')
    db.close()
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  console.log(JSON.stringify({ rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }))
}
