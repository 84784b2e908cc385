import type { Writable } from 'node:stream'
import type { DatabaseHandle } from '../db/connection'
import { createCsvEncoder } from './csv-encoder'
import { createTurnYielder } from './event-loop-turns'
import { resolveCsvFormat, resolveProgressEvery, type CsvWriteOptions, type ExportResult } from './export-options'
import { createOutputSink, throwIfCancelled } from './output-sink'
import { forEachRow, type ExportSource, type RawRow } from './row-stream'

/** What one export writes: the header, the query and how a raw row becomes CSV cells. */
export interface CsvTable {
  columns: string[]
  /** `numeric[i]`: column i holds numbers (never neutralised). */
  numeric: boolean[]
  source: ExportSource
  /** Turns a raw row (select-list order) into the cells; may change the array in place. */
  toCells(row: RawRow): unknown[]
}

/** Characters of CSV collected before one write. */
const CHUNK_CHARS = 64 * 1024

/**
 * Streams `table` to `out` as CSV with backpressure. `out` is the caller's: it is never ended, so
 * the same function writes to a temp file or to stdout.
 */
export async function writeCsv(handle: DatabaseHandle, table: CsvTable, options: CsvWriteOptions, out: Writable): Promise<ExportResult> {
  const encoder = createCsvEncoder(resolveCsvFormat(options), table.numeric)
  const progressEvery = resolveProgressEvery(options)
  const { signal, onProgress } = options
  throwIfCancelled(signal)
  const sink = createOutputSink(out, signal)
  let text = ''
  let rows = 0
  let reported = 0
  const giveTurn = createTurnYielder()
  const flush = async (last = false) => {
    const chunk = text
    text = ''
    await (last ? sink.finish(chunk) : sink.write(chunk))
    if (onProgress && rows - reported >= progressEvery) {
      reported = rows
      onProgress(rows)
    }
    await giveTurn()
    throwIfCancelled(signal)
  }
  try {
    await sink.write(encoder.header(table.columns))
    await forEachRow(handle, table.source, (row) => {
      text += encoder.record(table.toCells(row))
      rows += 1
      return text.length >= CHUNK_CHARS ? flush() : undefined
    })
    await flush(true)
  } finally {
    sink.release()
  }
  if (onProgress && (rows === 0 || reported !== rows)) onProgress(rows)
  return { rows, columns: table.columns }
}
