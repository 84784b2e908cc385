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
    const query = db.prepare('SELECT game_id, team_tricode, tmi_value, feature_contributions, prediction_probability, confidence_score, rolling_window_size, calculated_at FROM tmi_calculations').raw()
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
