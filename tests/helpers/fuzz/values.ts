// What a hostile or broken client can send to a server action, a route or a page's URL: wrong types,
// huge strings, unicode, control characters and NUL bytes, injection strings (SQL, HTML/script,
// header CRLF), prototype-pollution keys, malformed ids, numbers out of range, impossible dates.
// React's server-action protocol decodes Dates, BigInts, Maps, Sets and typed arrays too: they are here.
import fc from 'fast-check';

/** Strings chosen by hand: each one has broken a real application somewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(40),
  '\u0007\u001b[31m',
  '\u007f\u0085\u009f',
  '\u200b\u200e\u202e\u2066\ufeff',
  '\ud800',
  'a\udfffb',
  '\uffff\ufffe',
  '💥👩‍👩‍👧‍👦🇫🇷',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357',
  '０３５００３２Ｖ',
  'ⅯⅯⅩⅩⅥ',
  '١٢:٠٠',
  "' OR '1'='1",
  '\'; DROP TABLE "User"; --',
  '" OR 1=1 --',
  '1; SELECT pg_sleep(10)',
  '\\',
  "\\'",
  '$1',
  '%',
  '%%',
  '%00',
  '%E0%A4%A',
  '%0d%0aSet-Cookie:%20a=b',
  '\r\nSet-Cookie: ministage=1',
  'x\r\nLocation: https://evil.example',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<a href="https://evil.example">clic</a>',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '..%2f..%2f',
  '/\\evil.example',
  '//evil.example/x',
  'https://evil.example',
  'prenom.nom@ac-rennes.fr',
  'ce.0350032v@ac-rennes.fr',
  'a@b',
  '@',
  'a'.repeat(255),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'then',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  'true',
  'false',
  '[]',
  '{}',
  '{"__proto__":{"polluted":1}}',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '0x10',
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '0000-01-01',
  '0099-12-31',
  '9999-12-31',
  '275760-09-13',
  '+002026-12-02',
  '2026-1-1',
  '2026-12-02T25:00:00Z',
  '31/02/2026',
  '29/02/2027',
  '00/00/0000',
  '32/13/2026',
  '2026-12',
  '0000-00',
  '2026-99',
  '25:00',
  '24:00',
  '12:60',
  '-1:00',
  '9:5',
  '23:59:59.999',
  'cmfuzz0000000000000000000',
  'c'.repeat(40),
  'c'.repeat(41),
  'ABCD-EFGH-IJKL',
  '0350032V',
  '0350032v',
  '035003',
  'K7QM-3XPD-9RTA',
  'f'.repeat(64),
  'F'.repeat(64),
] as const;

/** A huge string: the limits must say so, never a crash or a hang. */
const huge = fc
  .tuple(fc.constantFrom('a', 'é', '\u0000', '<', "'", '💥', 'a b', '\u202e', '%'), fc.integer({ min: 1_000, max: 120_000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)));

/** Any string: hand-picked, random unicode (full code-point range), ASCII with controls, huge. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: huge },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...NASTY_STRINGS), fc.constantFrom(...NASTY_STRINGS)).map(([a, b]) => a + b) },
);

/** Any number, including the ones JSON cannot carry (React's protocol can). */
const anyNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    2 ** 31,
    -(2 ** 31),
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_VALUE,
    Number.EPSILON,
    NaN,
    Infinity,
    -Infinity,
    0.5,
    1e21,
  ),
  fc.integer(),
  fc.double(),
);

/** A leaf that is not a plain string. */
const oddLeaf: fc.Arbitrary<unknown> = fc.oneof(
  anyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.constantFrom(new Date(NaN), new Date(-8.64e15), new Date(8.64e15), new Date('2026-02-28T23:00:00Z')),
  fc.constant(new Uint8Array([0, 255, 10, 13])),
);

/** An object whose own keys may be `__proto__`, `constructor`…: built with defineProperty, as JSON.parse would. */
export function objectOf(entries: [string, unknown][], proto: 'plain' | 'null' = 'plain'): Record<string, unknown> {
  const o: Record<string, unknown> = proto === 'null' ? Object.create(null) : {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Keys a client may add: pollution keys, the fields of other forms (establishmentId, siteId, role…), junk. */
const anyKey = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'valueOf',
      'then',
      'establishmentId',
      'siteId',
      'userId',
      'role',
      'isOperator',
      'status',
      'id',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Any value at all, nested (arrays, objects with pollution keys, Maps, Sets). */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, anyString, oddLeaf, tie('array'), tie('object'), tie('collection')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc
    .tuple(fc.array(fc.tuple(anyKey, tie('value')), { maxLength: 4 }), fc.constantFrom<'plain' | 'null'>('plain', 'null'))
    .map(([entries, proto]) => objectOf(entries, proto)),
  collection: fc.oneof(
    fc.array(tie('value'), { maxLength: 3 }).map((a) => new Set(a)),
    fc.array(fc.tuple(anyString, tie('value')), { maxLength: 3 }).map((a) => new Map(a)),
  ),
})).value;

/** Very long arrays (a « 10 000 pupils at once » request). */
const hugeArray = fc
  .tuple(fc.integer({ min: 31, max: 20_000 }), fc.constantFrom<unknown>('x', 'cmfuzz0000000000000000000', 1, null, {}))
  .map(([n, v]) => Array(n).fill(v));

/** What a page's searchParams / params hold for one key: a value, several, or none. */
export const anyParam: fc.Arbitrary<string | string[] | undefined> = fc.oneof(
  { weight: 6, arbitrary: anyString },
  { weight: 1, arbitrary: fc.array(anyString, { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const OMIT = Symbol('omit');

/**
 * An action's input: mostly an object with the form's fields (each one plausible, hostile or
 * missing) plus extra keys; sometimes not an object at all. `fields` gives each field's plausible
 * values, so that the other fields pass and the hostile one reaches the check (or the database).
 */
export function actionInput(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const field = (plausible: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 5, arbitrary: plausible }, { weight: 4, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant<unknown>(OMIT) });
  const record = fc
    .tuple(
      fc.tuple(...Object.entries(fields).map(([k, plausible]) => field(plausible).map((v) => [k, v] as [string, unknown]))),
      fc.oneof({ weight: 4, arbitrary: fc.constant([] as [string, unknown][]) }, { weight: 1, arbitrary: fc.array(fc.tuple(anyKey, anyValue), { maxLength: 3 }) }),
      fc.constantFrom<'plain' | 'null'>('plain', 'plain', 'plain', 'null'),
    )
    .map(([own, extra, proto]) => objectOf([...own.filter(([, v]) => v !== OMIT), ...extra], proto));
  return fc.oneof({ weight: 12, arbitrary: record }, { weight: 1, arbitrary: anyValue }, { weight: 1, arbitrary: hugeArray });
}

/** A plausible value, or often one of the form's typical breakages, for a field typed as text. */
export const text = (...plausible: string[]) => (plausible.length ? fc.oneof(fc.constantFrom(...plausible), anyString) : anyString);

/** Values for an id field: real ids given by the world (ours, another tenant's), malformed ones. */
export const idFrom = (...ids: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 2, arbitrary: anyString });

/** A short human-readable rendering of an input for failure messages (huge strings cut). */
export function describe(value: unknown, max = 400): string {
  const s = JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 60)}…(${v.length} chars)` : v;
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (v === undefined) return '(undefined)';
    if (v instanceof Map) return { Map: [...v.entries()] };
    if (v instanceof Set) return { Set: [...v.values()] };
    if (Array.isArray(v) && v.length > 20) return [...v.slice(0, 5), `…(${v.length} items)`];
    return v;
  });
  return (s ?? String(value)).slice(0, max);
}
