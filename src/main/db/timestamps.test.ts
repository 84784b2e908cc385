import { describe, expect, it } from 'vitest'
import { formatTimestamp, normalizeTimestamp, parseTimestamp, toIsoTimestamp } from './timestamps'

describe('formatTimestamp', () => {
  it('writes the original text format: space, six fraction digits, UTC wall clock, no zone', () => {
    expect(formatTimestamp(new Date('2025-10-23T11:35:45.336Z'))).toBe('2025-10-23 11:35:45.336000')
    expect(formatTimestamp(new Date('2024-01-05T03:04:05Z'))).toBe('2024-01-05 03:04:05.000000')
  })

  it('uses UTC whatever the date was created from', () => {
    expect(formatTimestamp(new Date('2025-10-23T11:35:45.000-05:00'))).toBe('2025-10-23 16:35:45.000000')
  })

  it('sorts as text in time order, like the stored column does', () => {
    const dates = ['2025-10-23T09:59:59.999Z', '2025-10-23T10:00:00Z', '2025-10-23T10:00:00.001Z', '2026-01-01T00:00:00Z']
    const texts = dates.map((d) => formatTimestamp(new Date(d)))
    expect([...texts].sort()).toEqual(texts)
  })
})

describe('parseTimestamp', () => {
  describe('accepted formats', () => {
    const cases: Array<[string, string]> = [
      ['2025-10-23 11:35:45.336995', '2025-10-23T11:35:45.336Z'], // Python datetime via SQLAlchemy
      ['2025-10-23 16:35:45', '2025-10-23T16:35:45.000Z'], // CURRENT_TIMESTAMP
      ['2025-10-25T15:21:23.878076', '2025-10-25T15:21:23.878Z'], // smart_backend isoformat()
      ['2025-10-25T15:21:23', '2025-10-25T15:21:23.000Z'],
      ['2025-10-23 11:35', '2025-10-23T11:35:00.000Z'],
      ['2024-01-15', '2024-01-15T00:00:00.000Z'], // date only
      ['2025-10-23 11:35:45.5', '2025-10-23T11:35:45.500Z'],
      ['2025-10-23 11:35:45.123456789', '2025-10-23T11:35:45.123Z'],
      ['2025-10-23T11:35:45.336Z', '2025-10-23T11:35:45.336Z'],
      ['2025-10-23 12:00:02-05:00', '2025-10-23T17:00:02.000Z'],
      ['2025-10-23T12:00:02+0530', '2025-10-23T06:30:02.000Z'],
      ['2025-10-23 11:35:45.336995+00', '2025-10-23T11:35:45.336Z'], // PostgreSQL timestamptz text
      ['  2025-10-23 11:35:45  ', '2025-10-23T11:35:45.000Z'],
    ]
    for (const [text, iso] of cases) {
      it(`reads "${text}"`, () => {
        expect(parseTimestamp(text)?.toISOString()).toBe(iso)
      })
    }
  })

  it('reads naive text as UTC wall clock', () => {
    expect(parseTimestamp('2024-07-01 00:00:00')?.getTime()).toBe(Date.UTC(2024, 6, 1))
  })

  it('passes valid Dates through and rejects invalid ones', () => {
    const date = new Date('2025-01-01T00:00:00Z')
    expect(parseTimestamp(date)).toBe(date)
    expect(parseTimestamp(new Date('nope'))).toBeNull()
  })

  it('returns null for missing and unreadable values', () => {
    for (const text of [null, undefined, '', 'yesterday', '23/10/2025 11:35', '2025-10-23 11:35:45 PM', '20251023']) {
      expect(parseTimestamp(text)).toBeNull()
    }
  })

  it('returns null for dates and times that do not exist rather than rolling them over', () => {
    for (const text of ['2024-02-30 10:00:00', '2024-13-01', '2025-10-23 24:00:00', '2025-10-23 11:60:00', '2025-10-23 11:35:61']) {
      expect(parseTimestamp(text)).toBeNull()
    }
    expect(parseTimestamp('2024-02-29 10:00:00')?.toISOString()).toBe('2024-02-29T10:00:00.000Z')
  })
})

describe('round trip', () => {
  it('reads back every millisecond it writes', () => {
    const base = Date.UTC(2025, 9, 23, 11, 35, 45)
    for (let ms = 0; ms < 1000; ms++) {
      const date = new Date(base + ms)
      expect(parseTimestamp(formatTimestamp(date))?.getTime()).toBe(date.getTime())
    }
  })

  it('rewrites each accepted stored form in the canonical stored form', () => {
    expect(normalizeTimestamp('2025-10-25T15:21:23.878076')).toBe('2025-10-25 15:21:23.878000')
    expect(normalizeTimestamp('2025-10-23 16:35:45')).toBe('2025-10-23 16:35:45.000000')
    expect(normalizeTimestamp('2025-10-23 11:35:45.336995')).toBe('2025-10-23 11:35:45.336000')
    expect(normalizeTimestamp('garbage')).toBeNull()
    expect(normalizeTimestamp(null)).toBeNull()
  })

  it('gives ISO-8601 with Z for the API', () => {
    expect(toIsoTimestamp('2025-10-23 16:35:45')).toBe('2025-10-23T16:35:45.000Z')
    expect(toIsoTimestamp(undefined)).toBeNull()
  })
})

describe('toIsoTimestamp fast path', () => {
  it('reshapes PostgreSQL timestamp text, whose fraction drops trailing zeros', () => {
    expect(toIsoTimestamp('2025-01-02 03:04:05.5')).toBe('2025-01-02T03:04:05.500Z')
    expect(toIsoTimestamp('2025-01-02 03:04:05.12')).toBe('2025-01-02T03:04:05.120Z')
    expect(toIsoTimestamp('2025-01-02 03:04:05.123456')).toBe('2025-01-02T03:04:05.123Z')
    expect(toIsoTimestamp('2025-01-02 03:04:05')).toBe('2025-01-02T03:04:05.000Z')
  })

  it('agrees with the checked parse for every shape and day of the year', () => {
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000 + day * 7_919_123)
      const text = formatTimestamp(date)
      for (const variant of [text, text.slice(0, 19), text.slice(0, 21), text.replace(/\.?0+$/, '')]) {
        expect(toIsoTimestamp(variant)).toBe(parseTimestamp(variant)!.toISOString())
      }
    }
  })

  it('leaves impossible dates and times to the checked path, which rejects them', () => {
    expect(toIsoTimestamp('2024-02-30 00:00:00')).toBeNull()
    expect(toIsoTimestamp('2024-02-29 00:00:00')).toBe('2024-02-29T00:00:00.000Z')
    expect(toIsoTimestamp('2024-01-01 24:00:00')).toBeNull()
    expect(toIsoTimestamp('2024-13-01 00:00:00')).toBeNull()
  })

  it('keeps the milliseconds the digits say (no float rounding down)', () => {
    expect(parseTimestamp('2024-01-01 00:00:00.285')!.getUTCMilliseconds()).toBe(285)
    expect(toIsoTimestamp('2024-01-01T00:00:00.285Z')).toBe('2024-01-01T00:00:00.285Z')
  })
})
