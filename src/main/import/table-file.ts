import { extname } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { invalidAction, invalidRow } from './import-failure'
import { TABLE_COLUMNS, toCellValue, type CellValue, type ImportTableName } from './table-columns'

export type TableRow = Record<string, CellValue>

/** Columns an export may carry that the import ignores (database-assigned ids). */
const IGNORED: Partial<Record<ImportTableName, readonly string[]>> = { tmi: ['id'] }

export type TableFormat = 'csv' | 'ndjson'

export function tableFormatOf(file: string): TableFormat | null {
  const ext = extname(file).toLowerCase()
  if (ext === '.csv') return 'csv'
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson'
  return null
}

/**
 * Reads a whole .csv or .ndjson table file and validates every row; throws
 * `FILE: row N: column: cause` for the first bad cell (row 1 is the first data row).
 */
export function readTableFile(text: string, source: string, table: ImportTableName): TableRow[] {
  const format = tableFormatOf(source)
  if (format === null) throw invalidAction(source, 'unsupported file type (expected .csv, .ndjson or .jsonl)')
  const records = format === 'csv' ? readCsvRecords(text, source, table) : readNdjsonRecords(text, source, table)
  return records.map((record, index) => toRow(record, index + 1, source, table))
}

function checkColumns(names: string[], source: string, table: ImportTableName, row: number | null): void {
  const known = new Set([...TABLE_COLUMNS[table].map((c) => c.name), ...(IGNORED[table] ?? [])])
  const unknown = names.find((name) => !known.has(name))
  if (unknown === undefined) return
  const cause = `unknown column "${unknown}" (${table} columns: ${TABLE_COLUMNS[table].map((c) => c.name).join(', ')})`
  throw row === null ? invalidAction(source, `header: ${cause}`) : invalidRow(source, row, null, cause)
}

function readCsvRecords(text: string, source: string, table: ImportTableName): Array<Record<string, unknown>> {
  try {
    return parseCsv(text, {
      bom: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        checkColumns(header, source, table, null)
        const missing = TABLE_COLUMNS[table].find((c) => c.required && !header.includes(c.name))
        if (missing) throw invalidAction(source, `header: required column "${missing.name}" is missing`)
        if (new Set(header).size !== header.length) throw invalidAction(source, 'header: a column appears twice')
        return header
      },
    }) as Array<Record<string, unknown>>
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`${source}: `)) throw error
    throw invalidAction(source, `not valid CSV (${error instanceof Error ? error.message : String(error)})`)
  }
}

function readNdjsonRecords(text: string, source: string, table: ImportTableName): Array<Record<string, unknown>> {
  const records: Array<Record<string, unknown>> = []
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n')
  for (const line of lines) {
    if (line.trim() === '') continue
    const row = records.length + 1
    let record: unknown
    try {
      record = JSON.parse(line)
    } catch (error) {
      throw invalidRow(source, row, null, `not valid JSON (${error instanceof Error ? error.message : String(error)})`)
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) throw invalidRow(source, row, null, 'expected a JSON object')
    checkColumns(Object.keys(record), source, table, row)
    records.push(record as Record<string, unknown>)
  }
  return records
}

function toRow(record: Record<string, unknown>, row: number, source: string, table: ImportTableName): TableRow {
  const result: TableRow = {}
  for (const spec of TABLE_COLUMNS[table]) {
    const cell = toCellValue(spec, record[spec.name])
    if ('error' in cell) throw invalidRow(source, row, spec.name, cell.error)
    result[spec.name] = cell.value
  }
  return result
}
