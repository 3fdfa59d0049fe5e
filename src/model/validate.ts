import type { z } from 'zod';
import type { PositionTable } from '../archive/yaml.js';
import { closest } from '../core/closest.js';
import { changed, EXAMPLE_PROTOCOL } from '../core/examples.js';
import { type Finding, formatPath } from '../core/finding.js';
import type { FileKind } from '../core/kinds.js';
import { defineRule } from '../core/rule.js';
import { type Expectation, expectationNamed } from '../i18n/index.js';
import type { ForbiddenKind } from '../schema/common.js';
import { schemas } from '../schema/index.js';

/** Every file follows the schema of its kind. */
export const schemaRule = defineRule({
  id: 'schema',
  messages: {
    'schema.unknown-key': 'error',
    'schema.missing': 'error',
    'schema.invalid': 'error',
    'schema.list-dash': 'error',
    'schema.control': 'error',
  },
  examples: {
    ok: [
      // A key a protocol may leave out: the meeting's theme.
      { files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['items:', 'theme: Upphandling\nitems:']) } },
    ],
    notOk: [
      {
        // The date under a Swedish key: one finding, at `datum`, that names `date` (not also "date is missing").
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['date: 2024-02-08', 'datum: 2024-02-08']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 4, column: 1, key: 'schema.unknown-key', data: { key: 'datum', known: 'date' } }],
      },
      {
        // The place left out.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['place: Kommunhuset, Alby\n', '']) },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 2, column: 1, key: 'schema.missing', data: { key: 'place', expected: { name: 'text' } } },
        ],
      },
      {
        // Both keys there, one with a key that does not exist: the nearest key kd knows at that place.
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            '    title: Gemensam upphandling',
            '    title: Gemensam upphandling\n    sumary: Avtal',
          ]),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 16, column: 5, key: 'schema.unknown-key', data: { key: 'sumary', known: 'summary' } }],
      },
      {
        // The time written the Swedish way, with points.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['time: "09:00-11:30"', 'time: "9.00-11.30"']) },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 5,
            column: 7,
            key: 'schema.invalid',
            data: { expected: { name: 'time-range' }, found: '"9.00-11.30"' },
          },
        ],
      },
      {
        // Those present written one a line, without the dashes that make them a list: one text to YAML.
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            '  present: [astrid-alm, bertil-bok, doris-dal, sara-sund]',
            '  present:\n    astrid-alm\n    bertil-bok\n    doris-dal\n    sara-sund',
          ]),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 13, column: 5, key: 'schema.list-dash', data: { found: 'astrid-alm…' } }],
      },
      {
        // An id pasted from a spreadsheet with its tab, written as the escape \t.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['secretary: sara-sund', 'secretary: "sara-sund\\t"']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 10, column: 12, key: 'schema.control', data: { code: 'U+0009', kind: 'control' } }],
      },
    ],
  },
});

type Issue = z.core.$ZodIssue;

export interface Validated<T> {
  data?: T;
  findings: Finding[];
}

/**
 * Validates parsed YAML against the schema of its kind and turns every zod
 * issue into a finding at the YAML node it is about. Every issue is reported,
 * not only the first.
 */
export function validate<K extends FileKind>(
  kind: K,
  value: unknown,
  positions: PositionTable,
  file: string,
): Validated<z.output<(typeof schemas)[K]>> {
  const result = schemas[kind].safeParse(value);
  if (result.success) return { data: result.data as z.output<(typeof schemas)[K]>, findings: [] };
  const findings: Finding[] = [];
  for (const issue of flatten(result.error.issues)) findings.push(...toFindings(issue, value, positions, file));
  return { findings: misspeltKeys(findings, schemas[kind]) };
}

/**
 * A misspelt key is one slip, not two: `atendance:` is an unknown key and
 * leaves `attendance` missing. The unknown key is reported with the key it
 * was meant to be (a missing one at the same place first, else the nearest
 * the schema allows there), and the missing key it explains is not.
 */
function misspeltKeys(findings: Finding[], schema: z.ZodType): Finding[] {
  const parent = (path: string | undefined) => path?.slice(0, Math.max(0, path.lastIndexOf('.'))) ?? '';
  const missing = findings.filter((f) => f.message.key === 'schema.missing');
  const explained = new Set<Finding>();
  const out = findings.map((f) => {
    if (f.message.key !== 'schema.unknown-key') return f;
    const key = (f.message.data as { key: string }).key;
    const here = missing.filter((m) => !explained.has(m) && parent(m.path) === parent(f.path));
    const keyOf = (m: Finding) => (m.message.data as { key: string }).key;
    const word = SWEDISH_KEYS[key.toLocaleLowerCase('sv')];
    const allowed = keysAt(schema, f.path ?? '');
    // A missing key it is near, else the key its Swedish word means, else the nearest key allowed there.
    const known =
      closest(key, here.map(keyOf))[0] ??
      (word !== undefined && (allowed.includes(word) || here.some((m) => keyOf(m) === word)) ? word : closest(key, allowed, 1)[0]);
    const partner = here.find((m) => keyOf(m) === known);
    if (partner) explained.add(partner);
    return known === undefined ? f : { ...f, message: { key: f.message.key, data: { key, known } } };
  });
  return out.filter((f) => !explained.has(f));
}

/**
 * The Swedish words a secretary writes for kd's keys (`datum:`, `beslut:`):
 * an unknown key that is one of them is reported with the key it means, at
 * the place where that key belongs.
 */
const SWEDISH_KEYS: Record<string, string> = {
  nätverk: 'network',
  nummer: 'number',
  nr: 'number',
  datum: 'date',
  tid: 'time',
  plats: 'place',
  typ: 'kind',
  ordförande: 'chair',
  sekreterare: 'secretary',
  närvaro: 'attendance',
  närvarande: 'present',
  delvis: 'partial',
  distans: 'remote',
  ersättare: 'substitutes',
  förhinder: 'regrets',
  frånvarande: 'absent',
  gäster: 'guests',
  punkter: 'items',
  punkt: 'items',
  rubrik: 'title',
  titel: 'title',
  sammanfattning: 'summary',
  beslut: 'decisions',
  överenskommelser: 'agreements',
  text: 'text',
  ansvarig: 'owner',
  senast: 'due',
  uppföljning: 'follows_up',
  rättelser: 'corrections',
  namn: 'name',
  kommun: 'municipality',
  organisation: 'organisation',
  roll: 'role',
  från: 'from',
  till: 'until',
  medlemmar: 'roster',
  uppdrag: 'mission',
  regler: 'rules',
  justerare: 'approvers',
  justering: 'approval',
  sekretess: 'confidential',
  skäl: 'reason',
  metod: 'method',
};

/** The keys the schema allows in the mapping that holds `path` (a formatted key path), or none when it cannot tell. */
function keysAt(schema: z.ZodType, path: string): string[] {
  const steps = path.split(/\.|(?=\[)/).slice(0, -1);
  let node: unknown = schema;
  const unwrap = (n: unknown): unknown => {
    for (let i = 0; i < 10; i++) {
      const def = (n as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return undefined;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'readonly') n = def.innerType;
      else if (def.type === 'pipe') n = def.in;
      else return n;
    }
    return undefined;
  };
  const defOf = (n: unknown) => (unwrap(n) as { _zod: { def: Record<string, unknown> } } | undefined)?._zod.def;
  const objectIn = (n: unknown): Record<string, unknown> | undefined => {
    const def = defOf(n);
    if (def?.type === 'object') return def.shape as Record<string, unknown>;
    // A union's mapping branch: a decision is a text or { text, owner, … }.
    if (def?.type === 'union') for (const o of def.options as unknown[]) if (objectIn(o)) return objectIn(o);
    return undefined;
  };
  for (const step of steps) {
    const def = defOf(node);
    if (step.startsWith('['))
      node =
        def?.type === 'array'
          ? def.element
          : def?.type === 'union'
            ? (def.options as unknown[]).map(defOf).find((d) => d?.type === 'array')?.element
            : undefined;
    else if (def?.type === 'record') node = def.valueType;
    else node = objectIn(node)?.[step];
    if (node === undefined) return [];
  }
  return Object.keys(objectIn(node) ?? {});
}

/** Replaces union failures with the issues of the branch the value was meant for. */
function flatten(issues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The branch whose failures are not about the type of the value itself
      // is the one the author meant (a mapping for `{text, owner}`).
      const meant = issue.errors.find((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (meant) {
        out.push(...flatten(meant.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue)));
        continue;
      }
    }
    out.push(issue);
  }
  return out;
}

/** The character a `clean` check refused, from its parameters (see common.ts). */
function controlOf(issue: Issue): { code: string; kind: ForbiddenKind } | undefined {
  return issue.code === 'custom' && issue.params?.control ? (issue.params.control as { code: string; kind: ForbiddenKind }) : undefined;
}

function toFindings(issue: Issue, value: unknown, positions: PositionTable, file: string): Finding[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  // A forbidden character in a value (or, for a record, in a key): named at the value, or the key.
  const keyControl = issue.code === 'invalid_key' ? issue.issues.map(controlOf).find((c) => c !== undefined) : undefined;
  const control = controlOf(issue) ?? keyControl;
  if (control) {
    const pos = positions[formatPath(path)];
    const at = !pos
      ? nearest(path, positions)
      : keyControl
        ? { line: pos.keyLine ?? pos.line, column: pos.keyColumn ?? pos.column }
        : { line: pos.line, column: pos.column };
    return [schemaRule.finding({ file, ...at, path: formatPath(path) }, 'schema.control', control)];
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const full = [...path, key];
      const pos = positions[formatPath(full)];
      const at = pos ? { line: pos.keyLine ?? pos.line, column: pos.keyColumn ?? pos.column } : nearest(path, positions);
      return schemaRule.finding({ file, ...at, path: formatPath(full) }, 'schema.unknown-key', { key });
    });
  }
  const here = positions[formatPath(path)];
  if (!here) {
    // The key is absent: point at the mapping that should hold it.
    const key = String(path[path.length - 1] ?? '');
    return [
      schemaRule.finding({ file, ...nearest(path.slice(0, -1), positions), path: formatPath(path) }, 'schema.missing', {
        key,
        expected: expectation(issue),
      }),
    ];
  }
  const expected = expectation(issue);
  const where = { file, line: here.line, column: here.column, path: formatPath(path) };
  // A text on the lines below its key where a list belongs: the list's items written without their dashes.
  if (isList(expected) && here.keyLine !== undefined && here.line > here.keyLine && typeof valueAt(value, path) === 'string') {
    return [schemaRule.finding(where, 'schema.list-dash', { found: here.source ?? '' })];
  }
  const found = here.source ?? '';
  // One of a few words, misspelt (justerad): the word it is nearest.
  const known = issue.code === 'invalid_value' ? closest(found.replace(/^["']|["']$/g, ''), issue.values.map(String), 1)[0] : undefined;
  return [schemaRule.finding(where, 'schema.invalid', { expected, found, ...(known !== undefined ? { known } : {}) })];
}

function isList(e: Expectation): boolean {
  return ('name' in e && (e.name === 'list' || e.name === 'id-list' || e.name === 'nonempty-list')) || ('type' in e && e.type === 'array');
}

/** The value at a key path of the parsed data. */
function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined;
  return at;
}

/** Position of the closest existing node on the path: its key if it has one. */
function nearest(path: readonly (string | number)[], positions: PositionTable) {
  for (let n = path.length; n >= 0; n--) {
    const pos = positions[formatPath(path.slice(0, n))];
    if (pos) return { line: pos.keyLine ?? pos.line, column: pos.keyColumn ?? pos.column };
  }
  return { line: 1, column: 1 };
}

function expectation(issue: Issue): Expectation {
  const name = expectationNamed(issue.message);
  if (name) return { name };
  switch (issue.code) {
    case 'invalid_type':
      return { type: String(issue.expected) };
    case 'invalid_value':
      return { oneOf: issue.values.map(String) };
    case 'too_small':
      return { min: Number(issue.minimum) };
    case 'too_big':
      return { max: Number(issue.maximum) };
    default:
      return { name: 'valid' };
  }
}
