/*
 * Reads stored feature_contributions, which may be JSON (also with Python's NaN/Infinity) or a
 * Python dict repr (single quotes, True/False/None, nan/inf). Only number values are kept.
 */

type Value = number | string | boolean | null | Value[] | Map<string, Value>

class UnreadableText extends Error {}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/
const WORD = /^-?[A-Za-z]+/
const WORDS: ReadonlyMap<string, Value> = new Map<string, Value>([
  ['true', true], ['True', true], ['false', false], ['False', false], ['null', null], ['None', null],
  ['NaN', Number.NaN], ['nan', Number.NaN], ['Infinity', Infinity], ['inf', Infinity],
  ['-Infinity', -Infinity], ['-inf', -Infinity],
])
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '0': '\0',
}
const HEX_ESCAPE_LENGTHS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 }

class Reader {
  private index = 0
  constructor(private readonly text: string) {}

  document(): Value {
    const value = this.value()
    this.skipSpace()
    if (this.index !== this.text.length) throw new UnreadableText('trailing text')
    return value
  }

  private skipSpace(): void {
    while (/\s/.test(this.text.charAt(this.index))) this.index += 1
  }

  private expect(character: string): void {
    this.skipSpace()
    if (this.text.charAt(this.index) !== character) throw new UnreadableText(`expected ${character}`)
    this.index += 1
  }

  private value(): Value {
    this.skipSpace()
    const character = this.text.charAt(this.index)
    if (character === '{') return this.object()
    if (character === '[' || character === '(') return this.list(character === '[' ? ']' : ')')
    if (character === '"' || character === "'") return this.string(character)
    const rest = this.text.slice(this.index)
    const number = NUMBER.exec(rest)
    if (number !== null) {
      this.index += number[0].length
      return Number(number[0])
    }
    const word = WORD.exec(rest)
    if (word === null || !WORDS.has(word[0])) throw new UnreadableText('unexpected token')
    this.index += word[0].length
    return WORDS.get(word[0]) ?? null
  }

  private items(closing: string, readItem: () => void): void {
    this.index += 1
    this.skipSpace()
    while (this.text.charAt(this.index) !== closing) {
      readItem()
      this.skipSpace()
      if (this.text.charAt(this.index) === ',') this.index += 1
      else if (this.text.charAt(this.index) !== closing) throw new UnreadableText(`expected , or ${closing}`)
      this.skipSpace()
    }
    this.index += 1
  }

  private object(): Map<string, Value> {
    const entries = new Map<string, Value>()
    this.items('}', () => {
      const key = this.value()
      if (typeof key !== 'string') throw new UnreadableText('keys must be strings')
      this.expect(':')
      entries.set(key, this.value())
    })
    return entries
  }

  private list(closing: string): Value[] {
    const values: Value[] = []
    this.items(closing, () => values.push(this.value()))
    return values
  }

  private string(quote: string): string {
    let out = ''
    for (this.index += 1; this.index < this.text.length; this.index += 1) {
      const character = this.text.charAt(this.index)
      if (character === quote) {
        this.index += 1
        return out
      }
      if (character !== '\\') {
        out += character
        continue
      }
      this.index += 1
      out += this.escape(this.text.charAt(this.index))
    }
    throw new UnreadableText('unterminated string')
  }

  private escape(marker: string): string {
    const simple = SIMPLE_ESCAPES[marker]
    if (simple !== undefined) return simple
    const length = HEX_ESCAPE_LENGTHS[marker]
    if (length === undefined) return `\\${marker}`
    const hex = this.text.slice(this.index + 1, this.index + 1 + length)
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) throw new UnreadableText('bad escape')
    this.index += length
    const code = Number.parseInt(hex, 16)
    if (code > 0x10ffff) throw new UnreadableText('bad escape')
    return String.fromCodePoint(code)
  }
}

/** Feature contributions from stored text; {} for null, empty or unreadable text. */
export function parseContributions(text: string | null): Record<string, number> {
  if (text === null || text.trim() === '') return {}
  const fast = parseJsonNumbers(text)
  if (fast !== null) return fast
  let parsed: Value
  try {
    parsed = new Reader(text).document()
  } catch {
    return {}
  }
  if (!(parsed instanceof Map)) return {}
  const numbers: [string, number][] = []
  for (const [name, value] of parsed) if (typeof value === 'number') numbers.push([name, value])
  return Object.fromEntries(numbers)
}

/**
 * The common case, plain JSON of numbers, through the native parser (reading TMI history maps
 * thousands of rows). Null sends anything else (Python repr, NaN, nesting) to the full reader.
 */
function parseJsonNumbers(text: string): Record<string, number> | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  // JSON.parse already made every key (even "__proto__") an own data property: return it as is.
  const record = value as Record<string, unknown>
  for (const key in record) if (typeof record[key] !== 'number') return null
  return record as Record<string, number>
}
