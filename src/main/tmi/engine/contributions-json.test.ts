import { describe, expect, it } from 'vitest'
import { formatContributionsPython, formatPythonFloat, formatPythonJsonString } from './contributions-json'

describe('formatPythonFloat', () => {
  it('writes Python repr for ordinary floats', () => {
    const cases: [number, string][] = [
      [0, '0.0'], [-0, '-0.0'], [1, '1.0'], [0.1, '0.1'], [-2.5, '-2.5'], [100, '100.0'],
      [0.0001, '0.0001'], [0.00012345, '0.00012345'], [-0.06937218462755805, '-0.06937218462755805'],
    ]
    for (const [value, text] of cases) expect(formatPythonFloat(value)).toBe(text)
  })

  it('switches to exponent form below 1e-4 and from 1e16, with a two-digit exponent', () => {
    const cases: [number, string][] = [
      [1e-5, '1e-05'], [2.5e-7, '2.5e-07'], [-1e-5, '-1e-05'], [5e-324, '5e-324'],
      [1e16, '1e+16'], [1234567890123456.8, '1234567890123456.8'], [1.2345678901234568e17, '1.2345678901234568e+17'],
      [1.7976931348623157e308, '1.7976931348623157e+308'], [1e22, '1e+22'],
    ]
    for (const [value, text] of cases) expect(formatPythonFloat(value)).toBe(text)
  })

  it('writes the non-finite values as json.dumps does', () => {
    expect([NaN, Infinity, -Infinity].map(formatPythonFloat)).toEqual(['NaN', 'Infinity', '-Infinity'])
  })
})

describe('formatPythonJsonString', () => {
  it('escapes like ensure_ascii, in lowercase hex', () => {
    expect(formatPythonJsonString('a"b\\c\n\u00e9\u{1F600}\u007f')).toBe('"a\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\\u007f"')
  })
})

describe('formatContributionsPython', () => {
  it('reproduces the stored row of the original app', () => {
    const contributions = { points_scored: 0, fg_percentage: -0.06937218462755805, rebounds: 0, turnovers: -0, fouls: -0 }
    expect(formatContributionsPython(contributions)).toBe(
      '{"points_scored": 0.0, "fg_percentage": -0.06937218462755805, "rebounds": 0.0, "turnovers": -0.0, "fouls": -0.0}',
    )
  })

  it('writes an empty record as {}', () => {
    expect(formatContributionsPython({})).toBe('{}')
  })
})
