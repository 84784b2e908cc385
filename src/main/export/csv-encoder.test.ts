import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { isFormulaLike, neutralizeFormula, toStoredTimestampCell } from './csv-cells'
import { createCsvEncoder, type CsvDelimiter, type CsvFormat } from './csv-encoder'

const COMMA: CsvFormat = { delimiter: ',', excel: false, raw: false }
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '\0', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']
const HOSTILE = ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd', '\ncmd', '\0x', 'x;=1+2', 'a","=1+2', 'two\nlines', 'cr\ronly', 'Valančiūnas', '＝1+2', '', "'quoted", 'plain']

const line = (cells: unknown[], format: CsvFormat = COMMA, numeric: boolean[] = []) => createCsvEncoder(format, numeric).record(cells)
const parseCsv = (text: string, delimiter: CsvDelimiter = ',') => parse(text, { bom: true, delimiter, relax_column_count: true }) as string[][]

describe('neutralizeFormula', () => {
  it('prefixes a quote to text starting with each formula trigger', () => {
    for (const trigger of TRIGGERS) expect(neutralizeFormula(`${trigger}cmd`)).toBe(`'${trigger}cmd`)
  })

  it('leaves other text alone, including triggers after the first character', () => {
    for (const text of ['', 'LAL', 'a=1', ' =1', 'Valančiūnas', "'x"]) expect(neutralizeFormula(text)).toBe(text)
    expect(isFormulaLike('')).toBe(false)
  })
})

describe('toStoredTimestampCell', () => {
  it('keeps microseconds of the stored form and pads shorter fractions', () => {
    expect(toStoredTimestampCell('2025-10-23 21:12:50.402785')).toBe('2025-10-23 21:12:50.402785')
    expect(toStoredTimestampCell('2025-10-23 21:12:50.4')).toBe('2025-10-23 21:12:50.400000')
    expect(toStoredTimestampCell('2025-10-23 21:12:50')).toBe('2025-10-23 21:12:50.000000')
  })

  it('converts other accepted forms to UTC stored form and passes the rest through', () => {
    expect(toStoredTimestampCell('2025-10-23T21:12:50Z')).toBe('2025-10-23 21:12:50.000000')
    expect(toStoredTimestampCell('2025-10-23T23:12:50.5+02:00')).toBe('2025-10-23 21:12:50.500000')
    expect(toStoredTimestampCell('2025-10-23')).toBe('2025-10-23 00:00:00.000000')
    expect(toStoredTimestampCell('=cmd')).toBe('=cmd')
    expect(toStoredTimestampCell(null)).toBeNull()
  })
})

describe('createCsvEncoder', () => {
  it('writes numbers as bare numbers, negative ones included', () => {
    expect(line([-0.42, 0, -5, 1e-7, 12])).toBe('-0.42,0,-5,1e-7,12\n')
  })

  it('neutralises and quotes formula-like text but never numbers', () => {
    expect(line(['-0.42', -0.42, '=1+2', '@x'])).toBe(`"'-0.42",-0.42,"'=1+2","'@x"\n`)
  })

  it('writes non-finite numbers as text, neutralising -Infinity', () => {
    expect(line([Number.NaN, Infinity, -Infinity])).toBe(`NaN,Infinity,"'-Infinity"\n`)
    expect(line([-Infinity], { ...COMMA, raw: true })).toBe('-Infinity\n')
  })

  it('writes decimal literals in numeric columns as numbers and other text there as text', () => {
    const numeric = [true, true, true, true]
    expect(line(['-0.0', '1e-05', '=1+2', '-1+1'], COMMA, numeric)).toBe(`-0.0,1e-05,"'=1+2","'-1+1"\n`)
  })

  it('quotes fields holding either common delimiter, a quote or a line break, whatever the delimiter', () => {
    for (const delimiter of [',', ';', '\t', '|'] as const) {
      const format = { ...COMMA, delimiter, raw: true }
      expect(line(['a,b', 'a;b', 'say "hi"', 'a\nb', 'a\rb', 'ok'], format)).toBe(
        ['"a,b"', '"a;b"', '"say ""hi"""', '"a\nb"', '"a\rb"', 'ok'].join(delimiter) + '\n',
      )
    }
    expect(line(['a\tb', 'a|b'], { ...COMMA, delimiter: '\t' })).toBe('"a\tb"\ta|b\n')
    expect(line(['a\tb', 'a|b'], { ...COMMA, delimiter: '|' })).toBe('a\tb|"a|b"\n')
  })

  it('tells an empty string from NULL', () => {
    expect(line(['', null, undefined, 'x'])).toBe('"",,,x\n')
  })

  it('starts Excel output with a BOM and ends every line with CRLF', () => {
    const encoder = createCsvEncoder({ ...COMMA, excel: true })
    expect(encoder.header(['a', 'b'])).toBe('\uFEFFa,b\r\n')
    expect(encoder.record(['two\nlines', 1])).toBe('"two\nlines",1\r\n')
  })

  it('writes what csv-stringify writes with the same quoting and cast rules', () => {
    for (const raw of [false, true]) {
      for (const delimiter of [',', ';', '\t', '|'] as const) {
        const records = [HOSTILE, [-0.42, 0, 12.5, null, Number.NaN, -Infinity, 'x']]
        const ours = records.map((record) => line(record, { delimiter, excel: false, raw })).join('')
        const text = (value: string) => (raw ? value : neutralizeFormula(value))
        const reference = stringify(records, {
          delimiter,
          quoted_match: new RegExp(`^$|^'|[,;"\\r\\n${delimiter === '\t' ? '\\t' : delimiter === '|' ? '|' : ''}]`),
          cast: { string: text, number: (value) => (Number.isFinite(value) ? String(value) : text(String(value))) },
        })
        expect(ours, `raw=${raw} delimiter=${JSON.stringify(delimiter)}`).toBe(reference)
      }
    }
  })

  it('round-trips every hostile text through csv-parse in raw mode', () => {
    for (const delimiter of [',', ';', '\t', '|'] as const) {
      const encoder = createCsvEncoder({ delimiter, excel: true, raw: true })
      const text = encoder.header(['a', 'b']) + encoder.record(HOSTILE) + encoder.record([...HOSTILE].reverse())
      expect(parseCsv(text, delimiter)).toEqual([['a', 'b'], HOSTILE, [...HOSTILE].reverse()])
    }
  })

  it('leaves no parsed cell starting with a trigger unless it is a number', () => {
    const parsed = parseCsv(line(HOSTILE) + line([-1, -0.5, '-7']))
    for (const cell of parsed.flat()) {
      const numeric = cell !== '' && !Number.isNaN(Number(cell)) && !/^\s/.test(cell)
      if (!numeric) expect(TRIGGERS.includes(cell.charAt(0)), JSON.stringify(cell)).toBe(false)
    }
    expect(parsed[1]).toEqual(['-1', '-0.5', "'-7"])
  })
})
