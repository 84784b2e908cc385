import { describe, expect, it } from 'vitest'
import { elapsedSeconds, parseClockMomentumml1, parseClockSeconds, parsePythonFloat } from './clock'

describe('parseClockMomentumml1', () => {
  it('reads M:SS and MM:SS.f', () => {
    expect(parseClockMomentumml1('11:45')).toBe(705)
    expect(parseClockMomentumml1('0:05.5')).toBe(5.5)
  })

  it('reads text without a colon as a Python float', () => {
    expect(parseClockMomentumml1('42')).toBe(42)
    expect(parseClockMomentumml1(' 1_0.5 ')).toBe(10.5)
  })

  it('gives 0 for ISO clocks, extra colons, empty and unreadable text', () => {
    for (const clock of ['PT11M45.00S', '1:02:03', '', 'abc', '1:', 'nan']) {
      expect(parseClockMomentumml1(clock)).toBe(0)
    }
  })

  it('keeps Python float quirks such as signs and spaces around the colon', () => {
    expect(parseClockMomentumml1(' 5 : 30 ')).toBe(330)
    expect(parseClockMomentumml1('-1:30')).toBe(-30)
  })
})

describe('parsePythonFloat', () => {
  it('accepts what float() accepts and rejects the rest', () => {
    expect(parsePythonFloat('1.')).toBe(1)
    expect(parsePythonFloat('.5e1')).toBe(5)
    expect(parsePythonFloat('-Infinity')).toBe(-Infinity)
    expect(parsePythonFloat('1__0')).toBeNull()
    expect(parsePythonFloat('_1')).toBeNull()
    expect(parsePythonFloat('0x10')).toBeNull()
  })
})

describe('parseClockSeconds', () => {
  it('reads both the MM:SS and the ISO live formats', () => {
    expect(parseClockSeconds('11:45')).toBe(705)
    expect(parseClockSeconds('0:05.5')).toBe(5.5)
    expect(parseClockSeconds('PT11M45.00S')).toBe(705)
    expect(parseClockSeconds('PT00M05.50S')).toBe(5.5)
    expect(parseClockSeconds('PT45S')).toBe(45)
    expect(parseClockSeconds('12')).toBe(12)
  })

  it('gives null for unreadable clocks', () => {
    for (const clock of ['', 'PT', 'PT11M45', '1:02:03', 'soon']) expect(parseClockSeconds(clock)).toBeNull()
  })
})

describe('elapsedSeconds', () => {
  it('counts 12-minute regulation periods', () => {
    expect(elapsedSeconds(1, 720)).toBe(0)
    expect(elapsedSeconds(1, 705)).toBe(15)
    expect(elapsedSeconds(4, 0)).toBe(2880)
  })

  it('counts 5-minute overtime periods from period 5', () => {
    expect(elapsedSeconds(5, 300)).toBe(2880)
    expect(elapsedSeconds(6, 60)).toBe(2880 + 300 + 240)
  })

  it('clamps a remaining time outside the period', () => {
    expect(elapsedSeconds(5, 720)).toBe(2880)
    expect(elapsedSeconds(2, -3)).toBe(1440)
  })
})
