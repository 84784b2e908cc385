/*
 * One updating status line on stderr (`importing 2/3 files, 1,254 events…`) while a long command
 * runs. Only for a person at a terminal: when stderr is not a TTY, or with --json, it prints
 * nothing, so logs and pipes see only the final report.
 */

export interface ProgressLine {
  /** Replaces the line (at most every `minIntervalMs`, except the first update). */
  update(text: string): void
  /** Erases the line, so the report that follows starts on a clean line. Safe to call twice. */
  clear(): void
}

export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

export interface ProgressSettings {
  json: boolean
  stream?: ProgressStream
  minIntervalMs?: number
  now?: () => number
}

const ERASE_LINE = '\r\x1b[K'

export function createProgressLine(settings: ProgressSettings): ProgressLine {
  const stream = settings.stream ?? process.stderr
  if (settings.json || stream.isTTY !== true) return { update: () => undefined, clear: () => undefined }
  const minIntervalMs = settings.minIntervalMs ?? 100
  const now = settings.now ?? Date.now
  let shown = false
  let lastAt = Number.NEGATIVE_INFINITY
  return {
    update(text) {
      const at = now()
      if (shown && at - lastAt < minIntervalMs) return
      lastAt = at
      shown = true
      // A line longer than the terminal would wrap, and \r would then only rewrite its last row.
      const width = stream.columns && stream.columns > 1 ? stream.columns - 1 : text.length
      stream.write(`${ERASE_LINE}${text.length > width ? `${text.slice(0, width - 1)}…` : text}`)
    },
    clear() {
      if (!shown) return
      shown = false
      stream.write(ERASE_LINE)
    },
  }
}

const GROUPED = new Intl.NumberFormat('en-US')

/** 1254 → "1,254". */
export function count(n: number): string {
  return GROUPED.format(n)
}

/** 1254, 'row' → "1,254 rows". */
export function counted(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`
}
