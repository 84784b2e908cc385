import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, formatPercent, formatSigned, middleEllipsis } from './format'

describe('format', () => {
  it('formats signed values with a real minus sign', () => {
    expect(formatSigned(1.234)).toBe('+1.23')
    expect(formatSigned(-0.4)).toBe('\u22120.40')
    expect(formatSigned(-0.001)).toBe('0.00')
    expect(formatSigned(null)).toBe('—')
  })

  it('formats sizes, counts and shares', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB')
    expect(formatCount(12345)).toBe('12,345')
    expect(formatPercent(0.456)).toBe('46%')
  })

  it('shortens long labels in the middle', () => {
    expect(middleEllipsis('/tmp/ui.db', 40)).toBe('/tmp/ui.db')
    const short = middleEllipsis('/home/analyst/basketball/seasons/2024-25/momentum_ml.db', 30)
    expect(short).toHaveLength(30)
    expect(short.startsWith('/home/ana')).toBe(true)
    expect(short.endsWith('/momentum_ml.db')).toBe(true)
  })
})
