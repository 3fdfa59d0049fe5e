import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the generator is plain JavaScript, outside the typed sources
import { generate } from '../bench/generate.js';
import { fastYaml } from '../src/archive/fast-yaml.js';
import { compact, parseYaml } from '../src/archive/yaml.js';
import { made, REPO, SAMPLE } from './helpers.js';

/**
 * fastYaml is a gate in front of the strict reader: whatever it takes, the
 * strict reader takes without a finding, with the same value and the same
 * positions. The real files must pass the gate (a gate that refuses
 * everything keeps the contract too, and is worth nothing); mutants of them
 * that pass it must keep the contract. `npm test` runs 3,000 mutants,
 * `npm run fuzz` 10,000; a long run:
 *
 *   FUZZ_RUNS=100000 npx vitest run tests/fast-yaml.test.ts
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

interface Source {
  name: string;
  text: string;
  /** The file line on which the text starts: 2 for front matter. */
  line: number;
}

function filesUnder(dir: string, test: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, test));
    else if (test(p)) out.push(p);
  }
  return out;
}

/** The front matter of each protocol and the text of each YAML file under `dir`. */
function sources(dir: string): Source[] {
  return filesUnder(dir, (f) => f.endsWith('.md') || f.endsWith('.yml')).flatMap((file): Source[] => {
    const text = readFileSync(file, 'utf8');
    const name = path.relative(REPO, file);
    if (file.endsWith('.yml')) return [{ name, text, line: 1 }];
    const close = text.indexOf('\n---\n');
    return text.startsWith('---\n') && close !== -1 ? [{ name, text: text.slice(4, close + 1), line: 2 }] : [];
  });
}

/**
 * Where two values first differ: in a type, a prototype, a primitive, or
 * the own keys of an object or array and their order. (toStrictEqual
 * compares `.constructor`, which a key `constructor` sets.)
 */
function difference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${at}: ${String(a)} !== ${String(b)}`;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
  const keys = Reflect.ownKeys(a);
  if (JSON.stringify(keys.map(String)) !== JSON.stringify(Reflect.ownKeys(b).map(String))) return `${at}: keys differ`;
  for (const key of keys) {
    const found = difference((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], `${at}.${String(key)}`);
    if (found) return found;
  }
  return undefined;
}

/** Whether fastYaml takes the text; when it does, the strict reader agrees with it in everything, to the order of keys. */
function holds(text: string, line: number): boolean {
  const fast = fastYaml(text, line);
  // Read for its values only (as kd reads every file first), the same text is taken or refused alike, to the same value.
  const valuesOnly = fastYaml(text, line, { places: false });
  expect(valuesOnly === undefined).toBe(fast === undefined);
  if (fast === undefined) return false;
  expect(difference(valuesOnly!.value, fast.value)).toBeUndefined();
  expect(valuesOnly!.places).toEqual({});
  const strict = parseYaml(text, 'f', line);
  expect(strict.findings).toEqual([]);
  expect(difference(fast.value, strict.value)).toBeUndefined();
  expect(difference(fast.places, compact(strict.positions))).toBeUndefined();
  return true;
}

/** Every shape fastYaml takes, in one text: a base for mutants that reach what kd's files seldom hold (a folded text, escapes). */
const SHAPES = `# Every shape, for the mutants.
name: Nätverket för test
mission: >
  Nätverket samlar kommunerna: gemensamma insatser, #1 i regionen
  och "citat" med 'apostrofer' & annat.
decides: true
public: false
number: 0
count: 17
date: 2024-01-31
time: 09:00-11:30 # kaffe från 08:30
place: "Stadshuset: Rum 1, \\"Berga\\" \\\\ Alby"
note: 'it''s # no comment'
empty: []
none: {}
list: [a, "b, c", 'd', 12, true, { e: f, g: [1, 2] }]
map: { h: i j, k: "l: m", n: [] }
roster:
  - { person: anna-alm, from: 2023-01-01, role: chair }
  - anna-alm # Anna Alm
  - "quoted item"
  - no: 1
    title: Budget 2024 – förslag
    text: >
      En vikt text i ett listobjekt,
      över två rader.
    decisions:
      - att anta budgeten.
      - text: att Anna Alm utreder frågan.
        owner: anna-alm
        due: 2024-04-30
    # A comment inside an item.
  - no: 2
    nested:
      deeper:
        deepest: x
# A comment at the end.
`;

const generated = mkdtempSync(path.join(os.tmpdir(), 'kd-fast-yaml-'));
made.push(generated);
generate({ out: generated, protocols: 300, seed: 1 });

/** kd's own files: the sample archive, a generated one, and what kd new-protocol, kd import and kd's edits write. */
const OWN = [
  ...sources(SAMPLE),
  ...sources(generated),
  ...sources(path.join(REPO, 'tests', 'fixtures', 'mini')),
  ...sources(path.join(REPO, 'tests', 'fixtures', 'expected')),
];

describe('fastYaml on kd’s own files', () => {
  it('takes every front matter and YAML file, as the strict reader reads it', () => {
    const refused = OWN.filter((s) => !holds(s.text, s.line)).map((s) => s.name);
    expect(refused).toEqual([]);
    expect(OWN.length).toBeGreaterThan(350);
    expect(holds(SHAPES, 1)).toBe(true);
  });

  it('keeps the contract on the hostile fixtures it takes', () => {
    for (const s of sources(path.join(REPO, 'tests', 'fixtures', 'bad'))) holds(s.text, s.line);
  });
});

describe('fastYaml refuses what it does not read exactly', () => {
  const refused: [string, string][] = [
    ['a tab in the indentation', 'a:\n\t- x\n'],
    ['a tab after a value', 'a: x\t\n'],
    ['a CR', 'a: x\r\nb: y\r\n'],
    ['a BOM', '\ufeffa: x\n'],
    ['a hard space after the colon', 'a:\u00a0x\n'],
    ['a hard space in a text', 'a: x\u00a0y\n'],
    ['a line separator', 'a: x\u2028y\n'],
    ['a control character', 'a: x\u0007\n'],
    ['an anchor', 'a: &x y\n'],
    ['an alias', 'a: *x\n'],
    ['a tag', 'a: !str y\n'],
    ['a merge key', 'a: { b: 1 }\n<<: { b: 2 }\n'],
    ['a complex key', '? a\n: b\n'],
    ['a literal block text', 'a: |\n  x\n'],
    ['a folded text with a chomping indicator', 'a: >-\n  x\n'],
    ['a folded text with a line further in', 'a: >\n  x\n    y\n'],
    ['a folded text with a blank line', 'a: >\n  x\n\n  y\n'],
    ['a folded text at the end without a line end', 'a: >\n  x'],
    ['a flow list over two lines', 'a: [x,\n  y]\n'],
    ['a flow map over two lines', 'a: { b: 1,\n  c: 2 }\n'],
    ['a plain text over two lines', 'a: x\n  y\n'],
    ['a list item over two lines', 'a:\n  - x\n    y\n'],
    ['a double-quoted text over two lines', 'a: "x\n  y"\n'],
    ['a single-quoted text over two lines', "a: 'x\n  y'\n"],
    ['an escape other than \\" and \\\\', 'a: "x\\ny"\n'],
    ['a document start marker', '---\na: x\n'],
    ['a document end marker', 'a: x\n...\n'],
    ['a directive', '%YAML 1.2\n---\na: x\n'],
    ['a key twice', 'a: x\na: y\n'],
    ['a key twice in a flow map', 'a: { b: 1, b: 2 }\n'],
    ['a key with no value', 'a:\nb: x\n'],
    ['a key with no value at the end', 'a: x\nb:\n'],
    ['a quoted key', '"a": x\n'],
    ['a key with a space', 'a b: x\n'],
    ['a key read as a boolean', 'true: x\n'],
    ['a key read as null', 'null: x\n'],
    ['a key read as a number', '2024: x\n'],
    ['the key __proto__', '__proto__: x\n'],
    ['yes is a text in YAML 1.2, but True is a boolean', 'a: True\n'],
    ['null', 'a: null\n'],
    ['~', 'a: ~\n'],
    ['a float', 'a: 1.5\n'],
    ['an exponent', 'a: 1e3\n'],
    ['a hexadecimal integer', 'a: 0x10\n'],
    ['an octal integer', 'a: 0o17\n'],
    ['a leading zero', 'a: 007\n'],
    ['a sign', 'a: +1\n'],
    ['a negative number', 'a: -1\n'],
    ['.inf', 'a: .inf\n'],
    ['.nan', 'a: .nan\n'],
    ['an integer too long for a double', 'a: 12345678901234567890\n'],
    ['a text that starts with an indicator', 'a: @x\n'],
    ['a text with a colon and a space', 'a: Stadshuset: Berga\n'],
    ['a text ending in a colon', 'a: x:\n'],
    ['a colon in a list item', 'a:\n  - att anta planen. Bilaga: budget\n'],
    ['a list item mapping with a capital key', 'a:\n  - Östra: Göinge\n'],
    ['a comment straight after #', 'a: att anta handlingsplan #2\n'],
    ['a value that is a comment', 'a:\n  - #2 i handlingsplanen\n'],
    ['a comment after a key with no value', 'a: # x\n  - y\n'],
    ['a text that starts with a dash', 'a:\n  -att anta budgeten.\n'],
    ['a text in typographic quotes', 'a: ”Kommunhuset”\n'],
    ['brackets in a plain text', 'a: x [y]\n'],
    ['a text after a quote', 'a: "Kommunhuset" i Alby\n'],
    ['an unclosed quote', 'a: "Kommunhuset\n'],
    ['an unclosed bracket', 'a: [x, y\n'],
    ['a trailing comma', 'a: [x, y,]\n'],
    ['an empty flow item', 'a: [x, , y]\n'],
    ['a flow map key without a space', 'a: { b:1 }\n'],
    ['a key without its space', 'a:x\n'],
    ['a key without its colon', 'a x\n'],
    ['a list at the key’s indentation', 'a:\n- x\n'],
    ['a nested list on one line', 'a:\n  - - x\n'],
    ['an empty list item', 'a:\n  -\n'],
    ['a line one step too far in', 'a:\n  b: 1\n   c: 2\n'],
    ['a line between two indentations', 'a:\n    b: 1\n  c: 2\n'],
    ['an indented first line', '  a: x\n'],
    ['a list at the top', '- x\n'],
    ['a text at the top', 'x\n'],
    ['a flow map at the top', '{ a: x }\n'],
    ['an empty text', ''],
    ['only comments', '# x\n'],
    ['flow collections nested too deep', `a: ${'['.repeat(20)}x${']'.repeat(20)}\n`],
  ];
  it.each(refused)('%s', (_, text) => {
    expect(fastYaml(text)).toBeUndefined();
  });

  it('takes the shapes kd writes', () => {
    const taken = [
      'a: x # comment\n# comment\nb: 1\n',
      "a: \"x \\\" \\\\ # y\"\nb: 'it''s'\n",
      'a:\n  - x # Anna Alm\n  - { b: c, d: [1, "2"] }\n  - e: >\n      f\n      g\n    h: true\n',
      'a: yes\nb: 2024-01-01\nc: 09:00-11:30\nd: []\ne: {}\nf: Upphandling & avtal\n',
    ];
    for (const text of taken) expect(holds(text, 3)).toBe(true);
  });

  it('stays linear on long lines', () => {
    // Each a few hundred kilobytes: linear takes milliseconds, quadratic minutes.
    const hostile = [
      `a: ${'x '.repeat(100_000)}y:\n`,
      `a: ${'x'.repeat(200_000)} #y\n`,
      `a: "${'\\\\'.repeat(100_000)}\n`,
      `a: '${"''".repeat(100_000)}\n`,
      `a: [${'x, '.repeat(20_000)}y\n`,
      `a${'-'.repeat(200_000)}: x\n`,
      `a:\n${'  - x\n'.repeat(20_000)}  - :\n`,
    ];
    const started = performance.now();
    for (const text of hostile) expect(fastYaml(text)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

// --- The differential property ---------------------------------------------

const SIGNIFICANT = [
  ':',
  '#',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '?',
  '%',
  '@',
  '`',
  '\\',
  '\t',
  ' ',
  ' ',
  '\n',
  '\u00a0',
  '”',
  'å',
  '0',
  '.',
];
const SCALARS = [
  'yes',
  'no',
  'null',
  'Null',
  'true',
  'False',
  '1.5',
  '1.',
  '.5',
  '0x10',
  '0o17',
  '007',
  '0',
  '+1',
  '-1',
  '1e3',
  '1_000',
  '.inf',
  '~',
  '"a\\"b"',
  '"a\\nb"',
  '"a\\\\b"',
  "'it''s'",
  "'a'b'",
  '""',
  "''",
  'x'.repeat(3000),
  'ord '.repeat(300),
  '[a, b]',
  '[]',
  '{ a: 1, b: [2, 3] }',
  '{}',
  '>',
  '|',
  '&a x',
  '*a',
  '!!str x',
  '"x" y',
  'Bilaga: budget',
  '#2 x',
  'x #2',
  'att anta plan #2',
  'x # 2',
  '”x”',
  '-x',
  '- x',
  '2024-01-01',
  '09:00',
  '12345678901234567890',
  'Östra Göinge',
  'a,b',
  'a: b',
  '',
];

type Op =
  | { kind: 'insert' | 'replace' | 'append'; at: number; ch: string }
  | { kind: 'delete'; at: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'duplicate' | 'delete-line'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'scalar'; at: number; to: string };

const at = fc.nat();
const scalar = fc.record({ kind: fc.constant('scalar' as const), at, to: fc.constantFrom(...SCALARS) });
/** Weighted towards scalars replaced: most of those mutants are still taken, and they probe the core schema's edges. */
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constantFrom('insert' as const, 'replace' as const), at, ch: fc.constantFrom(...SIGNIFICANT) }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), at }), weight: 1 },
  // At a line's end, where the readers trim what they count as space.
  { arbitrary: fc.record({ kind: fc.constant('append' as const), at, ch: fc.constantFrom(...SIGNIFICANT) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('indent' as const), at, by: fc.integer({ min: -4, max: 4 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constantFrom('duplicate' as const, 'delete-line' as const), at }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('swap' as const), at, with: fc.nat() }), weight: 1 },
  { arbitrary: scalar, weight: 4 },
);

const protocols = OWN.filter((s) => s.line === 2);
const yamlFiles = OWN.filter((s) => s.line === 1);
/** A protocol's front matter, a YAML file or the text of every shape, alike often: the YAML files and the shapes hold what protocols do not. */
const base = fc.oneof(
  fc.constantFrom(...protocols),
  fc.constantFrom(...yamlFiles),
  fc.constant<Source>({ name: 'shapes', text: SHAPES, line: 1 }),
);

/** A value on the line: after `key: `, after `- `, or after `, ` or a bracket in a flow collection. */
const VALUE = /(?:: |- |, |\[|\{ ?)([^,\]}\n]*)/g;

function mutate(text: string, ops: readonly Op[]): string {
  let t = text;
  for (const o of ops) {
    const lines = t.split('\n');
    const n = o.at % lines.length;
    switch (o.kind) {
      case 'insert':
      case 'replace':
      case 'delete': {
        const i = o.at % (t.length + 1);
        t = t.slice(0, i) + (o.kind === 'delete' ? '' : o.ch) + t.slice(o.kind === 'insert' ? i : i + 1);
        continue;
      }
      case 'scalar': {
        const values = [...t.matchAll(VALUE)];
        const m = values[o.at % Math.max(1, values.length)];
        if (m) {
          const start = m.index + m[0].length - m[1]!.length;
          t = t.slice(0, start) + o.to + t.slice(start + m[1]!.length);
        }
        continue;
      }
      case 'append':
        lines[n] += o.ch;
        break;
      case 'indent':
        lines[n] = o.by >= 0 ? ' '.repeat(o.by) + lines[n] : lines[n]!.replace(new RegExp(`^ {0,${-o.by}}`), '');
        break;
      case 'duplicate':
        lines.splice(n, 0, lines[n]!);
        break;
      case 'delete-line':
        lines.splice(n, 1);
        break;
      case 'swap': {
        const j = o.with % lines.length;
        [lines[n], lines[j]] = [lines[j]!, lines[n]!];
        break;
      }
    }
    t = lines.join('\n');
  }
  return t;
}

describe('fastYaml on mutants of kd’s own files', () => {
  it(`takes only what the strict reader reads the same, without a finding (${RUNS} mutants)`, () => {
    let taken = 0;
    fc.assert(
      fc.property(base, fc.array(op, { minLength: 1, maxLength: 2 }), (source, ops) => {
        if (holds(mutate(source.text, ops), source.line)) taken++;
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20240208) },
    );
    // Not vacuous: a good share of the mutants are taken, so the property compares.
    expect(taken).toBeGreaterThan(RUNS / 5);
  }, 600_000);
});
