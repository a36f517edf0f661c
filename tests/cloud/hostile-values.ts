/**
 * Hostile values for property-based tests of every action: wrong types, huge and deeply nested values, markup,
 * SQL metacharacters, prototype-polluting keys, numbers past every limit. Shared by the SQLite fuzz
 * (hostile-input.test.ts) and the contract suite's run on every store.
 */
import * as fc from 'fast-check'
import { ACTIONS } from '../../src/cloud/router'

export const MEGABYTE = 1024 * 1024
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '<script>alert(document.cookie)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE employees; --",
  "1' OR '1'='1",
  '1; DELETE FROM registrations',
  '%00%27%22',
  '../../etc/passwd',
  '${7*7}{{7*7}}',
  '\u202e\ufeff\ud800',
  'E0001',
  '2026-03-01T02:00:00.000Z',
  'not-a-date',
  '１２３',
]

export function nest(levels: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf
  for (let i = 0; i < levels; i++) value = asArray ? [value] : { a: value }
  return value
}

export const BIG_VALUES = [
  'x'.repeat(MEGABYTE),
  '<script>'.repeat(MEGABYTE / 8),
  '中'.repeat(MEGABYTE / 3),
  nest(1000, 'deep', false),
  nest(1000, 1, true),
  Array.from({ length: 100_000 }, (_, i) => i),
]

// Own keys named like the prototype's, as JSON.parse makes them from a request body.
export const POLLUTING = [
  JSON.parse('{"__proto__": {"role": "admin", "polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"__proto__": null, "toString": "x", "hasOwnProperty": 1}'),
]

export const scalar = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1.5, NaN, Infinity, -Infinity, -0),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
)

export const hostileValue = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constantFrom(...BIG_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTING) },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), scalar, { maxKeys: 4 }) },
)

/** The field names an action's schema knows, so generated payloads reach past "unknown key" into each field. */
function schemaKeys(action: string): string[] {
  const schema = ACTIONS[action].input as unknown as { shape?: object; _zod?: { def?: { shape?: object } } }
  return Object.keys(schema.shape ?? schema._zod?.def?.shape ?? {})
}

export function payloadFor(action: string): fc.Arbitrary<unknown> {
  const keys = schemaKeys(action)
  const known = keys.length
    ? fc.record(Object.fromEntries(keys.map((key) => [key, hostileValue])), { requiredKeys: [] })
    : fc.constant({})
  return fc.oneof(
    { weight: 5, arbitrary: known },
    // Known fields plus a stray one: strict schemas refuse it, loose ones must ignore it.
    { weight: 1, arbitrary: fc.tuple(known, fc.constantFrom(...POLLUTING)).map(([a, b]) => ({ ...b, ...a })) },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  )
}
