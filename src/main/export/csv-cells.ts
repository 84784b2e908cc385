/*
 * Cell values as spreadsheets will read them. Text that a spreadsheet would run as a formula gets a
 * leading `'` (OWASP "CSV Injection"; ASVS 5.0 V1.2.10 adds NUL). The fullwidth forms are there
 * because Apple Numbers folds them to their ASCII twins. Numbers are never touched: `-0.42` is data.
 */
import { formatTimestamp, parseTimestamp } from '../db/timestamps'

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])

export function isFormulaLike(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text.charAt(0))
}

/** Text a spreadsheet shows verbatim instead of evaluating. */
export function neutralizeFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text
}

/** Finite numbers as JavaScript's shortest round-trip text; NaN/±Infinity are not numbers to a spreadsheet. */
export function formatNumberCell(value: number, raw: boolean): string {
  const text = String(value)
  return Number.isFinite(value) || raw ? text : neutralizeFormula(text)
}

const STORED_FORM = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.(\d{1,6}))?$/

/**
 * A stored timestamp in the original's form `YYYY-MM-DD HH:MM:SS.ffffff` (UTC wall clock). Text
 * already in that form keeps its microseconds (PostgreSQL drops trailing zeros, so they are padded
 * back); other accepted forms are converted; unreadable values pass through as they are.
 */
export function toStoredTimestampCell(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const match = STORED_FORM.exec(value)
  if (match) {
    const fraction = match[1] ?? ''
    return fraction.length === 6 ? value : `${fraction ? value : `${value}.`}${'0'.repeat(6 - fraction.length)}`
  }
  const date = parseTimestamp(value)
  return date ? formatTimestamp(date) : value
}
