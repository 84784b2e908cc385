const MINUS = '\u2212'

/** Signed, two decimals, a real minus sign: +1.25 / −0.40 / 0.00. */
export function formatSigned(value: number | null | undefined, digits = 2): string {
  if (value == null || !Number.isFinite(value)) return '—'
  const fixed = Math.abs(value).toFixed(digits)
  if (Number(fixed) === 0) return (0).toFixed(digits)
  return `${value < 0 ? MINUS : '+'}${fixed}`
}

export function formatCount(value: number | null | undefined): string {
  return value == null ? '—' : value.toLocaleString('en-US')
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '—'
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let size = bytes
  let unit = 0
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024
    unit++
  }
  return `${unit === 0 ? size : size.toFixed(size < 10 ? 1 : 0)} ${units[unit]}`
}

/** An ISO instant in local time, `YYYY-MM-DD HH:MM`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export function formatPercent(value: number | null | undefined): string {
  return value == null ? '—' : `${Math.round(value * 100)}%`
}

/** Shortens long paths in the middle, where they are least telling: `/home/…/games/db.sqlite`. */
export function middleEllipsis(text: string, max: number): string {
  if (text.length <= max) return text
  const keep = max - 1
  const head = Math.ceil(keep / 3)
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`
}
