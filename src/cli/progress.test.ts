import { describe, expect, it } from 'vitest'
import { count, counted, createProgressLine, type ProgressStream } from './progress'

function fakeStream(isTTY: boolean, columns?: number): ProgressStream & { written: string[] } {
  const written: string[] = []
  return { isTTY, ...(columns !== undefined && { columns }), written, write: (text: string) => written.push(text) }
}

describe('createProgressLine', () => {
  it('rewrites one line on a terminal and erases it on clear', () => {
    const stream = fakeStream(true, 80)
    let now = 0
    const line = createProgressLine({ json: false, stream, now: () => now })
    line.update('importing 1/3 files, 627 events…')
    now = 500
    line.update('importing 2/3 files, 1,254 events…')
    line.clear()
    line.clear()
    expect(stream.written).toEqual(['\r\x1b[Kimporting 1/3 files, 627 events…', '\r\x1b[Kimporting 2/3 files, 1,254 events…', '\r\x1b[K'])
  })

  it('skips updates that come sooner than the interval', () => {
    const stream = fakeStream(true, 80)
    let now = 0
    const line = createProgressLine({ json: false, stream, now: () => now, minIntervalMs: 100 })
    line.update('a')
    now = 50
    line.update('b')
    now = 150
    line.update('c')
    expect(stream.written).toEqual(['\r\x1b[Ka', '\r\x1b[Kc'])
  })

  it('cuts a line that would wrap on a narrow terminal', () => {
    const stream = fakeStream(true, 11)
    createProgressLine({ json: false, stream }).update('importing 2/3 files')
    expect(stream.written).toEqual(['\r\x1b[Kimporting…'])
  })

  it('prints nothing when stderr is not a terminal, or with --json', () => {
    for (const [isTTY, json] of [[false, false], [true, true]] as const) {
      const stream = fakeStream(isTTY, 80)
      const line = createProgressLine({ json, stream })
      line.update('importing 1/3 files…')
      line.clear()
      expect(stream.written).toEqual([])
    }
  })
})

describe('count', () => {
  it('groups thousands with commas', () => {
    expect(count(1254)).toBe('1,254')
    expect(count(1_000_000)).toBe('1,000,000')
    expect(counted(1, 'row')).toBe('1 row')
    expect(counted(12_345, 'row')).toBe('12,345 rows')
  })
})
