import { describe, expect, it } from 'vitest'
import { elapsedSeconds, formatClock, formatGameTime, parseClock, periodAt, periodBoundaries, periodLabel } from './game-clock'

describe('parseClock', () => {
  it('reads the live feed ISO clock', () => {
    expect(parseClock('PT11M45.00S')).toBe(705)
    expect(parseClock('PT00M04.30S')).toBeCloseTo(4.3)
  })

  it('reads the stats feed colon clock', () => {
    expect(parseClock('11:45')).toBe(705)
    expect(parseClock('0:04.3')).toBeCloseTo(4.3)
  })

  it('reads plain seconds', () => {
    expect(parseClock('42.5')).toBe(42.5)
  })

  it('returns null for text that is no clock', () => {
    expect(parseClock('')).toBeNull()
    expect(parseClock('PT')).toBeNull()
    expect(parseClock('soon')).toBeNull()
    expect(parseClock(null)).toBeNull()
  })
})

describe('elapsedSeconds', () => {
  it('counts 12-minute quarters', () => {
    expect(elapsedSeconds(1, 'PT12M00.00S')).toBe(0)
    expect(elapsedSeconds(1, '11:45')).toBe(15)
    expect(elapsedSeconds(2, 'PT11M45.00S')).toBe(735)
    expect(elapsedSeconds(4, '0:00')).toBe(2880)
  })

  it('counts 5-minute overtimes after regulation', () => {
    expect(elapsedSeconds(5, '5:00')).toBe(2880)
    expect(elapsedSeconds(5, '0:00')).toBe(3180)
    expect(elapsedSeconds(6, 'PT02M30.00S')).toBe(3330)
  })

  it('clamps a clock longer than the period', () => {
    expect(elapsedSeconds(5, '12:00')).toBe(2880)
  })

  it('returns null when the clock is unreadable', () => {
    expect(elapsedSeconds(2, 'n/a')).toBeNull()
  })
})

describe('periodBoundaries', () => {
  it('returns quarter starts and the end of regulation', () => {
    expect(periodBoundaries(4)).toEqual([720, 1440, 2160, 2880])
  })

  it('adds overtime boundaries', () => {
    expect(periodBoundaries(6)).toEqual([720, 1440, 2160, 2880, 3180, 3480])
  })
})

describe('formatGameTime', () => {
  it('labels quarters and overtimes', () => {
    expect(formatGameTime(0)).toBe('Q1 12:00')
    expect(formatGameTime(735)).toBe('Q2 11:45')
    expect(formatGameTime(720)).toBe('Q1 0:00')
    expect(formatGameTime(3000)).toBe('OT 3:00')
    expect(periodLabel(6)).toBe('OT2')
    expect(periodAt(3300)).toBe(6)
  })
})

describe('formatClock', () => {
  it('shows minutes and seconds, with tenths in the last minute', () => {
    expect(formatClock('PT11M45.00S')).toBe('11:45')
    expect(formatClock('PT00M04.30S')).toBe('0:04.3')
    expect(formatClock('PT00M45.00S')).toBe('0:45')
    expect(formatClock('7:05')).toBe('7:05')
    expect(formatClock('odd')).toBe('odd')
  })
})
