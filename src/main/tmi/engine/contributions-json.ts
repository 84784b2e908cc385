/*
 * Writes feature_contributions byte for byte as the original stored them: Python's
 * `json.dumps(dict)` with default settings (", " and ": " separators, ASCII-only strings, floats
 * as `repr`). JavaScript and Python agree on the shortest round-trip digits; only layout differs.
 */

/** Python's `repr(float)`, with json.dumps' spelling of the non-finite values. */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return 'Infinity'
  if (value === -Infinity) return '-Infinity'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const sign = value < 0 ? '-' : ''
  const [mantissa = '', exponentText = '0'] = Math.abs(value).toExponential().split('e')
  const digits = mantissa.replace('.', '')
  const exponent = Number(exponentText)
  if (exponent < -4 || exponent >= 16) {
    const significand = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`
    const magnitude = String(Math.abs(exponent)).padStart(2, '0')
    return `${sign}${significand}e${exponent < 0 ? '-' : '+'}${magnitude}`
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
  const integerPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0')
  const fractionPart = digits.slice(exponent + 1) || '0'
  return `${sign}${integerPart}.${fractionPart}`
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}

/** A JSON string as Python writes it with ensure_ascii: everything outside ' '..'~' as \uXXXX. */
export function formatPythonJsonString(text: string): string {
  let out = '"'
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charAt(index)
    const code = text.charCodeAt(index)
    const short = SHORT_ESCAPES[character]
    if (short !== undefined) out += short
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += character
  }
  return `${out}"`
}

/** Contributions as the original's `json.dumps`, keys in the record's order. */
export function formatContributionsPython(contributions: Readonly<Record<string, number>>): string {
  const entries = Object.entries(contributions).map(
    ([name, value]) => `${formatPythonJsonString(name)}: ${formatPythonFloat(value)}`,
  )
  return `{${entries.join(', ')}}`
}
