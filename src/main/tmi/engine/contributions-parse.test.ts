import { describe, expect, it } from 'vitest'
import { parseContributions } from './contributions-parse'

describe('parseContributions', () => {
  describe('with JSON', () => {
    it('reads the original json.dumps output, keeping -0.0 and key order', () => {
      const parsed = parseContributions('{"points_scored": 0.0, "fg_percentage": -0.06937218462755805, "turnovers": -0.0, "fouls": 1e-05}')
      expect(Object.keys(parsed)).toEqual(['points_scored', 'fg_percentage', 'turnovers', 'fouls'])
      expect(parsed.fg_percentage).toBe(-0.06937218462755805)
      expect(Object.is(parsed.turnovers, -0)).toBe(true)
      expect(parsed.fouls).toBe(1e-5)
    })

    it('reads NaN and Infinity, which Python writes but JSON.parse rejects', () => {
      expect(parseContributions('{"a": NaN, "b": -Infinity}')).toEqual({ a: NaN, b: -Infinity })
    })

    it('reads compact JSON and escaped keys', () => {
      expect(parseContributions('{"caf\\u00e9":1.5,"x\\"y":2}')).toEqual({ 'café': 1.5, 'x"y': 2 })
    })
  })

  describe('with a Python dict repr', () => {
    it('reads single quotes and Python literals, keeping only numbers', () => {
      expect(parseContributions("{'points_scored': 0.4, 'ok': True, 'none': None, 'off': False, 'nan': nan, 'inf': -inf}")).toEqual({
        points_scored: 0.4, nan: NaN, inf: -Infinity,
      })
    })

    it('reads escapes of Python string repr', () => {
      expect(parseContributions("{'it\\'s': 1, 'tab\\there': 2, '\\xe9\\u00e9': 3}")).toEqual({ "it's": 1, 'tab\there': 2, 'éé': 3 })
    })
  })

  describe('with unreadable text', () => {
    it('returns {} without throwing', () => {
      for (const text of [null, '', '   ', 'not json', '{"a": 1', '[1, 2]', '42', '{"a": 1} extra', "{'a': 1,, }", '{1: 2}', '{"a": 1e}']) {
        expect(parseContributions(text)).toEqual({})
      }
    })

    it('drops nested values and keeps the last of duplicate keys', () => {
      expect(parseContributions('{"a": [1, 2], "b": {"c": 1}, "d": 1, "d": 2}')).toEqual({ d: 2 })
    })

    it('keeps __proto__ as an ordinary key', () => {
      const parsed = parseContributions('{"__proto__": 1}')
      expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
      expect(Object.keys(parsed)).toEqual(['__proto__'])
    })
  })
})
