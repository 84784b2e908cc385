import { describe, expect, it } from 'vitest'
import { parseClockSeconds } from '../../shared/domain/game-clock'
import { isSameInstant, toStoredTimestamp } from './event-timestamp'

describe('parseClockSeconds', () => {
  it('reads stats-feed clocks, live-feed ISO durations and plain seconds', () => {
    expect(parseClockSeconds('11:45')).toBe(705)
    expect(parseClockSeconds('0:05.3')).toBeCloseTo(5.3)
    expect(parseClockSeconds('12:00')).toBe(720)
    expect(parseClockSeconds('PT11M45.00S')).toBe(705)
    expect(parseClockSeconds('PT00M04.70S')).toBeCloseTo(4.7)
    expect(parseClockSeconds('PT45S')).toBe(45)
    expect(parseClockSeconds(' 5:00 ')).toBe(300)
    expect(parseClockSeconds('42.5')).toBe(42.5)
  })

  it('returns null for text that is no clock', () => {
    for (const text of ['', 'PT', 'garbage', '1:02:03', '-1:00', 'PTM', '11:', null, undefined]) {
      expect(parseClockSeconds(text), String(text)).toBeNull()
    }
  })

  it('gives the same answer for a clock it has seen before', () => {
    for (let i = 0; i < 3; i++) expect(parseClockSeconds('PT03M12.00S')).toBe(192)
  })
})

describe('toStoredTimestamp', () => {
  it('rearranges UTC and naive wall-clock text, keeping microseconds', () => {
    expect(toStoredTimestamp('2025-10-23T11:35:45.336Z')).toBe('2025-10-23 11:35:45.336000')
    expect(toStoredTimestamp('2025-10-25T15:21:23.878076')).toBe('2025-10-25 15:21:23.878076')
    expect(toStoredTimestamp('2025-10-23 16:35:45')).toBe('2025-10-23 16:35:45.000000')
    expect(toStoredTimestamp('2025-10-23 11:35:45.123456789')).toBe('2025-10-23 11:35:45.123456')
  })

  it('converts offsets to UTC and reads date-only text', () => {
    expect(toStoredTimestamp('2025-10-23T11:35:45.000-05:00')).toBe('2025-10-23 16:35:45.000000')
    expect(toStoredTimestamp('2024-01-15')).toBe('2024-01-15 00:00:00.000000')
  })

  it('returns null for text that is no time, including impossible dates', () => {
    for (const text of ['yesterday', '2024-02-30 10:00:00', '2025-13-01T00:00:00Z', '2025-01-01 24:00:00', '']) {
      expect(toStoredTimestamp(text), text).toBeNull()
    }
    expect(toStoredTimestamp('2024-02-29 10:00:00')).toBe('2024-02-29 10:00:00.000000')
  })
})

describe('isSameInstant', () => {
  it('compares times across text forms, to the millisecond', () => {
    expect(isSameInstant('2025-10-25T15:21:23.878', '2025-10-25 15:21:23.878000')).toBe(true)
    expect(isSameInstant('2025-10-25 15:21:23', '2025-10-25 15:21:23.001000')).toBe(false)
    expect(isSameInstant(null, null)).toBe(true)
    expect(isSameInstant(null, '2025-10-25 15:21:23')).toBe(false)
  })
})
